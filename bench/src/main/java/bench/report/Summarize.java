package bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds the JMH JSON files of a directory (one per round and benchmark) into one table: per
 * benchmark the median over rounds of the score and of gc.alloc.rate.norm, their range, and the
 * ratios SDK/raw and SDK/stock. Usage: {@code Summarize results/jmh}.
 */
public final class Summarize {
  static final class Series {
    final List<Double> scores = new ArrayList<>();
    final List<Double> errors = new ArrayList<>();
    final List<Double> alloc = new ArrayList<>();
    String unit;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "results/jmh");
    Map<String, Series> byBench = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    for (Path f : files) {
      String text = Files.readString(f);
      if (text.isBlank()) {
        continue;
      }
      JsonArray results = JsonParser.parseString(text).getAsJsonArray();
      for (JsonElement e : results) {
        JsonObject r = e.getAsJsonObject();
        String name = r.get("benchmark").getAsString().replace("bench.jmh.", "");
        JsonObject primary = r.getAsJsonObject("primaryMetric");
        Series series = byBench.computeIfAbsent(name, k -> new Series());
        series.unit = primary.get("scoreUnit").getAsString();
        series.scores.add(primary.get("score").getAsDouble());
        JsonElement err = primary.get("scoreError");
        series.errors.add(err == null || !err.isJsonPrimitive() || !err.getAsJsonPrimitive().isNumber()
            ? Double.NaN : err.getAsDouble());
        JsonObject secondary = r.getAsJsonObject("secondaryMetrics");
        if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
          series.alloc.add(secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-34s %6s %12s %25s %10s %12s %10s%n", "benchmark",
        "rounds", "median", "min..max", "unit", "B/op(med)", "B/op range"));
    for (Map.Entry<String, Series> e : byBench.entrySet()) {
      Series s = e.getValue();
      out.append(String.format(Locale.ROOT, "%-34s %6d %12.2f %25s %10s %12.0f %10s%n", e.getKey(),
          s.scores.size(), median(s.scores),
          String.format(Locale.ROOT, "%.2f..%.2f", min(s.scores), max(s.scores)), s.unit,
          median(s.alloc),
          String.format(Locale.ROOT, "%.0f..%.0f", min(s.alloc), max(s.alloc))));
    }
    out.append('\n');
    for (String mode : new String[] {"AverageTimeBench", "ThroughputBench"}) {
      Series sdk = byBench.get(mode + ".sdk");
      Series raw = byBench.get(mode + ".raw");
      Series stock = byBench.get(mode + ".stock");
      if (sdk == null || raw == null || stock == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT,
          "%s: score SDK/raw = %.3f, SDK/stock = %.3f; B/op SDK/raw = %.3f, SDK/stock = %.3f%n",
          mode, median(sdk.scores) / median(raw.scores), median(sdk.scores) / median(stock.scores),
          median(sdk.alloc) / median(raw.alloc), median(sdk.alloc) / median(stock.alloc)));
    }
    Series thrRaw = byBench.get("ThroughputBench.raw");
    if (thrRaw != null) {
      for (Map.Entry<String, Series> e : byBench.entrySet()) {
        if (e.getKey().startsWith("DiagnosticBench.")
            || e.getKey().equals("ThroughputBench.sdk")) {
          Series s = e.getValue();
          out.append(String.format(Locale.ROOT,
              "%-34s ops/s vs ThroughputBench.raw = %.3f; B/op vs raw = %+.0f%n", e.getKey(),
              median(s.scores) / median(thrRaw.scores), median(s.alloc) - median(thrRaw.alloc)));
        }
      }
    }
    out.append("(AverageTime: us/op, lower is better; Throughput: ops/s, higher is better)\n");
    System.out.print(out);
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
