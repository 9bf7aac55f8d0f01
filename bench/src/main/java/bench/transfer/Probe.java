package bench.transfer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.stream.Collectors;

/**
 * Times one transfer in a child JVM and prints what transfer.sh records, as one line:
 * {@code result,CONFIRMED_BYTES,TRANSFER_MS,MIB_S,PEAK_HEAP_MIB,MAX_HEAP_MIB,GCS,GC_MS,ALLOC_MIB,
 * THREAD_CPU_MS,PROCESS_CPU_MS,GC}.
 *
 * <ul>
 *   <li>TRANSFER_MS: System.nanoTime around the call, from calling it to the server's answer
 *       parsed (upload) or the last byte read and the body closed (download); MIB_S = bytes / that
 *   <li>PEAK_HEAP_MIB: the peak "used" of every heap memory pool since the JVM started (warm-up
 *       included), summed, read at the end: an upper bound of the heap's peak, since the pools may
 *       peak at different moments
 *   <li>MAX_HEAP_MIB: Runtime.maxMemory(), the limit (-Xmx)
 *   <li>GCS, GC_MS: collections and their time over the whole JVM run, all collectors
 *   <li>ALLOC_MIB: bytes allocated by the calling thread during the transfer (a blocking OkHttp
 *       call runs on it: interceptors, body writing and reading)
 *   <li>THREAD_CPU_MS, PROCESS_CPU_MS: CPU time of the calling thread, and of the whole JVM (GC,
 *       the timeout watchdog, the JIT included), during the transfer: what the client spent, much
 *       less moved by other load on the machine than the wall time is
 * </ul>
 */
final class Probe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final double MIB = 1024.0 * 1024.0;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
  private final long threadCpu0 = THREADS.getCurrentThreadCpuTime();
  private final long processCpu0 = OS.getProcessCpuTime();
  private final long started = System.nanoTime();
  private long nanos = -1;
  private long allocated;
  private long threadCpu;
  private long processCpu;

  static Probe start() {
    return new Probe();
  }

  void stop() {
    nanos = System.nanoTime() - started;
    allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated0;
    threadCpu = THREADS.getCurrentThreadCpuTime() - threadCpu0;
    processCpu = OS.getProcessCpuTime() - processCpu0;
  }

  /** The result line, for {@code confirmed} bytes moved (as the server or the reader counted). */
  String result(long confirmed) {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long gcs = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    String collectors =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining("+"));
    return String.format(
        java.util.Locale.ROOT,
        "result,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%.2f,%.0f,%.0f,%s",
        confirmed,
        nanos / 1e6,
        confirmed / MIB / (nanos / 1e9),
        peak / MIB,
        Runtime.getRuntime().maxMemory() / MIB,
        gcs,
        gcMillis,
        allocated / MIB,
        threadCpu / 1e6,
        processCpu / 1e6,
        collectors);
  }

  /** Fails the run (a non-zero exit) unless {@code actual == expected}. */
  static void check(String what, long expected, long actual) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
