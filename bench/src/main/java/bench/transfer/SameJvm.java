package bench.transfer;

import com.onestepai.osai.OsaiClient;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Diagnostic: both contenders in one JVM (-Xmx64m), transfers alternating sdk/raw (the order
 * flipping every pair), after 2 untimed pairs. Same code paths as {@link SdkTransfer} and {@link
 * RawTransfer}, same JIT-compiled OkHttp and Okio, so what differs is only the SDK's layer; load on
 * the machine hits both sides of each pair alike. Prints the median and range of the wall time and
 * of the calling thread's CPU time per transfer.
 * Args: {@code upload|download BASE_URL FILE|SIZE N}.
 */
public final class SameJvm {
  public static void main(String[] args) throws Exception {
    String op = args[0];
    String base = args[1];
    int n = Integer.parseInt(args[3]);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[][] wall = new long[2][n];
    long[][] cpu = new long[2][n];
    try (OsaiClient client =
        OsaiClient.builder()
            .baseUrl(base)
            .accessToken("bench-access-token")
            .allowInsecureHttp(true)
            .timeout(5, TimeUnit.MINUTES)
            .build()) {
      SdkTransfer.BenchTransfer api = client.api(SdkTransfer.BenchTransfer.class);
      RawTransfer raw = new RawTransfer(base);
      for (int i = -2; i < n; i++) {
        for (int k = 0; k < 2; k++) {
          int c = (i + k) & 1; // 0 sdk, 1 raw; who goes first flips every pair
          long w0 = System.nanoTime();
          long c0 = threads.getCurrentThreadCpuTime();
          if (op.equals("upload")) {
            File file = new File(args[2]);
            long unused = c == 0 ? SdkTransfer.upload(api, file) : raw.upload(file);
          } else {
            long size = Long.parseLong(args[2]);
            long unused = c == 0 ? SdkTransfer.download(api, size) : raw.download(size);
          }
          if (i >= 0) {
            wall[c][i] = System.nanoTime() - w0;
            cpu[c][i] = threads.getCurrentThreadCpuTime() - c0;
          }
        }
      }
      raw.http.dispatcher().executorService().shutdown();
      raw.http.connectionPool().evictAll();
    }
    double[] medianWall = new double[2];
    double[] medianCpu = new double[2];
    for (int c = 0; c < 2; c++) {
      Arrays.sort(wall[c]);
      Arrays.sort(cpu[c]);
      medianWall[c] = median(wall[c]) / 1e6;
      medianCpu[c] = median(cpu[c]) / 1e6;
      System.out.printf(Locale.ROOT,
          "  %-8s %s: wall ms %.0f (%.0f-%.0f), thread CPU ms %.0f (%.0f-%.0f), %d transfers%n",
          op, c == 0 ? "sdk" : "raw", medianWall[c], wall[c][0] / 1e6, wall[c][n - 1] / 1e6,
          medianCpu[c], cpu[c][0] / 1e6, cpu[c][n - 1] / 1e6, n);
    }
    System.out.printf(Locale.ROOT,
        "  %-8s sdk/raw throughput (raw wall / sdk wall, medians) %.3f; sdk/raw thread CPU %.3f%n",
        op, medianWall[1] / medianWall[0], medianCpu[0] / medianCpu[1]);
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
