package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The OSAI API answered {@code an unexpected status}: a status this SDK has no better type for. */
public class UnexpectedStatusCodeException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public UnexpectedStatusCodeException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }
}
