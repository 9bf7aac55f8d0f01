package bench.transfer;

import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.UploadFile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.ResponseBody;
import retrofit2.http.GET;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * One transfer through the SDK's public API: an {@link OsaiClient} and a Retrofit interface of the
 * caller's, from {@code client.api(...)}. First a small untimed transfer of the same kind (sign-in,
 * class loading, JIT), then the timed one. Args: {@code upload BASE_URL FILE WARM_FILE} or {@code
 * download BASE_URL SIZE WARM_SIZE}.
 */
public final class SdkTransfer {
  /** The caller's interface: the SDK sends the JWT to its methods, as to every base-URL call. */
  public interface BenchTransfer {
    @Multipart
    @POST("Bench/Upload")
    Received upload(@Part("file") UploadFile file);

    @Streaming
    @GET("Bench/Download")
    ResponseBody download(@Query("size") long size);
  }

  /** The server's answer to an upload, read by the SDK's Moshi converter. */
  public static final class Received {
    public long size;
    public long fileBytes;
    public String filename;
  }

  public static void main(String[] args) throws IOException {
    String op = args[0];
    // The call deadline (default 60 s) covers a whole upload: 5 minutes, so that a slow machine
    // measures rather than fails. A @Streaming call's deadline stops at the answer's headers.
    try (OsaiClient client =
        OsaiClient.builder()
            .baseUrl(args[1])
            .accessToken("bench-access-token")
            .allowInsecureHttp(true)
            .timeout(5, TimeUnit.MINUTES)
            .build()) {
      BenchTransfer api = client.api(BenchTransfer.class);
      Probe probe;
      long confirmed;
      if (op.equals("upload")) {
        File file = new File(args[2]);
        upload(api, new File(args[3]));
        probe = Probe.start();
        confirmed = upload(api, file);
        probe.stop();
      } else {
        long size = Long.parseLong(args[2]);
        download(api, Long.parseLong(args[3]));
        probe = Probe.start();
        confirmed = download(api, size);
        probe.stop();
      }
      System.out.println(probe.result(confirmed));
    }
  }

  static long upload(BenchTransfer api, File file) {
    Received received = api.upload(UploadFile.of(file));
    if (!file.getName().equals(received.filename)) {
      throw new IllegalStateException("the server saw filename " + received.filename);
    }
    Probe.check("file bytes the server counted", file.length(), received.fileBytes);
    return received.fileBytes;
  }

  static long download(BenchTransfer api, long size) throws IOException {
    long count = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ResponseBody body = api.download(size);
        InputStream in = body.byteStream()) {
      for (int read; (read = in.read(buffer)) != -1; ) {
        count += read;
      }
    }
    Probe.check("bytes read", size, count);
    return count;
  }
}
