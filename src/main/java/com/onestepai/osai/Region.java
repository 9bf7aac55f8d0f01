package com.onestepai.osai;

/**
 * The regions the OSAI API runs in. An access token works only in the region it was created in.
 *
 * <pre>{@code
 * OsaiClient client = OsaiClient.builder().accessToken(token).region(Region.US).build();
 * }</pre>
 */
public enum Region {
  /** Europe: {@code https://app-eu.onestepai.com/api}. */
  EU("https://app-eu.onestepai.com/api/"),
  /** United States: {@code https://app-us.onestepai.com/api}. */
  US("https://app-us.onestepai.com/api/");

  private final String baseUrl;

  Region(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The region's base URL, ending in {@code /api/}. */
  public String baseUrl() {
    return baseUrl;
  }
}
