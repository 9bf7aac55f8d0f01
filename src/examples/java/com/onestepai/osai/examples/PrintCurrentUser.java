package com.onestepai.osai.examples;

import com.onestepai.osai.AccessTokenRejectedException;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiJson;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.Region;
import com.onestepai.osai.UnauthorizedException;
import com.onestepai.osai.model.User;

/**
 * The vendor's "Get user information" program with the SDK: sign in with the access token, fetch
 * the signed-in user, print it as indented JSON.
 *
 * <pre>
 * OSAI_API_TOKEN=... [OSAI_URL=https://app-us.onestepai.com/api] java ... PrintCurrentUser [--region eu|us]
 * </pre>
 *
 * <p>On failure it prints one line saying what failed and what to check, and exits 1 (2 for a usage
 * error).
 */
public final class PrintCurrentUser {
  private PrintCurrentUser() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Region region = null;
    for (int i = 0; i < args.length; i++) {
      if ("--region".equals(args[i]) && i + 1 < args.length) {
        region =
            "us".equalsIgnoreCase(args[++i])
                ? Region.US
                : "eu".equalsIgnoreCase(args[i]) ? Region.EU : null;
        if (region == null) {
          return usage("unknown region '" + args[i] + "'");
        }
      } else {
        return usage("unknown argument '" + args[i] + "'");
      }
    }

    String what = "Configuration";
    OsaiClient.Builder builder = OsaiClient.builder();
    try {
      builder.fromEnv(); // OSAI_API_TOKEN, OSAI_URL, OSAI_LOG
    } catch (IllegalStateException | IllegalArgumentException e) {
      return fail("Configuration failed: " + e.getMessage());
    }
    if (region != null) {
      builder.baseUrl(region.baseUrl()); // --region wins over OSAI_URL
    }
    try (OsaiClient client = builder.build()) {
      what = "Fetching the user from " + client.baseUrl();
      User user = client.users().getCurrentUser();
      System.out.println("-------User info-------");
      // OsaiJson writes a model as the SDK does: every property the server sent, exact numbers.
      System.out.println(OsaiJson.adapter(User.class).indent("    ").toJson(user));
      return 0;
    } catch (AccessTokenRejectedException e) {
      return fail("Sign-in failed: " + e.getMessage());
    } catch (UnauthorizedException e) {
      return fail(
          what
              + " failed with HTTP 401: the JWT was not accepted. Check that OSAI_API_TOKEN"
              + " is valid and belongs to this region.");
    } catch (OsaiServiceException e) {
      return fail(what + " failed with HTTP " + e.statusCode() + ": " + e.getMessage());
    } catch (OsaiIoException e) {
      return fail(what + " failed: " + e.getMessage() + ". Check the network and OSAI_URL.");
    } catch (OsaiException | IllegalArgumentException | IllegalStateException e) {
      return fail(what + " failed: " + e.getMessage());
    }
  }

  private static int fail(String line) {
    System.err.println("osai-example: " + line);
    return 1;
  }

  private static int usage(String problem) {
    System.err.println(
        "osai-example: "
            + problem
            + ". Usage: PrintCurrentUser [--region eu|us]"
            + " with OSAI_API_TOKEN set (and OSAI_URL, or --region, to pick the region).");
    return 2;
  }
}
