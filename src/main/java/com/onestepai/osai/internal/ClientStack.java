package com.onestepai.osai.internal;

import com.onestepai.osai.LogLevel;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.UploadFile;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The OkHttp and Retrofit machinery behind one {@link com.onestepai.osai.OsaiClient}: the session,
 * the interceptors, the converters and the call adapter, wired once. Not an API, although public:
 * the door through which the other packages reach this one, since Java 8 has no module to keep it
 * unexported. Each public member has one caller outside: the constructor, {@link #derive}, {@link
 * #create} and {@link #close} are {@link OsaiClient}'s; {@link #stacks} is called once, by {@code
 * OsaiClient}'s initializer, and {@link #of} with {@link #hold} by {@code workflow.DatasetUpload};
 * {@link #uploadDiscarder} and {@link #uploadFailure} are {@link UploadFile}'s; {@link #moshi} is
 * {@code OsaiJson}'s. Making the constructor package-private would need reflection (a cost at cold
 * start, and R8 rules) or moving this class into {@code com.onestepai.osai}, which would make a
 * dozen of the types it wires public instead.
 */
public final class ClientStack {
  /** Shorter access tokens are refused: they could not be told apart from ordinary text. */
  public static final int MIN_ACCESS_TOKEN_LENGTH = Redactor.MIN_SECRET_LENGTH;

  /** This stack, or the one it was derived from by {@link #derive}: it owns what they share. */
  private final ClientStack root;

  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Session session;
  private final HttpUrl baseUrl;
  private final Redactor redactor;
  private final OsaiConverterFactory converters;
  private final Attempts attempts;
  private final Settings settings;
  private final Retrofit retrofit;
  private final ConcurrentMap<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** What serves the calls of open holds: the same machinery, without the closed check. */
  private final Retrofit heldRetrofit;

  private final ConcurrentMap<Class<?>, Object> heldServices = new ConcurrentHashMap<>();

  /** Guards {@link #holds} and {@link #released}: the root's only. */
  private final Object holdLock = new Object();

  private int holds;
  private boolean released;

  private static @Nullable Function<OsaiClient, ClientStack> stacks;

  /** What may differ between a stack and those derived from it: see {@link #derive}. */
  private static final class Settings {
    final long connectTimeoutMillis;
    final long readTimeoutMillis;
    final long timeoutMillis;
    final int maxRetries;
    final long maxRetryAfterMillis;
    final LogLevel logLevel;
    final @Nullable Consumer<String> logger;
    final LongSupplier clock;
    final Sleeper sleeper;
    final DoubleSupplier random;
    final Headers headers;
    final List<String> query; // names and values, alternating

    Settings(
        long connectTimeoutMillis,
        long readTimeoutMillis,
        long timeoutMillis,
        int maxRetries,
        long maxRetryAfterMillis,
        LogLevel logLevel,
        @Nullable Consumer<String> logger,
        LongSupplier clock,
        Sleeper sleeper,
        DoubleSupplier random,
        Headers headers,
        List<String> query) {
      this.connectTimeoutMillis = connectTimeoutMillis;
      this.readTimeoutMillis = readTimeoutMillis;
      this.timeoutMillis = timeoutMillis;
      this.maxRetries = maxRetries;
      this.maxRetryAfterMillis = maxRetryAfterMillis;
      this.logLevel = logLevel;
      this.logger = logger;
      this.clock = clock;
      this.sleeper = sleeper;
      this.random = random;
      this.headers = headers;
      this.query = query;
    }

    /** Where log lines go: nowhere at {@code NONE}. */
    Consumer<String> log() {
      // JulLogger is reached only when logging is on: java.util.logging's start costs a cold JVM.
      return logLevel == LogLevel.NONE ? line -> {} : logger != null ? logger : JulLogger.INSTANCE;
    }

    /** One line per retry and per sign-in, at every level but NONE. */
    Consumer<String> debug(Redactor redactor) {
      Consumer<String> log = log();
      return logLevel == LogLevel.NONE ? log : line -> log.accept(redactor.redact(line));
    }

    @Nullable HttpLogging logging(Redactor redactor) {
      return logLevel == LogLevel.NONE
          ? null
          : new HttpLogging(HttpLoggingInterceptor.Level.valueOf(logLevel.name()), log(), redactor);
    }

