package bench.cold;

import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.model.User;

/** Cold start, SDK: build a client, sign in + get the current user, print it. Arg: base URL. */
public final class SdkMain {
  public static void main(String[] args) {
    try (OsaiClient client = OsaiClient.builder().accessToken("bench-access-token").baseUrl(args[0]).build()) {
      User user = client.users().getCurrentUser();
      System.out.println(user);
    }
  }
}
