package bench.jmh;

import bench.server.CannedServer;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.model.User;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Attribution of the SDK's overhead over raw, in the mode where it shows (8 threads, ops/s),
 * compared with ThroughputBench.sdk / .raw:
 *
 * <ul>
 *   <li>{@code rawCallTimeout}: raw on a client with the SDK's timeouts (connect 10 s, read/write
 *       30 s, call 60 s: an okio AsyncTimeout entered and exited per call, under okio's one global
 *       watchdog lock)
 *   <li>{@code rawPeek}: raw, but the body read as the SDK's converter reads it: buffered whole,
 *       then parsed from {@code buffer.peek()} (which marks the body's segment shared, so okio's
 *       SegmentPool cannot recycle it)
 *   <li>{@code sdkNoCallTimeout}: the SDK built with {@code timeout(0)}
 *   <li>{@code plainRetrofit}: the floor of any Retrofit-based client: Retrofit 3 + converter-moshi
 *       with a hand-written interface ({@code Call<User> get(@Header("Authorization") String)}),
 *       none of the SDK's layer (no session, retries, typed errors, call adapter)
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// 8 client + 8 server threads on 2 cores starve the JIT threads: ops/s still climbs for ~8 s.
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 4, time = 1)
@State(Scope.Benchmark)
public class DiagnosticBench {
  CannedServer server;
  OkHttpClient http;
  OkHttpClient httpWithSdkTimeouts;
  OsaiClient sdkNoCallTimeout;
  com.onestepai.osai.api.UsersApi sdkNoCallTimeoutUsers;
  HttpUrl usersUrl;
  String authorization;
  JsonAdapter<User> adapter;
  PlainUsers plainRetrofit;

  /** A hand-written Retrofit interface: what Retrofit alone costs. */
  interface PlainUsers {
    @retrofit2.http.GET("Users")
    retrofit2.Call<User> get(@retrofit2.http.Header("Authorization") String authorization);
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = CannedServer.start(0);
    http = Contenders.sharedClient();
    httpWithSdkTimeouts = http.newBuilder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .callTimeout(60, TimeUnit.SECONDS)
        .build();
    sdkNoCallTimeout = OsaiClient.builder().accessToken(CannedServer.ACCESS_TOKEN)
        .baseUrl(server.baseUrl()).okHttpClient(http).timeout(0, TimeUnit.MILLISECONDS).build();
    sdkNoCallTimeoutUsers = sdkNoCallTimeout.users();
    Contenders.check("sdkNoCallTimeout", sdkNoCallTimeoutUsers.getCurrentUser());
    adapter = new Moshi.Builder().build().adapter(User.class);
    usersUrl = HttpUrl.get(server.baseUrl() + "/Users");
    authorization = "Bearer " + Contenders.rawSignIn(http, server.baseUrl());
    Contenders.check("rawCallTimeout", rawCallTimeout());
    Contenders.check("rawPeek", rawPeek());
    plainRetrofit = new retrofit2.Retrofit.Builder().baseUrl(server.baseUrl() + "/").client(http)
        .addConverterFactory(retrofit2.converter.moshi.MoshiConverterFactory.create())
        .build().create(PlainUsers.class);
    Contenders.check("plainRetrofit", plainRetrofit());
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) {
    sdkNoCallTimeout.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.close();
    server.recordAndCheck(params.getBenchmark() + " threads=" + params.getThreads());
  }

  private Request request() {
    return new Request.Builder().url(usersUrl).header("Authorization", authorization).build();
  }

  @Benchmark
  public User rawCallTimeout() throws IOException {
    try (Response response = httpWithSdkTimeouts.newCall(request()).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      return adapter.fromJson(response.body().source());
    }
  }

  @Benchmark
  public User rawPeek() throws IOException {
    try (Response response = http.newCall(request()).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      BufferedSource source = response.body().source();
      source.request(Long.MAX_VALUE);
      Buffer buffer = source.getBuffer();
      return adapter.fromJson(JsonReader.of(buffer.peek()));
    }
  }

  @Benchmark
  public User plainRetrofit() throws IOException {
    retrofit2.Response<User> response = plainRetrofit.get(authorization).execute();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }

  @Benchmark
  public User sdkNoCallTimeout() {
    return sdkNoCallTimeoutUsers.getCurrentUser();
  }
}
