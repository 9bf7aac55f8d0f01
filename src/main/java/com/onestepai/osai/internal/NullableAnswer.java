package com.onestepai.osai.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated method whose operation documents a successful answer without a body (a 204,
 * say) beside one with a body: its return type is {@code @Nullable}, and {@link
 * OsaiCallAdapterFactory} returns {@code null} for an answer with no body (a 204 or 205, or an
 * empty one) where it would otherwise throw.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NullableAnswer {}
