package bench.cold;

import stock.api.UsersApi;
import stock.invoker.ApiClient;
import stock.model.User;

/** Cold start, stock okhttp-gson client: sign in, set the Bearer token, get the user, print it. */
public final class StockMain {
  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient();
    client.setBasePath(args[0]);
    UsersApi users = new UsersApi(client);
    client.setBearerToken(users.signIn("bench-access-token"));
    User user = users.getCurrentUser();
    System.out.println(user);
  }
}
