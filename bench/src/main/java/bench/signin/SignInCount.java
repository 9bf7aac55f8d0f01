package bench.signin;

import bench.server.CannedServer;
import com.onestepai.osai.OsaiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Sign-in amortization: how many POST /Users/SignIn the server sees for (a) 10,000 sequential
 * getCurrentUser calls on one SDK client, and (b) 64 threads that start together (a barrier) on a
 * fresh client, each making one call and then 9 more; (b) is repeated over fresh clients with a
 * sign-in latency of 0 and 50 ms. Prints one line per case; exits non-zero if any call failed.
 */
public final class SignInCount {
  public static void main(String[] args) throws Exception {
    int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    boolean ok = true;
    try (CannedServer server = CannedServer.start(0)) {
      OkHttpClient http = new OkHttpClient();

      // (a) sequential
      long t0 = System.nanoTime();
      try (OsaiClient client = client(server, http)) {
        for (int i = 0; i < sequential; i++) {
          client.users().getCurrentUser();
        }
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.printf("sequential calls=%d signIns=%d users=%d unauthorized=%d (%d ms)%n",
          sequential, server.signIns.sum(), server.users.sum(), server.unauthorized.sum(), ms);
      ok &= server.signIns.sum() == 1 && server.users.sum() == sequential;

      // (b) concurrent cold starts
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (long delay : new long[] {0, 50}) {
        server.signInDelayMillis = delay;
        List<Long> perRound = new ArrayList<>();
        long failures = 0;
        for (int round = 0; round < rounds; round++) {
          long before = server.signIns.sum();
          try (OsaiClient client = client(server, http)) {
            CyclicBarrier gate = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              futures.add(pool.submit(() -> {
                gate.await(30, TimeUnit.SECONDS);
                for (int i = 0; i < 10; i++) {
                  client.users().getCurrentUser();
                }
                return null;
              }));
            }
            for (Future<?> f : futures) {
              try {
                f.get(60, TimeUnit.SECONDS);
              } catch (Exception e) {
                failures++;
                System.out.println("  call failed: " + e);
              }
            }
          }
          perRound.add(server.signIns.sum() - before);
        }
        System.out.printf(
            "concurrent threads=%d callsPerThread=10 signInDelayMs=%d rounds=%d signInsPerRound=%s failures=%d%n",
            threads, delay, rounds, perRound, failures);
        ok &= failures == 0 && perRound.stream().allMatch(n -> n == 1);
      }
      pool.shutdown();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      System.out.println("server: " + server.stats());
    }
    System.out.println(ok ? "RESULT: one sign-in per client in every case"
        : "RESULT: UNEXPECTED sign-in count or failures");
    System.exit(ok ? 0 : 1);
  }

  private static OsaiClient client(CannedServer server, OkHttpClient http) {
    return OsaiClient.builder().accessToken(CannedServer.ACCESS_TOKEN).baseUrl(server.baseUrl())
        .okHttpClient(http).build();
  }
}
