package com.onestepai.osai;

import com.onestepai.osai.api.OsaiApis;
import com.onestepai.osai.internal.ClientStack;
import com.onestepai.osai.internal.Sleeper;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

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
   * Environment variable holding the {@link LogLevel}: {@code none}, {@code basic}, {@code headers}
   * or {@code body}, in any case; {@code debug} is read as {@code headers}. Any other value is
   * logged as a warning (logger {@code com.onestepai.osai}) and leaves logging off.
   */
  public static final String ENV_LOG = "OSAI_LOG";

  private final HttpUrl baseUrl;
  private final ClientStack stack;

  static {
    ClientStack.stacks(client -> client.stack); // for the workflow brackets: see DatasetUpload
  }

  private OsaiClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.stack =
        new ClientStack(
            builder.accessToken,
            baseUrl,
            builder.okHttpClient,
            builder.connectTimeoutMillis,
            builder.readTimeoutMillis,
            builder.timeoutMillis,
            builder.maxRetries,
            builder.maxRetryAfterMillis,
            builder.refreshMarginMillis,
            builder.logLevel,
            builder.logger,
            builder.clock,
            builder.sleeper,
            builder.random);
  }

  /** Returns a builder; {@link Builder#accessToken} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment, as {@link Builder#fromEnv()} describes: the
   * same as {@code OsaiClient.builder().fromEnv().build()}.
   *
   * @throws IllegalStateException if {@code OSAI_API_TOKEN} is unset or blank
   * @throws IllegalArgumentException if {@code OSAI_URL} or the token holds a value the client
   *     cannot use; the message names the variable (an unknown {@code OSAI_LOG} only warns)
   */
  public static OsaiClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** A builder set from {@code env} as {@link Builder#fromEnv()} describes. */
  static Builder fromEnv(Map<String, String> env) {
    return builder().fromEnv(env);
  }

  /**
   * Returns the implementation of a Retrofit interface that uses this client's session, retries,
   * deadline, typed errors, logging and HTTP client: a generated one (any interface in {@code
   * com.onestepai.osai.api}), or one of your own for an operation the spec does not describe yet.
   * Made once per interface, then cached.
   *
   * <pre>{@code
   * interface ImagesApi {
   *   @Multipart
   *   @POST("Datasets/{datasetId}/Images") // relative: no leading '/'
   *   UploadedImage upload(@Path("datasetId") String datasetId, @Part("file") UploadFile image);
   * }
   *
   * UploadedImage image = client.api(ImagesApi.class).upload(datasetId, UploadFile.of(file));
   * }</pre>
   *
   * <p>Its methods return what the generated ones do: the answer's type {@code T} (a model, {@code
   * String}, {@code Void} for no body), {@code CompletableFuture<T>}, or a {@code ResponseBody}
   * from a {@code @Streaming} method. Each call carries the JWT unless the method is marked {@link
   * WithoutJwt}, and only to the base URL's scheme, host and port; a POST or PATCH is retried after
   * it was sent only when marked {@link Idempotent}.
   *
   * @throws IllegalArgumentException if {@code service} is not a Retrofit interface
   */
  @Override
  public <T> T api(Class<T> service) {
    Objects.requireNonNull(service, "service == null");
    return stack.create(service);
  }

  /** The base URL every call goes to, ending in {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Closes the client: calls started after this throw {@code IllegalStateException("OsaiClient is
   * closed")}, in both forms; calls already started finish, and so does an open {@link
   * com.onestepai.osai.workflow.DatasetUpload}: its {@code finishUploading} still goes out when the
   * bracket closes, so that no dataset stays locked (a shutdown hook may close the client while a
   * block runs). Releases the threads and connections of the HTTP client this client created once
   * those are over; a client built with {@link Builder#okHttpClient} leaves the caller's pool and
   * dispatcher alone: their owner closes them. Idempotent.
   */
  @Override
  public void close() {
    stack.close();
  }

  @Override
  public String toString() {
    return "OsaiClient{baseUrl=" + baseUrl + ", session=" + stack + "}";
  }

  /**
   * Configures an {@link OsaiClient}; only {@link #accessToken} is required. Not thread-safe;
   * {@link #build()} may be called again.
   */
  public static final class Builder {
    private @Nullable Supplier<String> accessToken;
    // Whence the token and the base URL came, for error messages: a method or a variable.
    private String accessTokenSource = "accessToken";
    private @Nullable String accessTokenValue;
    private Region region = Region.EU;
    private @Nullable String baseUrl;
    private String baseUrlSource = "baseUrl";
    private @Nullable OkHttpClient okHttpClient;
    private long connectTimeoutMillis = 10_000;
    private long readTimeoutMillis = 30_000;
    private long timeoutMillis = 60_000;
    private int maxRetries = 2;
    private long maxRetryAfterMillis = 60_000;
    private long refreshMarginMillis = 60_000;
    private LogLevel logLevel = LogLevel.NONE;
    private @Nullable Consumer<String> logger;
    private boolean allowInsecureHttp;
    // Seams for tests: the wall clock (JWT expiry, Retry-After dates), waits, jitter.
    LongSupplier clock = System::currentTimeMillis;
    Sleeper sleeper = Sleeper.SYSTEM;
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Sets what the environment gives: the access token from {@code OSAI_API_TOKEN} (required), the
     * base URL from {@code OSAI_URL} (when set: it overrides {@link #region}) and the log level
     * from {@code OSAI_LOG} ({@code none}, {@code basic}, {@code headers} or {@code body}, and
     * {@code debug} for {@code headers}; its lines go to standard error unless {@link #logger} is
     * set). An {@code OSAI_LOG} that names no level is logged as a warning ({@code
     * java.util.logging} logger {@code com.onestepai.osai}) and leaves logging off: a debugging
     * switch never stops an application. Options set after it override it.
     *
     * <pre>{@code
     * OsaiClient client = OsaiClient.builder().fromEnv().timeout(30, TimeUnit.SECONDS).build();
     * }</pre>
     *
     * @throws IllegalStateException if {@code OSAI_API_TOKEN} is unset or blank ({@code OSAI_URL}
     *     and the token are checked by {@link #build()}, whose messages name the variable)
     */
    public Builder fromEnv() {
      return fromEnv(System.getenv());
    }

    Builder fromEnv(Map<String, String> env) {
      String token = env.get(ENV_ACCESS_TOKEN);
      if (token == null || token.trim().isEmpty()) {
        throw new IllegalStateException(
            ENV_ACCESS_TOKEN
                + " is not set: create an access token in the OSAI web app (Settings) and export"
                + " it as "
                + ENV_ACCESS_TOKEN
                + ".");
      }
      accessToken(token);
      accessTokenSource = ENV_ACCESS_TOKEN;
      String url = env.get(ENV_BASE_URL);
      if (url != null && !url.trim().isEmpty()) {
        baseUrl(url.trim());
        baseUrlSource = ENV_BASE_URL;
      }
      String log = env.get(ENV_LOG);
      if (log != null && !log.trim().isEmpty()) {
        LogLevel level = envLogLevel(log.trim().toLowerCase(Locale.ROOT));
        if (level == null) {
          // A switch for debugging must never stop an application from starting.
          Logger.getLogger("com.onestepai.osai")
              .warning(
                  ENV_LOG
                      + " is \""
                      + log
                      + "\", which is not a log level: HTTP logging stays off. Use none, basic,"
                      + " headers or body (debug is read as headers).");
        } else {
          logLevel(level);
          if (logger == null) {
            logger = System.err::println; // a switch for debugging: its lines show at once
          }
        }
      }
      return this;
    }

    /**
     * The level {@code OSAI_LOG} names, or null: a {@link LogLevel} by name, and {@code debug},
     * which users type out of habit from other SDKs, as {@link LogLevel#HEADERS} (what a debug
     * level shows elsewhere: each request and answer with their headers, but no bodies, which may
     * be large or hold users' data).
     */
    private static @Nullable LogLevel envLogLevel(String value) {
      if (value.equals("debug")) {
        return LogLevel.HEADERS;
      }
      for (LogLevel level : LogLevel.values()) {
        if (level.name().toLowerCase(Locale.ROOT).equals(value)) {
          return level;
        }
      }
      return null;
    }

    /**
     * The access token created in the OSAI web app (Settings). Required (this or the supplier
     * form); at least 8 characters. It is sent only to sign-in, and never logged or printed.
     */
    public Builder accessToken(String accessToken) {
      Objects.requireNonNull(accessToken, "accessToken == null");
      if (accessToken.trim().isEmpty()) {
        throw new IllegalArgumentException(
            "accessToken is blank: pass the token created in the OSAI web app (Settings).");
      }
      this.accessTokenValue = accessToken;
      this.accessTokenSource = "accessToken";
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
      this.accessTokenValue = null;
      this.accessTokenSource = "accessToken";
      return this;
    }

    /**
     * The region to call, {@link Region#EU} by default. A {@link #baseUrl} overrides it, whether
     * set before or after; a base URL from {@code OSAI_URL} does only until this is called.
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      if (ENV_BASE_URL.equals(baseUrlSource)) {
        this.baseUrl = null; // set in code after fromEnv(): the code wins over OSAI_URL
        this.baseUrlSource = "baseUrl";
      }
      return this;
    }

    /**
     * The base URL of the API, such as {@code https://app-us.onestepai.com/api}: overrides {@link
     * #region}, whether set before or after it. Its path is kept; a missing trailing {@code /} is
     * added. {@code http://} is accepted only for loopback hosts unless {@link #allowInsecureHttp}
     * is set.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      this.baseUrlSource = "baseUrl";
      return this;
    }

    /**
     * An HTTP client to share. The SDK derives its own with {@link OkHttpClient#newBuilder()}, so
     * both use one connection pool and dispatcher (and its TLS, proxy and DNS settings), and {@link
     * OsaiClient#close()} leaves them open. Yours is not changed, but the derived client uses this
     * builder's timeouts (its defaults unless set), not yours. Your interceptors and event listener
     * see the API calls (application interceptors before the SDK adds the JWT, network interceptors
     * with it) and never see sign-in.
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
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeoutMillis = millis("connectTimeout", timeout);
      return this;
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
    public Builder readTimeout(Duration timeout) {
      this.readTimeoutMillis = millis("readTimeout", timeout);
      return this;
    }

    /**
     * The deadline of one call, from start to the last byte of the answer: it covers signing in,
     * every retry and every wait between them. Default 60 s; 0 means no limit. Two kinds of call
     * take longer than any fixed deadline, and are guarded stall by stall ({@link #readTimeout})
     * instead: a download (an operation answering {@code ResponseBody}), whose deadline ends when
     * the answer's headers are in, and an upload (a call that sends an {@link
     * com.onestepai.osai.UploadFile}), which has none.
     */
    public Builder timeout(long timeout, TimeUnit unit) {
      this.timeoutMillis = millis("timeout", timeout, unit);
      return this;
    }

    /**
     * See {@link #timeout(long, TimeUnit)}. On Android it needs API 26 (or core library
     * desugaring); the {@code (long, TimeUnit)} form works everywhere.
     */
    public Builder timeout(Duration timeout) {
      this.timeoutMillis = millis("timeout", timeout);
      return this;
    }

    /**
     * How many times to retry a call after a connection failure or a 408, 429, 500, 502, 503 or 504
     * answer. Default 2; 0 turns the SDK's retries off. Only idempotent calls are retried once
     * sent; the others are sent with a one-shot body, which OkHttp never repeats either.
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
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfterMillis = millis("maxRetryAfter", maxRetryAfter);
      return this;
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
    public Builder refreshMargin(Duration margin) {
      this.refreshMarginMillis = millis("refreshMargin", margin);
      return this;
    }

    /**
     * How much of each HTTP exchange to log. Default {@link LogLevel#NONE}. Any other level also
     * logs one line per retry and per sign-in.
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel == null");
      return this;
    }

    /**
     * Where log lines go (already redacted). Default: {@code java.util.logging} logger {@code
     * com.onestepai.osai.http} at {@code FINE} (debug), which its default configuration hides.
     *
     * <pre>{@code
     * builder.logLevel(LogLevel.BASIC).logger(line -> log.debug(line))   // SLF4J, say
     * }</pre>
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
     * @throws IllegalStateException if no access token was given, or the OkHttp on the classpath is
     *     older than 5 (the message names the versions found and the fix)
     * @throws IllegalArgumentException if the access token is shorter than 8 characters, or the
     *     base URL is not an http(s) URL, or is {@code http://} on a host that is not loopback
     *     without {@link #allowInsecureHttp}
     */
    public OsaiClient build() {
      OkHttpVersion.check();
      if (accessToken == null) {
        throw new IllegalStateException(
            "No access token: call accessToken(...) with the token created in the OSAI web app"
                + " (Settings), or use OsaiClient.fromEnv() with "
                + ENV_ACCESS_TOKEN
                + " set.");
      }
      if (accessTokenValue != null
          && accessTokenValue.trim().length() < ClientStack.MIN_ACCESS_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            accessTokenSource
                + " is shorter than "
                + ClientStack.MIN_ACCESS_TOKEN_LENGTH
                + " characters, too short to be an OSAI access token: pass the whole token"
                + " created in the OSAI web app (Settings).");
      }
      HttpUrl url =
          baseUrl == null
              ? parseBaseUrl(region.baseUrl(), "region")
              : parseBaseUrl(baseUrl, baseUrlSource);
      if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            baseUrlSource
                + " "
                + url
                + " is plain http: sign-in would send the access token unencrypted. Use https://,"
                + " or allowInsecureHttp(true) if the network is trusted.");
      }
      return new OsaiClient(this, url);
    }

    /** Whole milliseconds, refusing what OkHttp would misread: under 1 ms is not 0 (no limit). */
    private static long millis(String name, long value, TimeUnit unit) {
      Objects.requireNonNull(unit, "unit == null");
      if (value < 0) {
        throw new IllegalArgumentException(name + " < 0: " + value + " " + unit);
      }
      return checked(name, unit.toMillis(value), value > 0);
    }

    private static long millis(String name, @Nullable Duration value) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + value);
      }
      long millis = value.getSeconds() >= Integer.MAX_VALUE ? Long.MAX_VALUE : value.toMillis();
      return checked(name, millis, !value.isZero());
    }

    private static long checked(String name, long millis, boolean positive) {
      if (millis == 0 && positive) {
        throw new IllegalArgumentException(
            name + " too small: under 1 ms. Use at least 1 ms, or 0 for no limit.");
      }
      if (millis > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name
                + " too large: over "
                + Integer.MAX_VALUE
                + " ms (24.8 days). Use 0 for no limit.");
      }
      return millis;
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static HttpUrl parseBaseUrl(String baseUrl, String source) {
      HttpUrl url = HttpUrl.parse(baseUrl.trim());
      if (url == null) {
        throw new IllegalArgumentException(
            source
                + " is not an http(s) URL: \""
                + baseUrl
                + "\". Use "
                + Region.EU.baseUrl()
                + " or "
                + Region.US.baseUrl()
                + " (or Region.EU / Region.US).");
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException(
            source + " must not have a query or fragment: \"" + baseUrl + "\".");
      }
      if (!url.encodedPath().endsWith("/")) {
        url = url.newBuilder().encodedPath(url.encodedPath() + "/").build();
      }
      return url;
    }
  }
}
