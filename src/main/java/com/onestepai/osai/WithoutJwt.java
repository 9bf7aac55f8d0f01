package com.onestepai.osai;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends an operation without {@code Authorization: Bearer <JWT>}, and without signing in for it.
 *
 * <p>Every other method of an interface that {@link OsaiClient#api} serves carries the JWT, as
 * almost every OSAI operation requires: a method you declare for an operation the spec does not
 * describe yet needs no annotation for it. Mark the few that must go without it, such as sign-in
 * (the generated interfaces carry this marker wherever the spec declares no security).
 *
 * <pre>{@code
 * interface StatusApi {
 *   @WithoutJwt
 *   @GET("Status")
 *   String status();
 * }
 * }</pre>
 *
 * <p>Whatever the marker says, the JWT goes only to the base URL's origin (its scheme, host and
 * port): a request to any other, through {@code @Url}, an absolute URL in the method's annotation
 * or a redirect, is sent without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WithoutJwt {}
