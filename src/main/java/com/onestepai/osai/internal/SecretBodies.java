package com.onestepai.osai.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated method whose request and response bodies are credentials
 * (`x-osai-secret-bodies: true`), such as sign-in: {@link HttpLogging} logs neither.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretBodies {}
