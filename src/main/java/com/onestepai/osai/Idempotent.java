package com.onestepai.osai;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the client retry a POST or PATCH after it was sent, as it retries a GET: the operation has
 * the same effect however many times the server receives it. The spec says so with {@code
 * x-osai-idempotent: true}, from which the generated methods carry this marker; mark a method you
 * declare yourself when the vendor documents it so.
 *
 * <pre>{@code
 * interface WidgetsApi {
 *   @Idempotent // a query sent as a POST: repeating it changes nothing
 *   @POST("Widgets/Search")
 *   List<Widget> search(@Body WidgetQuery query);
 * }
 * }</pre>
 *
 * <p>Without it a POST or PATCH reaches the server at most once: it is retried only when the
 * connection was refused (nothing was sent), never after a 5xx, a 429 or a reset. GET, HEAD,
 * OPTIONS, PUT and DELETE are idempotent without it. A body that can be sent once (an {@link
 * UploadFile} of an {@code InputStream}) is not retried after it was sent, marked or not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