    RetryInterceptor retries(Redactor redactor, Attempts attempts) {
      return new RetryInterceptor(
          maxRetries,
          TimeUnit.MILLISECONDS.toNanos(maxRetryAfterMillis),
          sleeper,
          random,
          clock,
          System::nanoTime,
          debug(redactor),
          attempts);
    }
  }

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
    this.root = this;
    this.ownsHttp = shared == null;
    this.baseUrl = baseUrl;
    this.redactor = new Redactor();
    this.attempts = new Attempts();
    this.settings =
        new Settings(
            connectTimeoutMillis,
            readTimeoutMillis,
            timeoutMillis,
            maxRetries,
            maxRetryAfterMillis,
            logLevel,
            logger,
            clock,
            sleeper,
            random,
            Headers.of(),
            Collections.emptyList());

    // Derived from the caller's client so that both share its connection pool, dispatcher, TLS,
    // proxy and DNS; its own interceptors and event listener are kept for the API calls only.
    this.http =
        (shared == null ? new OkHttpClient.Builder() : shared.newBuilder())
            .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            .callTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .build();

    this.converters = new OsaiConverterFactory(moshi());

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
        .addInterceptor(settings.retries(redactor, attempts))
        .addInterceptor(new UserAgent())
        .addInterceptor(serverDate);
    HttpLogging logging = settings.logging(redactor);
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
            .callFactory(new Calls(signInHttp.build(), settings, true))
            .addConverterFactory(converters)
            .addCallAdapterFactory(
                new OsaiCallAdapterFactory(
                    redactor, () -> false, http.dispatcher().executorService(), limits(settings)))
            .build();
    this.session =
        new Session(
            accessToken,
            signInRetrofit.create(SignIn.class)::signIn,
            serverDate,
            baseUrl,
            redactor,
            clock,
            refreshMarginMillis,
            signInExecutor,
            settings.debug(redactor));

