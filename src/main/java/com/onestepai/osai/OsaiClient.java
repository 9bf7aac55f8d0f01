package com.onestepai.osai;

import com.onestepai.osai.api.OsaiApis;
import com.onestepai.osai.api.UsersApi;
import com.onestepai.osai.internal.BearerAuthInterceptor;
import com.onestepai.osai.internal.HttpLogging;
import com.onestepai.osai.internal.OsaiCallAdapterFactory;
import com.onestepai.osai.internal.OsaiConverterFactory;
import com.onestepai.osai.internal.Redactor;
import com.onestepai.osai.internal.RetryInterceptor;
import com.onestepai.osai.internal.Session;
import com.onestepai.osai.internal.Sleeper;
import com.squareup.moshi.Moshi;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * A client for the OSAI API: signs in with an access token on first use and sends the JWT with
 * every call. Thread-safe; make one and share it. Close it when done if it created its own HTTP
 * client. Its accessors, one per tag of the API ({@link #users()}, ...), come from the generated
 * {@link OsaiApis}.
 *
 * <pre>{@code
 * try (OsaiClient client = OsaiClient.builder()
 *     .accessToken(System.getenv("OSAI_API_TOKEN"))
 *     .region(Region.EU)
 *     .build()) {
 *   User me = client.users().getCurrentUser();
 * }
 * }</pre>
 */
public final class OsaiClient implements OsaiApis, AutoCloseable {
  /** Environment variable holding the access token. */
  public static final String ENV_ACCESS_TOKEN = "OSAI_API_TOKEN";

  /** Environment variable holding the base URL (default: {@link Region#EU}). */
  public static final String ENV_BASE_URL = "OSAI_URL";

  /**
   * Environment variable holding the {@link LogLevel}: {@code basic}, {@code headers} or {@code
   * body}.
   */
  public static final String ENV_LOG = "OSAI_LOG";

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Session session;
  private final ThreadPoolExecutor signInExecutor;
  private final Retrofit retrofit;
  private final ConcurrentMap<Class<?>, Object> services = new ConcurrentHashMap<>();

  private OsaiClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.ownsHttp = builder.okHttpClient == null;
    // Derived from the caller's client so that both share its connection pool and dispatcher.
    OkHttpClient.Builder base =
        ownsHttp ? new OkHttpClient.Builder() : builder.okHttpClient.newBuilder();
    Redactor redactor = new Redactor();
    base.connectTimeout(builder.connectTimeoutMillis, TimeUnit.MILLISECONDS)
        .readTimeout(builder.readTimeoutMillis, TimeUnit.MILLISECONDS)
        .writeTimeout(builder.readTimeoutMillis, TimeUnit.MILLISECONDS)
        .callTimeout(builder.timeoutMillis, TimeUnit.MILLISECONDS)
        // First: it starts the deadline that the session and the retries share.
        .addInterceptor(
            new RetryInterceptor(
                builder.maxRetries,
                TimeUnit.MILLISECONDS.toNanos(builder.maxRetryAfterMillis),
                builder.sleeper,
                builder.random,
                builder.clock,
                System::nanoTime));
    if (builder.logLevel != LogLevel.NONE) {
      base.addNetworkInterceptor(
          new HttpLogging(
              HttpLoggingInterceptor.Level.valueOf(builder.logLevel.name()),
              builder.logger != null ? builder.logger : JulLogger.INSTANCE,
              redactor));
    }
    this.http = base.build();

    Retrofit.Builder retrofitBuilder =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .addConverterFactory(new OsaiConverterFactory(new Moshi.Builder().build()))
            .addCallAdapterFactory(new OsaiCallAdapterFactory(redactor));

    // Sign-in goes through the generated signIn on a client without the bearer interceptor, and
    // follows no redirect: OkHttp would send the access token on to wherever it points.
    Session.ServerDate serverDate = new Session.ServerDate();
    OkHttpClient signInHttp =
        http.newBuilder()
            .addInterceptor(serverDate)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    // Sign-ins run on a thread of their own, never queued behind the calls waiting for them.
    this.signInExecutor =
        new ThreadPoolExecutor(
            0,
            1,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "OSAI sign-in");
              thread.setDaemon(true);
              return thread;
            });
    this.session =
        new Session(
            builder.accessToken,
            retrofitBuilder.client(signInHttp).build().create(UsersApi.class)::signIn,
            serverDate,
            baseUrl,
            redactor,
            builder.clock,
            builder.refreshMarginMillis,
            signInExecutor);

    OkHttpClient apiHttp =
        http.newBuilder().addInterceptor(new BearerAuthInterceptor(session)).build();
    this.retrofit = retrofitBuilder.client(apiHttp).build();
  }

  /** Returns a builder; {@link Builder#accessToken} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: the access token from {@code OSAI_API_TOKEN}
   * (required), the base URL from {@code OSAI_URL} (default {@link Region#EU}) and the log level
   * from {@code OSAI_LOG} (default none).
   *
   * @throws IllegalStateException if {@code OSAI_API_TOKEN} is unset or blank
   * @throws IllegalArgumentException if {@code OSAI_URL} is not a usable URL or {@code OSAI_LOG} is
   *     not a log level
   */
  public static OsaiClient fromEnv() {
    return fromEnv(System.getenv()).build();
  }

  /** A builder set from {@code env} as {@link #fromEnv()} describes. */
  static Builder fromEnv(Map<String, String> env) {
    String token = env.get(ENV_ACCESS_TOKEN);
    if (token == null || token.trim().isEmpty()) {
      throw new IllegalStateException(
          ENV_ACCESS_TOKEN
              + " is not set: create an access token in the OSAI web app (Settings) and export"
              + " it as "
              + ENV_ACCESS_TOKEN
              + ".");
    }
    Builder builder = builder().accessToken(token);
    String url = env.get(ENV_BASE_URL);
    if (url != null && !url.trim().isEmpty()) {
      builder.baseUrl(url.trim());
    }
    String log = env.get(ENV_LOG);
    if (log != null && !log.trim().isEmpty()) {
      try {
        builder.logLevel(LogLevel.valueOf(log.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            ENV_LOG + " is \"" + log + "\": use none, basic, headers or body.");
      }
    }
    return builder;
  }

  /**
   * Returns the implementation of a generated API interface (any interface in {@code
   * com.onestepai.osai.api}) that uses this client's session, retries, errors and HTTP client. Made
   * once per interface, then cached.
   *
   * @throws IllegalArgumentException if {@code service} is not a Retrofit interface
   */
  @Override
  public <T> T api(Class<T> service) {
    Objects.requireNonNull(service, "service == null");
    return service.cast(services.computeIfAbsent(service, retrofit::create));
  }

  /** The base URL every call goes to, ending in {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Releases the threads and connections of the HTTP client this client created. A client built
   * with {@link Builder#okHttpClient} leaves the caller's pool alone: its owner closes it.
   */
  @Override
  public void close() {
    signInExecutor.shutdown();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OsaiClient{baseUrl=" + baseUrl + ", session=" + session + "}";
  }

  /**
   * Configures an {@link OsaiClient}; only {@link #accessToken} is required. Not thread-safe;
   * {@link #build()} may be called again.
   */
  public static final class Builder {
    private @Nullable Supplier<String> accessToken;
    private String baseUrl = Region.EU.baseUrl();
    private @Nullable OkHttpClient okHttpClient;
    private long connectTimeoutMillis = 10_000;
    private long readTimeoutMillis = 30_000;
    private long timeoutMillis = 60_000;
    private int maxRetries = 2;
    private long maxRetryAfterMillis = 60_000;
    private long refreshMarginMillis = 60_000;
    private LogLevel logLevel = LogLevel.NONE;
    // Null means java.util.logging, set up only when logging is on: JUL's start costs a cold JVM.
    private @Nullable Consumer<String> logger;
    private boolean allowInsecureHttp;
    // Seams for tests: the wall clock (JWT expiry, Retry-After dates), waits, jitter.
    LongSupplier clock = System::currentTimeMillis;
    Sleeper sleeper = Sleeper.SYSTEM;
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * The access token created in the OSAI web app (Settings). Required (this or the supplier
     * form). It is sent only to sign-in, and never logged or printed.
     */
    public Builder accessToken(String accessToken) {
      Objects.requireNonNull(accessToken, "accessToken == null");
      if (accessToken.trim().isEmpty()) {
        throw new IllegalArgumentException(
            "accessToken is blank: pass the token created in the OSAI web app (Settings).");
      }
      this.accessToken = () -> accessToken;
      return this;
    }

    /**
     * Where to read the access token, each time the client signs in: a rotated token is picked up
     * without rebuilding the client.
     *
     * <pre>{@code
     * builder.accessToken(() -> secretStore.get("osai-token"))
     * }</pre>
     */
    public Builder accessToken(Supplier<String> accessToken) {
      this.accessToken = Objects.requireNonNull(accessToken, "accessToken == null");
      return this;
    }

    /**
     * The region to call: sets the base URL to {@link Region#baseUrl()}. Default {@link Region#EU}.
     */
    public Builder region(Region region) {
      this.baseUrl = Objects.requireNonNull(region, "region == null").baseUrl();
      return this;
    }

    /**
     * The base URL of the API, such as {@code https://app-us.onestepai.com/api}: overrides {@link
     * #region}. Its path is kept; a missing trailing {@code /} is added. {@code http://} is
     * accepted only for loopback hosts unless {@link #allowInsecureHttp} is set.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * An HTTP client to share: the SDK derives its own with {@link OkHttpClient#newBuilder()}, so
     * both use one connection pool and dispatcher, and {@link OsaiClient#close()} leaves them open.
     * The SDK sets its own timeouts and interceptors on the derived client only.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /** How long to wait for a TCP/TLS connection. Default 10 s; 0 means no limit. */
    public Builder connectTimeout(long timeout, TimeUnit unit) {
      this.connectTimeoutMillis = millis("connectTimeout", timeout, unit);
      return this;
    }

    /**
     * See {@link #connectTimeout(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    @IgnoreJRERequirement
    public Builder connectTimeout(Duration timeout) {
      return connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How long a read (or write) on the connection may stall: also the longest wait for the
     * server's first byte. Default 30 s; 0 means no limit.
     */
    public Builder readTimeout(long timeout, TimeUnit unit) {
      this.readTimeoutMillis = millis("readTimeout", timeout, unit);
      return this;
    }

    /**
     * See {@link #readTimeout(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    @IgnoreJRERequirement
    public Builder readTimeout(Duration timeout) {
      return readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The deadline of one call, from start to the last byte of the answer: it covers signing in,
     * every retry and every wait between them. Default 60 s; 0 means no limit.
     */
    public Builder timeout(long timeout, TimeUnit unit) {
      this.timeoutMillis = millis("timeout", timeout, unit);
      return this;
    }

    /**
     * See {@link #timeout(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    @IgnoreJRERequirement
    public Builder timeout(Duration timeout) {
      return timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How many times to retry a call after a connection failure or a 408, 429, 500, 502, 503 or 504
     * answer. Default 2; 0 turns retries off. Only idempotent calls are retried once sent.
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The longest {@code Retry-After} the client honours by waiting. Asked to wait longer, it gives
     * up and throws (a {@link RateLimitException}, say). Default 60 s.
     */
    public Builder maxRetryAfter(long maxRetryAfter, TimeUnit unit) {
      this.maxRetryAfterMillis = millis("maxRetryAfter", maxRetryAfter, unit);
      return this;
    }

    /**
     * See {@link #maxRetryAfter(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    @IgnoreJRERequirement
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      return maxRetryAfter(maxRetryAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How long before the JWT's {@code exp} the client signs in again, before the next call goes
     * out. Default 60 s, capped at half the JWT's lifetime.
     */
    public Builder refreshMargin(long margin, TimeUnit unit) {
      this.refreshMarginMillis = millis("refreshMargin", margin, unit);
      return this;
    }

    /**
     * See {@link #refreshMargin(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    @IgnoreJRERequirement
    public Builder refreshMargin(Duration margin) {
      return refreshMargin(margin.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How much of each HTTP exchange to log. Default {@link LogLevel#NONE}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
      return this;
    }

    /**
     * Where log lines go (already redacted). Default: {@code java.util.logging} logger {@code
     * com.onestepai.osai.http} at {@code INFO}.
     */
    public Builder logger(Consumer<String> logger) {
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    /**
     * Allows an {@code http://} base URL on a host that is not loopback. Off by default: sign-in
     * sends the access token, a long-lived credential, in the request body.
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Returns a new client.
     *
     * @throws IllegalStateException if no access token was given
     * @throws IllegalArgumentException if the base URL is not an http(s) URL, or is {@code http://}
     *     on a host that is not loopback without {@link #allowInsecureHttp}
     */
    public OsaiClient build() {
      if (accessToken == null) {
        throw new IllegalStateException(
            "No access token: call accessToken(...) with the token created in the OSAI web app"
                + " (Settings), or use OsaiClient.fromEnv() with "
                + ENV_ACCESS_TOKEN
                + " set.");
      }
      HttpUrl url = parseBaseUrl(baseUrl);
      if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "Base URL "
                + url
                + " is plain http: sign-in would send the access token unencrypted. Use https://,"
                + " or allowInsecureHttp(true) if the network is trusted.");
      }
      return new OsaiClient(this, url);
    }

    private static long millis(String name, long value, TimeUnit unit) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " < 0: " + value + " " + unit);
      }
      return Objects.requireNonNull(unit, "unit == null").toMillis(value);
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static HttpUrl parseBaseUrl(String baseUrl) {
      HttpUrl url = HttpUrl.parse(baseUrl.trim());
      if (url == null) {
        throw new IllegalArgumentException(
            "Base URL is not an http(s) URL: \""
                + baseUrl
                + "\". Use "
                + Region.EU.baseUrl()
                + " or "
                + Region.US.baseUrl()
                + " (or Region.EU / Region.US).");
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException(
            "Base URL must not have a query or fragment: \"" + baseUrl + "\".");
      }
      if (!url.encodedPath().endsWith("/")) {
        url = url.newBuilder().encodedPath(url.encodedPath() + "/").build();
      }
      return url;
    }
  }

  /** The default log sink. */
  private enum JulLogger implements Consumer<String> {
    INSTANCE;

    private final Logger logger = Logger.getLogger("com.onestepai.osai.http");

    @Override
    public void accept(String line) {
      logger.log(Level.INFO, line);
    }
  }
}
