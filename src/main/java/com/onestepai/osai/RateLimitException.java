package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The OSAI API answered {@code 429 Too Many Requests}: slow down; {@link #headers()} may hold
 * {@code Retry-After}.
 */
public class RateLimitException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public RateLimitException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }
}
