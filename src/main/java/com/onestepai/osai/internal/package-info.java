/**
 * Machinery behind {@link com.onestepai.osai.OsaiClient}: not an API. Types here are public only
 * because generated code in other packages uses them; they may change in any release.
 */
@NullMarked
package com.onestepai.osai.internal;

import org.jspecify.annotations.NullMarked;
