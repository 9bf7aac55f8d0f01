package bench.cold;

import com.onestepai.osai.model.User;
import com.squareup.moshi.Moshi;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Cold start of plain Retrofit 3 + converter-moshi with a hand-written interface: the floor of any
 * Retrofit-based client, without the SDK's layer. Sign in, get the current user, print it.
 */
public final class RetrofitMain {
  interface Users {
    @retrofit2.http.POST("Users/SignIn")
    retrofit2.Call<ResponseBody> signIn(@retrofit2.http.Body RequestBody token);

    @retrofit2.http.GET("Users")
    retrofit2.Call<User> get(@retrofit2.http.Header("Authorization") String authorization);
  }

  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    Moshi moshi = new Moshi.Builder().build();
    Users users = new Retrofit.Builder().baseUrl(args[0] + "/").client(http)
        .addConverterFactory(MoshiConverterFactory.create(moshi)).build().create(Users.class);
    Response<ResponseBody> signIn = users.signIn(
        RequestBody.create("\"bench-access-token\"", MediaType.get("application/json; charset=utf-8"))).execute();
    if (!signIn.isSuccessful()) {
      throw new IllegalStateException("sign-in: HTTP " + signIn.code());
    }
    String jwt = signIn.body().string().trim();
    Response<User> user = users.get("Bearer " + jwt).execute();
    if (!user.isSuccessful()) {
      throw new IllegalStateException("HTTP " + user.code());
    }
    System.out.println(moshi.adapter(User.class).toJson(user.body()));
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
