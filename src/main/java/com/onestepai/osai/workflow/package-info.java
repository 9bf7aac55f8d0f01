/**
 * Workflow helpers: hand-written brackets around generated operations where the API asks the caller
 * to pair two calls, such as {@link com.onestepai.osai.workflow.DatasetUpload} (start an upload,
 * always finish it). They are built only on the generated methods, do no HTTP of their own, and
 * name the operations they pair. Plain operations never get hand-written code: they come from
 * {@code openapi/osai.yaml} alone.
 */
@NullMarked
package com.onestepai.osai.workflow;

import org.jspecify.annotations.NullMarked;
