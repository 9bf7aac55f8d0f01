/**
 * Machinery behind {@link com.onestepai.osai.OsaiClient}: not an API, and it may change in any
 * release. Everything here is package-private but four kinds of type that other packages must
 * reach: the markers the templates put on generated methods ({@link SecretBodies}, {@link
 * NullableAnswer}), which the interceptors and the call adapter read; {@link ModelJson}, which the
 * generated model adapters call; {@link ClientStack}, which {@code OsaiClient} builds; and {@link
 * Sleeper}, the tests' seam for the waits between retries. The markers a caller may put on methods
 * of their own ({@link com.onestepai.osai.WithoutJwt}, {@link com.onestepai.osai.Idempotent}) are
 * public API, in {@code com.onestepai.osai}.
 */
@NullMarked
package com.onestepai.osai.internal;

import org.jspecify.annotations.NullMarked;
