package com.onestepai.osai.internal;

import com.onestepai.osai.LogLevel;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.UploadFile;
import com.onestepai.osai.api.UsersApi;
import com.squareup.moshi.Moshi;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The OkHttp and Retrofit machinery behind one {@link com.onestepai.osai.OsaiClient}: the session,
 * the interceptors, the converters and the call adapter, wired once. Not an API: the one public
 * type of this package that is not an annotation of generated code or a test seam, and so also the
 * door through which {@link OsaiClient}, {@link UploadFile} and the workflow brackets reach the
 * package ({@link #of}, {@link #hold}, {@link #uploadDiscarder}, {@link #uploadFailure}).
 */
public final class ClientStack {
  /** Shorter access tokens are refused: they could not be told apart from ordinary text. */
  public static final int MIN_ACCESS_TOKEN_LENGTH = Redactor.MIN_SECRET_LENGTH;

  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Session session;
  private final Retrofit retrofit;
  private final ConcurrentMap<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** What serves the calls of open holds: the same machinery, without the closed check. */
  private final Retrofit heldRetrofit;

  private final ConcurrentMap<Class<?>, Object> heldServices = new ConcurrentHashMap<>();

  /** Guards {@link #holds} and {@link #released}. */
  private final Object holdLock = new Object();

  private int holds;
  private boolean released;

  private static @Nullable Function<OsaiClient, ClientStack> stacks;

  /**
   * @param shared the caller's client to derive from, or null for a client of our own
   * @param logger where log lines go, or null for {@code java.util.logging} at {@code FINE}
   */
  public ClientStack(
      Supplier<String> accessToken,
      HttpUrl baseUrl,
      @Nullable OkHttpClient shared,
      long connectTimeoutMillis,
      long readTimeoutMillis,
      long timeoutMillis,
      int maxRetries,
      long maxRetryAfterMillis,
      long refreshMarginMillis,
      LogLevel logLevel,
      @Nullable Consumer<String> logger,
      LongSupplier clock,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.ownsHttp = shared == null;
    Redactor redactor = new Redactor();
    // JulLogger is reached only when logging is on: java.util.logging's start costs a cold JVM.
    Consumer<String> log =
        logLevel == LogLevel.NONE ? line -> {} : logger != null ? logger : JulLogger.INSTANCE;
    // One line per retry and per sign-in, at every level but NONE.
    Consumer<String> debug =
        logLevel == LogLevel.NONE ? log : line -> log.accept(redactor.redact(line));
    Attempts attempts = new Attempts();
    Supplier<RetryInterceptor> retries =
        () ->
            new RetryInterceptor(
                maxRetries,
                TimeUnit.MILLISECONDS.toNanos(maxRetryAfterMillis),
                sleeper,
                random,
                clock,
                System::nanoTime,
                debug,
                attempts);
    OsaiCallAdapterFactory.Limits limits =
        new OsaiCallAdapterFactory.Limits(
            baseUrl, connectTimeoutMillis, readTimeoutMillis, attempts);
    HttpLogging logging =
        logLevel == LogLevel.NONE
            ? null
            : new HttpLogging(HttpLoggingInterceptor.Level.valueOf(logLevel.name()), log, redactor);

    // Derived from the caller's client so that both share its connection pool, dispatcher, TLS,
    // proxy and DNS; its own interceptors and event listener are kept for the API calls only.
    this.http =
        (shared == null ? new OkHttpClient.Builder() : shared.newBuilder())
            .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            .callTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .build();

    OsaiConverterFactory converters = new OsaiConverterFactory(moshi());

    // Sign-in sends the access token and answers the JWT: none of the caller's interceptors or
    // listeners see it, and it follows no redirect, since OkHttp would send the token on to
    // wherever the redirect points.
    Session.ServerDate serverDate = new Session.ServerDate();
    OkHttpClient.Builder signInHttp =
        http.newBuilder()
            .eventListener(EventListener.NONE)
            .authenticator(Authenticator.NONE)
            .cookieJar(CookieJar.NO_COOKIES)
            .cache(null)
            .followRedirects(false);
    signInHttp.interceptors().clear();
    signInHttp.networkInterceptors().clear();
    signInHttp
        .addInterceptor(retries.get())
        .addInterceptor(new UserAgent())
        .addInterceptor(serverDate);
    if (logging != null) {
      signInHttp.addNetworkInterceptor(logging);
    }
    // Sign-ins run on a thread of their own, never queued behind the calls waiting for them.
    ThreadPoolExecutor signInExecutor =
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
    // Sign-in serves calls already started, so it goes on after close().
    Retrofit signInRetrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(signInHttp.build())
            .addConverterFactory(converters)
            .addCallAdapterFactory(
                new OsaiCallAdapterFactory(
                    redactor, () -> false, http.dispatcher().executorService(), limits))
            .build();
    this.session =
        new Session(
            accessToken,
            signInRetrofit.create(UsersApi.class)::signIn,
            serverDate,
            baseUrl,
            redactor,
            clock,
            refreshMarginMillis,
            signInExecutor,
            debug);

    // API calls: the caller's interceptors first (they see each call once, without the JWT),
    // then the uploads' filenames (UploadParts), then the retries, whose deadline covers sign-in
    // and every attempt, then the JWT, for the base URL's origin only. Redirects are followed
    // after all of these, by OkHttp, which drops Authorization when the origin changes.
    // The caller's Authenticator is not asked about OSAI's 401s: the session answers those.
    OkHttpClient.Builder apiHttp =
        http.newBuilder()
            .authenticator(Authenticator.NONE)
            .addInterceptor(new UploadParts())
            .addInterceptor(retries.get())
            .addInterceptor(new BearerAuthInterceptor(session, baseUrl));
    if (logging != null) {
      apiHttp.addNetworkInterceptor(logging);
    }
    OkHttpClient api = apiHttp.build();
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(api)
            .addConverterFactory(converters)
            .addCallAdapterFactory(
                new OsaiCallAdapterFactory(
                    redactor, closed::get, http.dispatcher().executorService(), limits))
            .build();
    this.heldRetrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(api)
            .addConverterFactory(converters)
            .addCallAdapterFactory(
                new OsaiCallAdapterFactory(
                    redactor, () -> false, http.dispatcher().executorService(), limits))
            .build();
  }

  /**
   * Called once, by {@link UploadFile}'s initializer: how to close a file's stream that a call did
   * not send (the JDK's "shared secrets" pattern, which spares {@code UploadFile} a public {@code
   * close()} that every caller would be told to call).
   */
  public static void uploadDiscarder(Consumer<UploadFile> discarder) {
    Uploads.discarder(discarder);
  }

  /**
   * For {@link UploadFile#writeTo}: an {@link java.io.IOException} that carries {@code failure} out
   * to the caller as it is, typed and not retried.
   */
  public static java.io.IOException uploadFailure(OsaiException failure) {
    return Uploads.failure(failure);
  }

  /**
   * Called once, by {@link OsaiClient}'s initializer: how to reach a client's stack from {@code
   * com.onestepai.osai.workflow} without a public accessor (the JDK's "shared secrets" pattern).
   */
  public static synchronized void stacks(Function<OsaiClient, ClientStack> access) {
    if (stacks == null) {
      stacks = access;
    }
  }

  /** The stack behind {@code client}. */
  public static ClientStack of(OsaiClient client) {
    Function<OsaiClient, ClientStack> access;
    synchronized (ClientStack.class) {
      access = stacks;
    }
    if (access == null) {
      throw new IllegalStateException("OsaiClient was not initialized"); // cannot happen
    }
    return access.apply(client);
  }

  /**
   * Takes a hold on this stack, for a bracket such as {@code DatasetUpload} whose closing call must
   * go out even if the client is closed meanwhile: until the hold is released, the hold's services
   * work after {@link #close()}, and close() keeps the HTTP client's threads and connections for
   * them.
   *
   * @throws IllegalStateException if the stack is closed already
   */
  public Hold hold() {
    synchronized (holdLock) {
      if (closed.get()) {
        throw new IllegalStateException("OsaiClient is closed");
      }
      holds++;
    }
    return new Hold();
  }

  /** A hold on the stack: see {@link #hold()}. */
  public final class Hold {
    private final AtomicBoolean done = new AtomicBoolean();

    private Hold() {}

    /** The implementation of {@code service} whose calls are served even after close(). */
    public <T> T api(Class<T> service) {
      return service.cast(heldServices.computeIfAbsent(service, heldRetrofit::create));
    }

    /** Releases the hold; later calls do nothing. */
    public void release() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      synchronized (holdLock) {
        holds--;
      }
      releaseIfDone();
    }
  }

  /**
   * A client's one Moshi: the adapters for the spec's string formats, JSON values with exact
   * numbers, and strings whose lone surrogates go back escaped ({@link JsonValues}). Each model and
   * enum brings its own adapter (generated, found by Moshi by name).
   */
  public static Moshi moshi() {
    return new Moshi.Builder()
        .add(ScalarAdapters.FACTORY)
        .add(JsonValues.FACTORY)
        .add(JsonValues.STRINGS)
        .build();
  }

  /**
   * The implementation of a Retrofit interface, made once, then cached.
   *
   * @throws IllegalStateException if the stack is closed
   */
  public <T> T create(Class<T> service) {
    if (closed.get()) {
      throw new IllegalStateException("OsaiClient is closed");
    }
    return service.cast(services.computeIfAbsent(service, retrofit::create));
  }

  /** Closes once: see {@link com.onestepai.osai.OsaiClient#close()}. */
  public void close() {
    synchronized (holdLock) {
      if (!closed.compareAndSet(false, true) || !ownsHttp) {
        return;
      }
    }
    // Calls already started, queued ones included, and the calls of open holds finish first: the
    // dispatcher's threads and the pool's connections are released once it is idle and no hold
    // is open. The sign-in thread ends by itself when idle (a core size of 0), so a started call
    // that still needs a sign-in gets one.
    http.dispatcher().setIdleCallback(this::releaseIfDone);
    releaseIfDone();
  }

  /** Releases the HTTP client's threads and connections once closed, idle and without holds. */
  private void releaseIfDone() {
    Dispatcher dispatcher = http.dispatcher();
    synchronized (holdLock) {
      if (!closed.get()
          || !ownsHttp
          || released
          || holds > 0
          || dispatcher.runningCallsCount() > 0) {
        return;
      }
      released = true;
    }
    dispatcher.executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return session.toString();
  }

  /** The default log sink: debug output, shown where the application enables it. */
  private enum JulLogger implements Consumer<String> {
    INSTANCE;

    private final Logger logger = Logger.getLogger("com.onestepai.osai.http");

    @Override
    public void accept(String line) {
      logger.log(Level.FINE, line);
    }
  }
}
