package bench.jmh;

import com.onestepai.osai.model.User;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Calls per second from 8 threads sharing one client of each kind. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// 8 client + 8 server threads on 2 cores starve the JIT threads: ops/s still climbs for ~8 s.
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 4, time = 1)
public class ThroughputBench {
  @Benchmark
  public User sdk(Contenders c) {
    return c.sdk();
  }

  @Benchmark
  public User raw(Contenders c) throws Exception {
    return c.raw();
  }

  @Benchmark
  public stock.model.User stock(Contenders c) throws Exception {
    return c.stock();
  }
}
