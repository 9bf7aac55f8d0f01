package bench.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Top frames of a JFR recording of a JMH run: CPU samples of the benchmark threads (self, and
 * inclusive for library frames), and sampled allocation weight by class and by the first frame
 * outside the JDK and Kotlin runtime (the allocation site that matters). Server threads excluded.
 * Usage: {@code JfrTop file.jfr [topN]}.
 */
public final class JfrTop {
  private static final String[] LIBRARY = {
    "com.onestepai.", "retrofit2.", "okhttp3.", "okio.", "com.squareup.moshi.", "stock.",
    "com.google.gson.", "bench."
  };

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    Map<String, Long> allocBySite = new HashMap<>();
    Map<String, Long> allocByLibFrame = new HashMap<>();
    long samples = 0;
    long allocTotal = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      RecordedThread thread =
          e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
      String threadName = thread == null ? "" : String.valueOf(thread.getJavaName());
      if (threadName.startsWith("canned-server")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = st.getFrames();
      if (type.equals("jdk.ExecutionSample") && threadName.contains("jmh-worker")) {
        samples++;
        self.merge(name(frames.get(0)), 1L, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (isLibrary(n) && seen.add(n)) {
            inclusive.merge(n, 1L, Long::sum);
          }
        }
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = e.getLong("weight");
        allocTotal += weight;
        allocByClass.merge(e.getClass("objectClass").getName(), weight, Long::sum);
        String site = "?";
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (!isRuntime(n)) {
            site = n + ":" + f.getLineNumber();
            break;
          }
        }
        allocBySite.merge(site, weight, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (isLibrary(n) && seen.add(n)) {
            allocByLibFrame.merge(n, weight, Long::sum);
          }
        }
      }
    }
    System.out.println("== " + args[0]);
    System.out.printf("CPU samples on jmh-worker threads: %d%n", samples);
    print("CPU self (top frame)", self, samples, top);
    print("CPU inclusive (library frames)", inclusive, samples, top);
    System.out.printf("Sampled allocation weight (all non-server threads): %d bytes%n", allocTotal);
    print("Allocation by class", allocByClass, allocTotal, top);
    print("Allocation by site (first frame outside java./jdk./sun./kotlin.)", allocBySite,
        allocTotal, top);
    print("Allocation inclusive (library frames)", allocByLibFrame, allocTotal, top);
  }

  private static boolean isLibrary(String n) {
    for (String p : LIBRARY) {
      if (n.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRuntime(String n) {
    return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")
        || n.startsWith("kotlin.");
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> m, long total, int top) {
    System.out.println("-- " + title);
    m.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total),
            en.getKey()));
  }
}
