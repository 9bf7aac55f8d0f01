/**
 * The OSAI Java SDK: {@link com.onestepai.osai.OsaiClient} and the exceptions it throws. The API
 * interfaces and models are generated from {@code openapi/osai.yaml} into {@code
 * com.onestepai.osai.api} and {@code com.onestepai.osai.model}.
 */
@NullMarked
package com.onestepai.osai;

import org.jspecify.annotations.NullMarked;
