package com.onestepai.osai;

import com.onestepai.osai.api.UsersApi;
import com.onestepai.osai.internal.BearerAuthInterceptor;
import com.onestepai.osai.internal.OsaiCallAdapterFactory;
import com.onestepai.osai.internal.OsaiConverterFactory;
import com.onestepai.osai.internal.Redactor;
import com.onestepai.osai.internal.Session;
import com.squareup.moshi.Moshi;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * A client for the OSAI API: signs in with an access token on first use and sends the JWT with
 * every call. Thread-safe; make one and share it. Close it when done if it created its own HTTP
 * client.
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
public final class OsaiClient implements AutoCloseable {
  /** Environment variable holding the access token. */
  public static final String ENV_ACCESS_TOKEN = "OSAI_API_TOKEN";
  /** Environment variable holding the base URL (default: {@link Region#EU}). */
  public static final String ENV_BASE_URL = "OSAI_URL";

  private static final long DEFAULT_REFRESH_MARGIN_MILLIS = TimeUnit.SECONDS.toMillis(60);

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Retrofit retrofit;
  private final UsersApi users;

  private OsaiClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    this.ownsHttp = builder.okHttpClient == null;
    // Derived from the caller's client so that both share its connection pool and dispatcher.
    this.http = ownsHttp ? new OkHttpClient() : builder.okHttpClient.newBuilder().build();

    Redactor redactor = new Redactor();
    Retrofit.Builder retrofitBuilder =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .addConverterFactory(new OsaiConverterFactory(new Moshi.Builder().build()))
            .addCallAdapterFactory(new OsaiCallAdapterFactory(redactor));

    Session.ServerDate serverDate = new Session.ServerDate();
    OkHttpClient signInHttp = http.newBuilder().addInterceptor(serverDate).build();
    UsersApi signInApi = retrofitBuilder.client(signInHttp).build().create(UsersApi.class);
    Session session =
        new Session(
            builder.accessToken,
            signInApi,
            serverDate,
            baseUrl,
            redactor,
            System::currentTimeMillis,
            DEFAULT_REFRESH_MARGIN_MILLIS);

    OkHttpClient apiHttp = http.newBuilder().addInterceptor(new BearerAuthInterceptor(session)).build();
    this.retrofit = retrofitBuilder.client(apiHttp).build();
    this.users = retrofit.create(UsersApi.class);
  }

  /** Returns a builder; {@link Builder#accessToken} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: the access token from {@code
   * OSAI_API_TOKEN} (required) and the base URL from {@code OSAI_URL} (default {@link Region#EU}).
   *
   * @throws IllegalStateException if {@code OSAI_API_TOKEN} is unset or blank
   * @throws IllegalArgumentException if {@code OSAI_URL} is not an http(s) URL
   */
  public static OsaiClient fromEnv() {
    return fromEnv(System.getenv());
  }

  static OsaiClient fromEnv(Map<String, String> env) {
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
    return builder.build();
  }

  /** Operations tagged {@code Users}: the signed-in user and sign-in itself. */
  public UsersApi users() {
    return users;
  }

  /**
   * Returns an implementation of a generated API interface (any interface in {@code
   * com.onestepai.osai.api}) that uses this client's session, errors and HTTP client.
   */
  public <T> T api(Class<T> service) {
    return retrofit.create(Objects.requireNonNull(service, "service == null"));
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
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OsaiClient{baseUrl=" + baseUrl + "}";
  }

  /** Configures an {@link OsaiClient}. Not thread-safe; {@link #build()} may be called again. */
  public static final class Builder {
    private Supplier<String> accessToken;
    private String baseUrl = Region.EU.baseUrl();
    private OkHttpClient okHttpClient;

    private Builder() {}

    /**
     * The access token created in the OSAI web app (Settings). Required. It is sent only to
     * sign-in, and never printed.
     */
    public Builder accessToken(String accessToken) {
      Objects.requireNonNull(accessToken, "accessToken == null");
      this.accessToken = () -> accessToken;
      return this;
    }

    /** The region to call: sets the base URL to {@link Region#baseUrl()}. Default {@link Region#EU}. */
    public Builder region(Region region) {
      this.baseUrl = Objects.requireNonNull(region, "region == null").baseUrl();
      return this;
    }

    /**
     * The base URL of the API, such as {@code https://app-us.onestepai.com/api}: overrides {@link
     * #region}. Its path is kept; a missing trailing {@code /} is added.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * An HTTP client to share: the SDK derives its own with {@link OkHttpClient#newBuilder()}, so
     * both use one connection pool and dispatcher, and {@link OsaiClient#close()} leaves them open.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * Returns a new client.
     *
     * @throws IllegalStateException if no access token was given
     * @throws IllegalArgumentException if the base URL is not an http(s) URL
     */
    public OsaiClient build() {
      if (accessToken == null) {
        throw new IllegalStateException(
            "No access token: call accessToken(...) with the token created in the OSAI web app"
                + " (Settings), or use OsaiClient.fromEnv() with "
                + ENV_ACCESS_TOKEN
                + " set.");
      }
      return new OsaiClient(this, parseBaseUrl(baseUrl));
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
}