    OkHttpClient.Builder api = apiHttp(settings);
    if (logging != null) {
      api.addNetworkInterceptor(logging);
    }
    Calls calls = new Calls(api.build(), settings, false);
    this.retrofit = retrofit(calls, closed::get);
    this.heldRetrofit = retrofit(calls, () -> false);
  }

  /** A stack derived from {@code parent}: see {@link #derive}. */
  private ClientStack(ClientStack parent, Settings settings) {
    this.root = parent.root;
    this.http = parent.http;
    this.ownsHttp = false;
    this.session = parent.session;
    this.baseUrl = parent.baseUrl;
    this.redactor = parent.redactor;
    this.converters = parent.converters;
    this.attempts = parent.attempts;
    this.settings = settings;
    OkHttpClient.Builder api =
        apiHttp(settings)
            .readTimeout(settings.readTimeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(settings.readTimeoutMillis, TimeUnit.MILLISECONDS)
            .callTimeout(settings.timeoutMillis, TimeUnit.MILLISECONDS);
    HttpLogging logging = settings.logging(redactor);
    if (logging != null) {
      api.addNetworkInterceptor(logging);
    }
    Calls calls = new Calls(api.build(), settings, false);
    ClientStack root = this.root;
    this.retrofit = retrofit(calls, () -> closed.get() || root.closed.get());
    this.heldRetrofit = retrofit(calls, () -> false);
  }

  /**
   * A stack that shares this one's session, connection pool, dispatcher, converters and base URL,
   * with other per-call settings: each argument left at -1 (null for {@code logLevel}) keeps this
   * stack's; {@code headers} are set over this stack's extra headers, {@code query} (names and
   * values, alternating) is added after its extra query parameters. Closing it closes only it;
   * closing the root closes every stack derived from it.
   */
  public ClientStack derive(
      long timeoutMillis,
      long readTimeoutMillis,
      int maxRetries,
      @Nullable LogLevel logLevel,
      Headers headers,
      List<String> query) {
    if (closed.get() || root.closed.get()) {
      throw new IllegalStateException("OsaiClient is closed");
    }
    Settings s = settings;
    Headers.Builder allHeaders = s.headers.newBuilder();
    for (int i = 0; i < headers.size(); i++) {
      allHeaders.set(headers.name(i), headers.value(i));
    }
    List<String> allQuery = new ArrayList<>(s.query);
    allQuery.addAll(query);
    return new ClientStack(
        this,
        new Settings(
            s.connectTimeoutMillis,
            readTimeoutMillis < 0 ? s.readTimeoutMillis : readTimeoutMillis,
            timeoutMillis < 0 ? s.timeoutMillis : timeoutMillis,
            maxRetries < 0 ? s.maxRetries : maxRetries,
            s.maxRetryAfterMillis,
            logLevel == null ? s.logLevel : logLevel,
            s.logger,
            s.clock,
            s.sleeper,
            s.random,
            allHeaders.build(),
            Collections.unmodifiableList(allQuery)));
  }

  /**
   * The API calls' client, without its logging: the caller's interceptors first (they see each call
   * once, without the JWT), then the uploads' filenames (UploadParts), then the retries, whose
   * deadline covers sign-in and every attempt, then the JWT, for the base URL's origin only, with
   * the User-Agent and the traceparent. Redirects are followed after all of these, by OkHttp, which
   * drops Authorization when the origin changes. The caller's Authenticator is not asked about
   * OSAI's 401s: the session answers those.
   */
  private OkHttpClient.Builder apiHttp(Settings settings) {
    return http.newBuilder()
        .authenticator(Authenticator.NONE)
        .addInterceptor(new UploadParts())
        .addInterceptor(settings.retries(redactor, attempts))
        .addInterceptor(new BearerAuthInterceptor(session, baseUrl));
  }

  private Retrofit retrofit(Calls calls, BooleanSupplier isClosed) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(calls)
        .addConverterFactory(converters)
        .addCallAdapterFactory(
            new OsaiCallAdapterFactory(
                redactor, isClosed, http.dispatcher().executorService(), limits(settings)))
        .build();
  }

  private OsaiCallAdapterFactory.Limits limits(Settings settings) {
    return new OsaiCallAdapterFactory.Limits(
        baseUrl, settings.connectTimeoutMillis, settings.readTimeoutMillis, attempts);
  }

  /**
   * Makes each call's OkHttp call, tagged with its {@link RequestIds.Sent} (the one the call
   * adapter made for it, else a new one): its {@code traceparent} is sent by {@link
   * BearerAuthInterceptor}, after the caller's interceptors, unless one of them set one; on
   * sign-in, which no caller's interceptor sees, it is set here. The request is rebuilt only for
   * the extra headers and query parameters of {@link #derive}, or that sign-in header.
   */
  private static final class Calls implements okhttp3.Call.Factory {
    private final OkHttpClient client;
    private final Headers headers;
    private final List<String> query;
    private final boolean stampNow;

    Calls(OkHttpClient client, Settings settings, boolean stampNow) {
      this.client = client;
      this.headers = settings.headers;
      this.query = settings.query;
      this.stampNow = stampNow;
    }

    @Override
    public okhttp3.Call newCall(Request request) {
      RequestIds.Sent sent = RequestIds.taken();
      if (headers.size() > 0 || !query.isEmpty() || stampNow) {
        request = withExtras(request, sent);
      }
      okhttp3.Call call = client.newCall(request);
      call.tag(RequestIds.Sent.class, () -> sent);
      return call;
    }

    private Request withExtras(Request request, RequestIds.Sent sent) {
      Request.Builder builder = request.newBuilder();
      for (int i = 0; i < headers.size(); i++) {
        if (request.header(headers.name(i)) == null) { // a @Header of the method wins
          builder.header(headers.name(i), headers.value(i));
        }
      }
      if (!query.isEmpty()) {
        HttpUrl.Builder url = request.url().newBuilder();
        for (int i = 0; i < query.size(); i += 2) {
          url.addQueryParameter(query.get(i), query.get(i + 1));
        }
        builder.url(url.build());
      }
      if (stampNow && request.header(RequestIds.TRACEPARENT) == null) {
        builder.header(RequestIds.TRACEPARENT, sent.made);
        sent.value = sent.made;
      }
      return builder.build();
    }
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
    synchronized (root.holdLock) {
      if (closed.get() || root.closed.get()) {
        throw new IllegalStateException("OsaiClient is closed");
      }
      root.holds++;
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
      synchronized (root.holdLock) {
        root.holds--;
      }
      root.releaseIfDone();
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
    if (closed.get() || root.closed.get()) {
      throw new IllegalStateException("OsaiClient is closed");
    }
    return service.cast(services.computeIfAbsent(service, retrofit::create));
  }

  /**
   * Closes once: see {@link com.onestepai.osai.OsaiClient#close()}. A derived stack only stops
   * starting calls; the root releases what they all share.
   */
  public void close() {
    synchronized (root.holdLock) {
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
