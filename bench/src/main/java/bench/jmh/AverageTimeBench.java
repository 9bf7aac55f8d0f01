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

/** Latency of one getCurrentUser on one thread (the server answers on its own threads). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 4, time = 1)
public class AverageTimeBench {
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
