package com.onestepai.osai.internal;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import retrofit2.Invocation;
import retrofit2.http.Streaming;

/**
 * OkHttp's {@link HttpLoggingInterceptor} with the secrets taken out: {@code Authorization} and
 * cookies are redacted, operations marked {@link SecretBodies} are logged without bodies, so are
 * {@code @Streaming} ones (a download: logging its body would read it whole into memory) and
 * uploads, multipart or an {@code UploadFile} sent as the whole body (for the same reason, and a
 * file would be read twice), and every line passes through the {@link Redactor} in case a secret
 * turns up anywhere else. A network interceptor: it logs each attempt as it goes on the wire.
 */
final class HttpLogging implements Interceptor {
  private final HttpLoggingInterceptor withBodies;
  private final HttpLoggingInterceptor withoutBodies;
  private final HttpLoggingInterceptor.Logger logger;

  HttpLogging(HttpLoggingInterceptor.Level level, Consumer<String> sink, Redactor redactor) {
    this.logger = line -> sink.accept(redactor.redact(line));
    this.withBodies = create(logger, level);
    this.withoutBodies =
        create(
            logger,
            level == HttpLoggingInterceptor.Level.BODY
                ? HttpLoggingInterceptor.Level.HEADERS
                : level);
  }

  private static HttpLoggingInterceptor create(
      HttpLoggingInterceptor.Logger logger, HttpLoggingInterceptor.Level level) {
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(logger);
    interceptor.setLevel(level);
    interceptor.redactHeader("Authorization");
    interceptor.redactHeader("Cookie");
    interceptor.redactHeader("Set-Cookie");
    return interceptor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Invocation invocation = request.tag(Invocation.class);
    boolean secret =
        invocation != null && invocation.method().isAnnotationPresent(SecretBodies.class);
    boolean streaming =
        invocation != null && invocation.method().isAnnotationPresent(Streaming.class);
    boolean multipart =
        request.body() != null
            && request.body().contentType() != null
            && "multipart".equals(request.body().contentType().type());
    boolean upload = multipart || Uploads.sendsAFile(request.body());
    if ((!secret && !streaming && !upload)
        || withBodies.getLevel() != HttpLoggingInterceptor.Level.BODY) {
      return withBodies.intercept(chain);
    }
    if (upload && !secret) {
      // Logging the body would read it whole into memory, and a second time besides sending it.
      logger.log(
          multipart
              ? "--> body not logged (a multipart upload, streamed)"
              : "--> body not logged (a file upload, streamed)");
      return withoutBodies.intercept(chain);
    }
    if (!secret) {
      // Logging the answer's body would read it whole into memory: a download is logged without.
      Response response = withoutBodies.intercept(chain);
      logger.log("<-- body not logged (a streamed download, left for the caller to read)");
      return response;
    }
    logger.log("--> " + request.method() + " body " + Redactor.MARK + " (a credential)");
    Response response = withoutBodies.intercept(chain);
    logger.log("<-- body " + Redactor.MARK + " (a credential)");
    return response;
  }
}
