package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The OSAI API answered {@code 5xx}: the OSAI service failed; trying again later may help. */
public class InternalServerException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public InternalServerException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }
}
