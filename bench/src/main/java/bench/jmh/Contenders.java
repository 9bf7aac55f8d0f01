package bench.jmh;

import bench.server.CannedServer;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.model.User;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import stock.invoker.ApiClient;
import stock.invoker.ApiException;

/**
 * The loopback server and the three contenders, all on one shared OkHttpClient (one connection
 * pool, one dispatcher): the SDK, hand-written OkHttp 5 + Moshi (the floor), and the stock
 * openapi-generator okhttp-gson client. Each signs in once here; the measured calls are GETs.
 */
@State(Scope.Benchmark)
public class Contenders {
  CannedServer server;
  OkHttpClient http;

  // sdk
  OsaiClient sdk;
  com.onestepai.osai.api.UsersApi sdkUsers;

  // raw
  HttpUrl rawUsersUrl;
  String rawAuthorization;
  JsonAdapter<User> rawAdapter;

  // stock
  stock.api.UsersApi stockUsers;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = CannedServer.start(0);
    String base = server.baseUrl();
    http = sharedClient();

    sdk = OsaiClient.builder().accessToken(CannedServer.ACCESS_TOKEN).baseUrl(base)
        .okHttpClient(http).build();
    sdkUsers = sdk.users();
    check("sdk", sdkUsers.getCurrentUser()); // signs in, caches the JWT

    rawAdapter = new Moshi.Builder().build().adapter(User.class);
    rawUsersUrl = HttpUrl.get(base + "/Users");
    rawAuthorization = "Bearer " + rawSignIn(http, base);
    check("raw", raw());

    ApiClient stockClient = new ApiClient(http);
    stockClient.setBasePath(base);
    stockUsers = new stock.api.UsersApi(stockClient);
    String jwt = stockUsers.signIn(CannedServer.ACCESS_TOKEN);
    stockClient.setBearerToken(jwt);
    check("stock", stock());

    if (server.signIns.sum() != 3) {
      throw new IllegalStateException("expected 3 sign-ins in setup: " + server.stats());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) {
    sdk.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
    server.recordAndCheck(params.getBenchmark() + " threads=" + params.getThreads());
  }

  /**
   * The one OkHttpClient all contenders share: OkHttp's defaults, except a pool that keeps up to 16
   * idle connections (default 5), so that 8 threads do not churn connections.
   */
  static OkHttpClient sharedClient() {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
        .build();
  }

  static String rawSignIn(OkHttpClient http, String base) throws IOException {
    Request request = new Request.Builder()
        .url(base + "/Users/SignIn")
        .post(RequestBody.create("\"" + CannedServer.ACCESS_TOKEN + "\"",
            MediaType.get("application/json; charset=utf-8")))
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("sign-in: HTTP " + response.code());
      }
      return response.body().string().trim();
    }
  }

  /** The floor: one GET, the same Authorization header, Moshi straight off the socket. */
  User raw() throws IOException {
    Request request = new Request.Builder()
        .url(rawUsersUrl)
        .header("Authorization", rawAuthorization)
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      ResponseBody body = response.body();
      return rawAdapter.fromJson(body.source());
    }
  }

  User sdk() {
    return sdkUsers.getCurrentUser();
  }

  stock.model.User stock() throws ApiException {
    return stockUsers.getCurrentUser();
  }

  static void check(String who, User u) {
    if (!"Guid-Guid-Guid-Guid".equals(u.getId()) || !"onestepai@email.com".equals(u.getEmail())
        || !Objects.equals(1, u.getColorMode()) || !Boolean.FALSE.equals(u.getEnableTutorial())
        || !"s3".equals(u.getBucket())) {
      throw new IllegalStateException(who + " read a wrong user: " + u);
    }
  }

  static void check(String who, stock.model.User u) {
    if (!"Guid-Guid-Guid-Guid".equals(u.getId()) || !"onestepai@email.com".equals(u.getEmail())
        || !Objects.equals(1, u.getColorMode()) || !Boolean.FALSE.equals(u.getEnableTutorial())
        || !"s3".equals(u.getBucket())) {
      throw new IllegalStateException(who + " read a wrong user: " + u);
    }
  }
}
