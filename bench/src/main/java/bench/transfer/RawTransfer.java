package bench.transfer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The same transfers with plain OkHttp 5 (a fresh {@code OkHttpClient}, its defaults): its own
 * sign-in for the JWT, a multipart POST of {@code RequestBody.create(File, MediaType)} as part
 * {@code file}, a GET read from {@code byteStream()} in 64 KiB reads. Same args and output as
 * {@link SdkTransfer}.
 */
public final class RawTransfer {
  private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  private static final Pattern FILE_BYTES = Pattern.compile("\"fileBytes\":(-?\\d+)");
  private static final Pattern FILENAME = Pattern.compile("\"filename\":\"([^\"]*)\"");

  final OkHttpClient http = new OkHttpClient();
  private final String base;
  private final String authorization;

  RawTransfer(String base) throws IOException {
    this.base = base;
    Request signIn =
        new Request.Builder()
            .url(base + "/Users/SignIn")
            .post(
                RequestBody.create(
                    "\"bench-access-token\"", MediaType.get("application/json; charset=utf-8")))
            .build();
    try (Response response = http.newCall(signIn).execute()) {
      check(response);
      authorization = "Bearer " + response.body().string().trim();
    }
  }

  public static void main(String[] args) throws IOException {
    String op = args[0];
    RawTransfer raw = new RawTransfer(args[1]);
    Probe probe;
    long confirmed;
    if (op.equals("upload")) {
      File file = new File(args[2]);
      raw.upload(new File(args[3]));
      probe = Probe.start();
      confirmed = raw.upload(file);
      probe.stop();
    } else {
      long size = Long.parseLong(args[2]);
      raw.download(Long.parseLong(args[3]));
      probe = Probe.start();
      confirmed = raw.download(size);
      probe.stop();
    }
    System.out.println(probe.result(confirmed));
    raw.http.dispatcher().executorService().shutdown();
    raw.http.connectionPool().evictAll();
  }

  long upload(File file) throws IOException {
    MultipartBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("file", file.getName(), RequestBody.create(file, OCTET_STREAM))
            .build();
    Request request =
        new Request.Builder()
            .url(base + "/Bench/Upload")
            .header("Authorization", authorization)
            .post(body)
            .build();
    String answer;
    try (Response response = http.newCall(request).execute()) {
      check(response);
      answer = response.body().string();
    }
    Matcher filename = FILENAME.matcher(answer);
    if (!filename.find() || !filename.group(1).equals(file.getName())) {
      throw new IllegalStateException("the server saw another filename: " + answer);
    }
    Matcher fileBytes = FILE_BYTES.matcher(answer);
    long counted = fileBytes.find() ? Long.parseLong(fileBytes.group(1)) : -1;
    Probe.check("file bytes the server counted", file.length(), counted);
    return counted;
  }

  long download(long size) throws IOException {
    Request request =
        new Request.Builder()
            .url(base + "/Bench/Download?size=" + size)
            .header("Authorization", authorization)
            .build();
    long count = 0;
    byte[] buffer = new byte[64 * 1024];
    try (Response response = http.newCall(request).execute()) {
      check(response);
      try (InputStream in = response.body().byteStream()) {
        for (int read; (read = in.read(buffer)) != -1; ) {
          count += read;
        }
      }
    }
    Probe.check("bytes read", size, count);
    return count;
  }

  private static void check(Response response) {
    if (!response.isSuccessful()) {
      Request request = response.request();
      throw new IllegalStateException(
          request.method() + " " + request.url() + ": HTTP " + response.code());
    }
  }
}
