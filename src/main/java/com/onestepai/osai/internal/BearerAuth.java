package com.onestepai.osai.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated API method whose operation the spec secures with HTTP bearer auth. The
 * templates emit it from the spec's {@code security}; {@link BearerAuthInterceptor} reads it from
 * Retrofit's {@link retrofit2.Invocation} tag and sends the JWT only to such operations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BearerAuth {}
