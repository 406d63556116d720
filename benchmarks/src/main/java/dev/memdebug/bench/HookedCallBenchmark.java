package dev.memdebug.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a hooked call on the app's thread: each {@link HookTargets} method called in a JVM without
 * the agent ({@code plain*}) and in a JVM started with the packaged agent and
 * {@code benchmarks/hooks.properties} ({@code hooked*}). The difference is what the inlined advice
 * costs: reading the clock, the counter update, and for labelled and described calls the record pushed
 * into the operation queue (when the queue is full, the drop path: a benchmark calls far faster than
 * any app, so most records are dropped and counted, see {@code OperationQueue}).
 *
 * <p>Run from the repository root after {@code mvn package}, so the relative paths below resolve:
 * {@code java -jar benchmarks/target/benchmarks.jar HookedCallBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HookedCallBenchmark {

    /** The packaged agent with the benchmark's hooks; its log goes under benchmarks/target, not to stderr. */
    static final String AGENT = "-javaagent:agent/target/memdebug-agent.jar=config=benchmarks/hooks.properties,"
            + "log.path=benchmarks/target/jmh-memory_debug.log,log.stderr=false";

    private final HookTargets targets = new HookTargets();
    private long user = 12345;

    @Benchmark
    @Fork(1)
    public long plainCounted() {
        return targets.counted(user++);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public long hookedCounted() {
        return targets.counted(user++);
    }

    @Benchmark
    @Fork(1)
    public long plainLabelled() {
        return targets.labelled(user++);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public long hookedLabelled() {
        return targets.labelled(user++);
    }

    @Benchmark
    @Fork(1)
    public long plainDescribed() {
        return targets.described(user++);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public long hookedDescribed() {
        return targets.described(user++);
    }
}
