package bench.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Summarizes transfer.sh's runs (results/transfer-runs.csv): per operation and contender the
 * median and range of throughput, transfer time, CPU, JVM wall time, peak heap, GCs and
 * allocation; per operation the sdk/raw ratio of median throughputs and of each round's pair; and
 * the verdicts against the targets (both finish; peak heap under the limit; throughput at least
 * 0.95x raw, met only when every round's ratio meets it, "medians met" when both the ratio of the
 * medians and the median of the rounds' ratios do). Args: CSV EXPECTED_BYTES HEAP_LIMIT_MIB. Exits
 * 1 if a run failed.
 */
public final class TransferReport {
  private static final double TARGET = 0.95;

  record Run(int round, String op, String contender, int exit, double jvmMs, long confirmed,
      double transferMs, double mibps, double peakHeapMib, double gcs, double allocMib,
      double threadCpuMs, double processCpuMs) {
    boolean ok(long expected) {
      return exit == 0 && confirmed == expected;
    }
  }

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    long expected = Long.parseLong(args[1]);
    double heapLimit = Double.parseDouble(args[2]);
    List<Run> runs = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = Arrays.copyOf(line.split(",", -1), 16);
      runs.add(new Run(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3]),
          num(f[4]), f[5] == null || f[5].isEmpty() ? -1 : Long.parseLong(f[5]), num(f[6]),
          num(f[7]), num(f[8]), num(f[10]), num(f[12]), num(f[13]), num(f[14])));
    }
    boolean allOk = true;
    for (String op : List.of("upload", "download")) {
      System.out.printf("%n%s%n", op);
      System.out.printf("  %-4s %5s %26s %22s %24s %24s %8s %6s %6s %6s%n", "", "ok",
          "MiB/s median (min-max)", "transfer ms med (range)", "thread CPU ms med (range)",
          "peak heap MiB max (med)", "JVM ms", "GCs", "alloc", "JVM CPU");
      Map<String, Double> medianMibps = new HashMap<>();
      Map<String, double[]> range = new HashMap<>();
      boolean opOk = true;
      double peakMax = 0;
      for (String c : List.of("raw", "sdk")) {
        List<Run> mine =
            runs.stream().filter(r -> r.op.equals(op) && r.contender.equals(c)).toList();
        List<Run> ok = mine.stream().filter(r -> r.ok(expected)).toList();
        opOk &= !mine.isEmpty() && ok.size() == mine.size();
        double[] mibps = values(ok, Run::mibps);
        double[] peak = values(ok, Run::peakHeapMib);
        double peakOfRuns = peak.length == 0 ? Double.NaN : peak[peak.length - 1];
        peakMax = Math.max(peakMax, peakOfRuns);
        medianMibps.put(c, median(mibps));
        range.put(c, mibps);
        System.out.printf(Locale.ROOT,
            "  %-4s %2d/%-2d %26s %22s %24s %24s %8.0f %6.0f %6.2f %6.0f%n", c, ok.size(),
            mine.size(), fmt(mibps, "%.1f"), fmt(values(ok, Run::transferMs), "%.0f"),
            fmt(values(ok, Run::threadCpuMs), "%.0f"),
            String.format(Locale.ROOT, "%.1f (%.1f)", peakOfRuns, median(peak)),
            median(values(ok, Run::jvmMs)), median(values(ok, Run::gcs)),
            median(values(ok, Run::allocMib)), median(values(ok, Run::processCpuMs)));
      }
      // Each round's pair: the two contenders ran one after the other.
      List<Double> paired = new ArrayList<>();
      for (int round : runs.stream().mapToInt(Run::round).distinct().sorted().toArray()) {
        Run sdk = find(runs, round, op, "sdk");
        Run raw = find(runs, round, op, "raw");
        if (sdk != null && raw != null && sdk.ok(expected) && raw.ok(expected)) {
          paired.add(sdk.mibps / raw.mibps);
        }
      }
      double[] pairs = paired.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double ratio = medianMibps.get("sdk") / medianMibps.get("raw");
      double pairedMedian = median(pairs);
      double[] s = range.get("sdk");
      double[] r = range.get("raw");
      boolean overlap =
          s.length > 0 && r.length > 0 && s[s.length - 1] >= r[0] && r[r.length - 1] >= s[0];
      System.out.printf(Locale.ROOT, "  sdk/raw throughput: %.3f (medians); per round %s%n", ratio,
          fmt(pairs, "%.3f"));
      String speed;
      if (pairs.length == 0) {
        speed = "not measured";
      } else if (pairs[0] >= TARGET) {
        speed = "met (every round)";
      } else if (ratio >= TARGET && pairedMedian >= TARGET) {
        speed = "medians met, not every round: not met by the whole-range rule";
      } else if (overlap) {
        speed = "missed: ranges overlap, a median missed (of medians or per round)";
      } else {
        speed = "missed";
      }
      System.out.printf(Locale.ROOT, "  target >= %.2fx raw throughput: %s%n", TARGET, speed);
      System.out.printf("  target both finish (exit 0, every byte confirmed): %s%n",
          opOk ? "met" : "MISSED");
      System.out.printf(Locale.ROOT, "  target peak heap < %.0f MiB: %s (highest %.1f MiB)%n",
          heapLimit, opOk && peakMax < heapLimit ? "met" : "MISSED", peakMax);
      allOk &= opOk;
    }
    if (!allOk) {
      System.exit(1);
    }
  }

  private static Run find(List<Run> runs, int round, String op, String contender) {
    return runs.stream()
        .filter(r -> r.round == round && r.op.equals(op) && r.contender.equals(contender))
        .findFirst()
        .orElse(null);
  }

  private static double num(String s) {
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static double[] values(List<Run> runs, ToDoubleFunction<Run> f) {
    return runs.stream().mapToDouble(f).sorted().toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String fmt(double[] sorted, String f) {
    if (sorted.length == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, f + " (" + f + "-" + f + ")", median(sorted), sorted[0],
        sorted[sorted.length - 1]);
  }
}
