/**
 * The OSAI Java SDK: {@link com.onestepai.osai.OsaiClient}, the exceptions it throws, and the types
 * generated code shares ({@link com.onestepai.osai.OpenEnum}, {@link
 * com.onestepai.osai.UploadFile}, {@link com.onestepai.osai.Problem}). The API interfaces and
 * models are generated from {@code openapi/osai.yaml} into {@code com.onestepai.osai.api} and
 * {@code com.onestepai.osai.model}.
 */
@NullMarked
package com.onestepai.osai;

import org.jspecify.annotations.NullMarked;
