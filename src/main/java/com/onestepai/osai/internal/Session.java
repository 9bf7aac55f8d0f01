package com.onestepai.osai.internal;

import com.onestepai.osai.AccessTokenRejectedException;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiInvalidDataException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.Problem;
import com.onestepai.osai.UnexpectedStatusCodeException;
import java.io.IOException;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The JWT behind every authenticated call: signs in with the access token on first use, keeps the
 * JWT while it is fresh, and signs in again before it expires or after the server rejected it.
 *
 * <p>Modelled on google-auth-library-java's {@code OAuth2Credentials}: the current JWT is one
 * immutable {@link Jwt} in a volatile field, read without locking on every call; when it must be
 * replaced, one caller (the leader) starts the sign-in, outside the lock, and every caller, the
 * leader too, waits for the same future, each no longer than its own deadline, and shares its JWT
 * or its failure. The sign-in runs on {@code executor}, the client's own, so that a caller whose
 * deadline passes (or whose call is cancelled) can leave while it finishes for the others. A
 * failure is not cached: the next call tries again.
 */
final class Session {
  private final Supplier<String> accessToken;
  private final Function<String, String> signIn;
  private final HttpUrl baseUrl;
  private final Redactor redactor;
  private final LongSupplier clock;
  private final long refreshMarginMillis;
  private final ServerDate serverDate;
  private final Executor executor;
  private final Consumer<String> debug;

  private volatile @Nullable Jwt current;

  /** Guards {@link #inFlight}: at most one sign-in at a time. */
  private final Object lock = new Object();

  private @Nullable CompletableFuture<Jwt> inFlight;

  /**
   * @param signIn {@link SignIn#signIn}, on a client without {@link BearerAuthInterceptor} whose
   *     interceptors include {@code serverDate}
   * @param debug where one line per sign-in goes (its duration and outcome)
   */
  Session(
      Supplier<String> accessToken,
      Function<String, String> signIn,
      ServerDate serverDate,
      HttpUrl baseUrl,
      Redactor redactor,
      LongSupplier clock,
      long refreshMarginMillis,
      Executor executor,
      Consumer<String> debug) {
    this.accessToken = accessToken;
    this.signIn = signIn;
    this.serverDate = serverDate;
    this.baseUrl = baseUrl;
    this.redactor = redactor;
    this.clock = clock;
    this.refreshMarginMillis = refreshMarginMillis;
    this.executor = executor;
    this.debug = debug;
  }

  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final BooleanSupplier NEVER = () -> false;

  /**
   * Returns a fresh JWT, signing in first when there is none or the current one is due for
   * replacement. Waits at most {@code timeoutNanos} for the sign-in, and stops waiting soon after
   * {@code canceled} turns true.
   */
  Jwt jwt(long timeoutNanos, BooleanSupplier canceled) {
    Jwt jwt = current;
    if (jwt != null && jwt.isFresh(clock.getAsLong())) {
      return jwt;
    }
    return refresh(jwt, timeoutNanos, canceled);
  }

  /** The current JWT if it is fresh, else null: the lock-free, allocation-free common case. */
  @Nullable Jwt freshJwt() {
    Jwt jwt = current;
    return jwt != null && jwt.isFresh(clock.getAsLong()) ? jwt : null;
  }

  Jwt jwt(long timeoutNanos) {
    return jwt(timeoutNanos, NEVER);
  }

  /**
   * The server rejected {@code rejected}: forget it unless another caller already replaced it, then
   * return a JWT to replay with (a new one, or the one that replaced it).
   */
  Jwt replace(Jwt rejected, long timeoutNanos, BooleanSupplier canceled) {
    forget(rejected);
    return jwt(timeoutNanos, canceled);
  }

  /**
   * The server rejected {@code rejected}: forget it unless another caller already replaced it, so
   * that the next call signs in again.
   */
  void forget(Jwt rejected) {
    synchronized (lock) {
      if (current == rejected) {
        current = null;
      }
    }
  }

  Jwt replace(Jwt rejected, long timeoutNanos) {
    return replace(rejected, timeoutNanos, NEVER);
  }

