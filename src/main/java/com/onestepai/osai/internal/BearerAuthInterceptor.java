package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Sends {@code Authorization: Bearer <JWT>} with every operation the spec secures (generated
 * methods marked {@link BearerAuth}) and nothing with the others, such as sign-in itself; sets the
 * {@link UserAgent} on all of them.
 *
 * <p>When the server answers 401 and the JWT it rejected is still the session's, the session signs
 * in again (once, however many calls saw the 401) and the request is replayed once with the new
 * JWT; the first answer is closed. A second 401 goes back to the caller. It never loops.
 */
final class BearerAuthInterceptor implements Interceptor {
  private final Session session;

  BearerAuthInterceptor(Session session) {
    this.session = session;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null || !invocation.method().isAnnotationPresent(BearerAuth.class)) {
      return chain.proceed(
          request.newBuilder().header("User-Agent", UserAgent.of(request)).build());
    }
    Jwt jwt = session.freshJwt(); // the usual case: no wait, nothing allocated
    if (jwt == null) {
      try {
        jwt = session.jwt(waitBudgetNanos(chain), chain.call()::isCanceled);
      } catch (OsaiException e) {
        throw new InterceptorFailure(e);
      }
    }
    Response response = chain.proceed(withJwt(request, jwt));
    if (response.code() != 401) {
      return response;
    }
    // Closed here: the request is replayed with a new JWT and this answer is dropped.
    response.close();
    Jwt replacement;
    try {
      replacement = session.replace(jwt, waitBudgetNanos(chain), chain.call()::isCanceled);
    } catch (OsaiException e) {
      throw new InterceptorFailure(e);
    }
    return chain.proceed(withJwt(request, replacement));
  }

  /** One rebuild per attempt for both headers: the JWT (checked by {@link Jwt#parse}) and ours. */
  private static Request withJwt(Request request, Jwt jwt) {
    return request
        .newBuilder()
        .header("Authorization", jwt.authorization())
        .header("User-Agent", UserAgent.of(request))
        .build();
  }

  /**
   * How long to wait for sign-in: the call's timeout. A call that reaches its deadline while
   * waiting is cancelled (by OkHttp, or for async calls by the call adapter), which ends the wait.
   */
  private static long waitBudgetNanos(Chain chain) {
    long callTimeout = chain.call().timeout().timeoutNanos();
    return callTimeout > 0 ? callTimeout : TimeUnit.MINUTES.toNanos(1);
  }
}
