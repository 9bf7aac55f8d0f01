package com.onestepai.osai.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated method whose operation the spec declares safe to repeat (`x-osai-idempotent:
 * true`), although its HTTP method is not idempotent: {@link RetryInterceptor} retries it like a
 * GET.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