  private Jwt refresh(@Nullable Jwt stale, long timeoutNanos, BooleanSupplier canceled) {
    CompletableFuture<Jwt> flight;
    boolean leader = false;
    synchronized (lock) {
      Jwt now = current;
      if (now != null && now != stale && now.isFresh(clock.getAsLong())) {
        return now; // another caller replaced it while we looked
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
    }
    if (leader) {
      // The network call runs outside the lock; the lock only elects the leader.
      executor.execute(() -> land(flight));
    }
    return await(flight, timeoutNanos, canceled);
  }

  private void land(CompletableFuture<Jwt> flight) {
    @Nullable Jwt jwt = null;
    @Nullable Throwable failure = null;
    try {
      jwt = signIn();
    } catch (OsaiException | Error e) {
      failure = e;
    } catch (RuntimeException e) {
      failure =
          new OsaiException(
              redactor.redact("Sign-in failed unexpectedly: " + e.getClass().getName()), e);
    }
    // The flight ends before its waiters wake: a caller that returns with this failure and calls
    // again at once must find no flight, and start a new sign-in rather than share this failure.
    synchronized (lock) {
      if (jwt != null) {
        current = jwt;
      }
      inFlight = null;
    }
    if (jwt != null) {
      flight.complete(jwt);
    } else {
      flight.completeExceptionally(failure);
    }
  }

  /** Waits in slices, so that a cancelled call stops waiting within one slice. */
  private Jwt await(CompletableFuture<Jwt> flight, long timeoutNanos, BooleanSupplier canceled) {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new OsaiIoException(
              "Timed out waiting for sign-in at "
                  + baseUrl
                  + ": the call's timeout ("
                  + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                  + " ms) passed",
              new TimeoutException());
        }
        if (canceled.getAsBoolean()) {
          throw new OsaiIoException("Canceled while waiting for sign-in at " + baseUrl, null);
        }
        try {
          return flight.get(Math.min(left, WAIT_SLICE_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slice) {
          // next slice
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw (Error) cause;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OsaiIoException("Interrupted while waiting for sign-in at " + baseUrl, e);
    }
  }

  private Jwt signIn() {
    String token;
    try {
      token = accessToken.get();
    } catch (RuntimeException e) {
      throw new OsaiException(
          "The access token supplier threw " + e.getClass().getName() + "; see the cause.", e);
    }
    if (token == null || token.trim().length() < Redactor.MIN_SECRET_LENGTH) {
      throw new OsaiException(
          "The access token supplier returned "
              + (token == null
                  ? "null"
                  : token.trim().isEmpty()
                      ? "a blank token"
                      : "a token shorter than " + Redactor.MIN_SECRET_LENGTH + " characters")
              + ": return the token created in the OSAI web app (Settings).");
    }
    token = token.trim();
    redactor.rememberAccessToken(token);
    long started = System.nanoTime();
    try {
      Jwt jwt = exchange(token);
      debug.accept("sign-in at " + baseUrl + " succeeded in " + millisSince(started) + " ms");
      return jwt;
    } catch (RuntimeException | Error e) {
      debug.accept(
          "sign-in at "
              + baseUrl
              + " failed in "
              + millisSince(started)
              + " ms: "
              + e.getClass().getSimpleName());
      throw e;
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private Jwt exchange(String token) {
    String body;
    long receivedAt;
    try {
      body = signIn.apply(token);
      receivedAt = clock.getAsLong();
    } catch (OsaiServiceException e) {
      int status = e.statusCode();
      if (status >= 300 && status < 400) {
        String location = e.headers().get("Location");
        // The Location may carry a token of the redirect's target (an id_token=<JWT>, say).
        Headers headers =
            location == null
                ? e.headers()
                : e.headers().newBuilder().set("Location", redactor.redact(location)).build();
        throw new UnexpectedStatusCodeException(
            redactor.redact(
                "Sign-in at "
                    + baseUrl
                    + " answered a redirect (HTTP "
                    + status
                    + (location == null ? "" : " to " + location)
                    + "). The SDK does not send the access token on to another address: set the"
                    + " base URL to where the API is."
                    + RequestIds.inMessage(e.requestId())),
            status,
            e.method(),
            e.url(),
            headers,
            e.body(),
            e.problem(),
            e.requestId());
      }
      if (status == 400 || status == 401 || status == 403) {
        // The problem's trace id is what a support ticket needs: kept, and named.
        Problem problem = e.problem();
        String traceId = problem == null ? null : problem.traceId();
        throw new AccessTokenRejectedException(
            "Sign-in at "
                + baseUrl
                + " refused the access token (HTTP "
                + status
                + (traceId == null ? "" : ", traceId " + traceId)
                + "). Check that the token has not expired or been deleted in OSAI Settings, and"
                + " that it was created in this region: EU and US tokens are not interchangeable."
                + (Objects.equals(traceId, e.requestId())
                    ? ""
                    : RequestIds.inMessage(e.requestId())),
            status,
            e.method(),
            e.url(),
            e.headers(),
            e.body(),
            problem,
            e.requestId());
      }
      throw e;
    } catch (OsaiInvalidDataException e) {
      // Say nothing of the body: a JWT in a shape we did not expect is still a JWT.
      throw new OsaiInvalidDataException(
          "Sign-in at " + baseUrl + " answered with a body that is not a JWT.", null);
    }
    String value = body == null ? "" : body.trim();
    if (value.isEmpty()) {
      throw new OsaiInvalidDataException(
          "Sign-in at " + baseUrl + " answered with an empty body instead of a JWT.", null);
    }
    // Parsed first, remembered second: an answer that is no JWT is no secret to redact.
    Jwt jwt = Jwt.parse(value, receivedAt, serverDate.lastMillis, refreshMarginMillis);
    redactor.rememberJwt(value);
    return jwt;
  }

  @Override
  public String toString() {
    return "Session{baseUrl=" + baseUrl + ", jwt=" + current + "}";
  }

  /**
   * Records the {@code Date} header of the sign-in answer, the server's clock, which {@link Jwt}
   * uses to correct for skew. Sign-ins are single-flight, so the last one is the one being parsed.
   */
  static final class ServerDate implements Interceptor {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    volatile long lastMillis = -1;

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      String date = response.header("Date");
      lastMillis = date == null ? -1 : parse(date); // total: nothing is thrown past proceed()
      return response;
    }

    /**
     * Parses an HTTP date: the IMF-fixdate that RFC 9110 servers send ({@code Sun, 06 Nov 1994
     * 08:49:37 GMT}) by hand, other forms with OkHttp. Not OkHttp's parser first: its
     * SimpleDateFormat costs a cold JVM some 30 ms of locale loading on the first sign-in.
     *
     * @return epoch millis, or -1 when the value is no date this parser reads; never throws
     */
    static long parse(String value) {
      if (value.length() == 29 && value.charAt(3) == ',' && value.endsWith(" GMT")) {
        int month = MONTHS.indexOf(value.substring(8, 11));
        int day = digits(value, 5);
        int year = digits(value, 12) * 100 + digits(value, 14);
        int hour = digits(value, 17);
        int minute = digits(value, 20);
        int second = digits(value, 23);
        if (month >= 0
            && month % 3 == 0
            && day >= 0
            && year >= 0
            && hour >= 0
            && minute >= 0
            && second >= 0) {
          long days = daysFromCivil(year, month / 3 + 1, day);
          return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
        }
      }
      try {
        Date date = new Headers.Builder().addUnsafeNonAscii("Date", value).build().getDate("Date");
        return date == null ? -1 : date.getTime();
      } catch (RuntimeException unreadable) {
        return -1;
      }
    }

    /** Two decimal digits at {@code at}, or -1. */
    private static int digits(String s, int at) {
      char tens = s.charAt(at);
      char ones = s.charAt(at + 1);
      return tens >= '0' && tens <= '9' && ones >= '0' && ones <= '9'
          ? (tens - '0') * 10 + (ones - '0')
          : -1;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
      int y = month <= 2 ? year - 1 : year;
      int era = (y >= 0 ? y : y - 399) / 400;
      int yearOfEra = y - era * 400;
      int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
      int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
      return era * 146097L + dayOfEra - 719468;
    }
  }
}
