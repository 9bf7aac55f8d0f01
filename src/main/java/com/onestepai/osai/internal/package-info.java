/**
 * Machinery behind {@link com.onestepai.osai.OsaiClient}: not an API, and it may change in any
 * release. Everything here is package-private but five kinds of type that other packages must
 * reach: the markers the templates put on generated methods ({@link BearerAuth}, {@link
 * Idempotent}, {@link SecretBodies}, {@link NullableAnswer}), which the interceptors read; {@link
 * ModelJson}, which the generated model adapters call; {@link ClientStack}, which {@code
 * OsaiClient} builds; and {@link Sleeper}, the tests' seam for the waits between retries.
 */
@NullMarked
package com.onestepai.osai.internal;

import org.jspecify.annotations.NullMarked;
