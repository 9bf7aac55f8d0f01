package example;

// quickstart:begin
import com.onestepai.osai.OsaiClient;
import com.onestepai.osai.model.User;
// quickstart:end

/** The README quickstart, as a user would paste it: the build checks the two stay the same. */
public final class Quickstart {
  public static void main(String[] args) {
    // quickstart:begin
    try (OsaiClient client = OsaiClient.fromEnv()) { // OSAI_API_TOKEN, and OSAI_URL (default EU)
      User me = client.users().getCurrentUser(); // signs in on first use
      System.out.println(me.getUserName() + " <" + me.getEmail() + ">");
    }
    // quickstart:end
  }
}
