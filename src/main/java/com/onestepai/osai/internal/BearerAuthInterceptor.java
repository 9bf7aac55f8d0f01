package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiException;
import com.onestepai.osai.WithoutJwt;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Sends {@code Authorization: Bearer <JWT>} with every call to the base URL's origin but those of
 * methods marked {@link WithoutJwt} (sign-in, and what the spec or the caller does not secure);
 * sets the {@link UserAgent} and the call's {@code traceparent} ({@link RequestIds}) on all of
 * them.
 *
 * <p>The origin is the base URL's scheme, host and port: a call to any other (a {@code @Url}, an
 * absolute URL in the method's annotation) goes without the JWT and signs nobody in. A redirect
 * does not come back here: OkHttp follows it after this interceptor and drops {@code Authorization}
 * when the scheme, host or port changes ({@code UserDeclaredOperationsTest} holds it to that).
 *
 * <p>When the server answers 401 to the JWT and that JWT is still the session's, the session signs
 * in again (once, however many calls saw the 401) and the request is replayed once with the new
 * JWT; the first answer is closed. A second 401 goes back to the caller. It never loops. A 401 to a
 * request that no longer carried the JWT (a redirect led to another origin) goes back as it is. So
 * does a 401 to a request whose body cannot be sent again (an {@code UploadFile} of an {@code
 * InputStream}): the caller gets it as an {@code UnauthorizedException}, and the JWT is forgotten,
 * so that the next call signs in again.
 */
final class BearerAuthInterceptor implements Interceptor {
  private final Session session;
  private final HttpUrl baseUrl;

  BearerAuthInterceptor(Session session, HttpUrl baseUrl) {
    this.session = session;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Invocation invocation = request.tag(Invocation.class);
    if (!isBaseOrigin(request.url())
        || (invocation != null && invocation.method().isAnnotationPresent(WithoutJwt.class))) {
      Request.Builder builder = request.newBuilder().header("User-Agent", UserAgent.of(request));
      RequestIds.stamp(chain.call(), request, builder);
      return chain.proceed(builder.build());
    }
    Jwt jwt = session.freshJwt(); // the usual case: no wait, nothing allocated
    if (jwt == null) {
      try {
        jwt = session.jwt(waitBudgetNanos(chain), chain.call()::isCanceled);
      } catch (OsaiException e) {
        throw new InterceptorFailure(e);
      }
    }
    Response response = chain.proceed(withJwt(chain.call(), request, jwt));
    // A 401 speaks of the JWT only if the request it answers carried it: after a redirect to
    // another origin (where OkHttp dropped it) it does not, and signing in again would not help.
    if (response.code() != 401
        || !jwt.authorization().equals(response.request().header("Authorization"))) {
      return response;
    }
    if (!Uploads.canBeWrittenAgain(request.body())) {
      // The body (a stream) is spent: this call's 401 goes back to the caller, and the next call
      // signs in again.
      session.forget(jwt);
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
    return chain.proceed(withJwt(chain.call(), request, replacement));
  }

  /**
   * Whether {@code url} has the base URL's scheme, host and port: the one origin the JWT is for.
   */
  private boolean isBaseOrigin(HttpUrl url) {
    return url.port() == baseUrl.port()
        && url.scheme().equals(baseUrl.scheme())
        && url.host().equals(baseUrl.host());
  }

  /**
   * One rebuild per attempt for the headers the SDK adds: the JWT (checked by {@link Jwt#parse}),
   * the User-Agent and the call's {@code traceparent} ({@link RequestIds}).
   */
  private static Request withJwt(okhttp3.Call call, Request request, Jwt jwt) {
    Request.Builder builder =
        request
            .newBuilder()
            .header("Authorization", jwt.authorization())
            .header("User-Agent", UserAgent.of(request));
    RequestIds.stamp(call, request, builder);
    return builder.build();
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
