package com.onestepai.osai.examples;

import com.onestepai.osai.AccessTokenRejectedException;
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.Region;
import com.onestepai.osai.UnauthorizedException;
import com.onestepai.osai.model.User;
import com.squareup.moshi.Moshi;

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
    try (OsaiClient client = region == null ? OsaiClient.fromEnv() : fromEnvIn(region)) {
      what = "Fetching the user from " + client.baseUrl();
      User user = client.users().getCurrentUser();
      System.out.println("-------User info-------");
      System.out.println(
          new Moshi.Builder().build().adapter(User.class).indent("    ").toJson(user));
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

  private static OsaiClient fromEnvIn(Region region) {
    String token = System.getenv(OsaiClient.ENV_ACCESS_TOKEN);
    if (token == null || token.trim().isEmpty()) {
      throw new IllegalStateException(
          OsaiClient.ENV_ACCESS_TOKEN
              + " is not set: create an access"
              + " token in the OSAI web app (Settings) and export it.");
    }
    return OsaiClient.builder().accessToken(token).region(region).build();
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
