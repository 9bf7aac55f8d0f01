package bench.cold;

import com.onestepai.osai.model.User;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Cold start, hand-written OkHttp 5 + Moshi: sign in, get the current user, print it. */
public final class RawMain {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    OkHttpClient http = new OkHttpClient();
    JsonAdapter<User> adapter = new Moshi.Builder().build().adapter(User.class);
    String jwt;
    Request signIn = new Request.Builder()
        .url(base + "/Users/SignIn")
        .post(RequestBody.create("\"bench-access-token\"", MediaType.get("application/json; charset=utf-8")))
        .build();
    try (Response response = http.newCall(signIn).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("sign-in: HTTP " + response.code());
      }
      jwt = response.body().string().trim();
    }
    Request get = new Request.Builder().url(base + "/Users")
        .header("Authorization", "Bearer " + jwt).build();
    User user;
    try (Response response = http.newCall(get).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      user = adapter.fromJson(response.body().source());
    }
    System.out.println(adapter.toJson(user));
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
