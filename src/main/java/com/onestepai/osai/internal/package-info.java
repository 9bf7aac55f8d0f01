/**
 * Machinery behind {@link com.onestepai.osai.OsaiClient}: not an API, and it may change in any
 * release; the published Javadoc leaves it out. Everything here is package-private but the types
 * that other packages must reach, public only because Java 8 has no module to keep a package
 * unexported (PublicSurfaceTest holds the list):
 *
 * <ul>
 *   <li>{@link SecretBodies} and {@link NullableAnswer}: markers the templates put on generated
 *       methods, read by the interceptors and the call adapter;
 *   <li>{@link ModelJson}: called by the generated model adapters;
 *   <li>{@link ClientStack} and {@link ClientStack.Hold}: the wiring, built by {@code OsaiClient}
 *       and reached by {@code UploadFile}, {@code OsaiJson} and {@code workflow.DatasetUpload};
 *   <li>{@link Sleeper}: the type of {@code OsaiClient.Builder}'s package-private test seam.
 * </ul>
 *
 * <p>The markers a caller may put on methods of their own ({@link com.onestepai.osai.WithoutJwt},
 * {@link com.onestepai.osai.Idempotent}) are public API, in {@code com.onestepai.osai}. Sign-in is
 * called through {@link SignIn}, package-private: the spec marks it {@code x-osai-internal}, so no
 * public interface hands out the JWT.
 */
@NullMarked
package com.onestepai.osai.internal;

import org.jspecify.annotations.NullMarked;
