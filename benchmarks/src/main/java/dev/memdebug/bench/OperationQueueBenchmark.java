package dev.memdebug.bench;

import dev.memdebug.ops.OperationQueue;
import dev.memdebug.ops.OperationRecord;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the agent's {@link OperationQueue} with 1, 2 and 4 producer threads (the app's threads
 * calling hooked methods) and the one consumer that drains it (the monitor thread). Each group reports
 * {@code published} and {@code dropped} per second for its producers and {@code drained} per second
 * for the consumer; records only count as carried once drained.
 *
 * <p>The consumer spins here, where the monitor sleeps between drains: this is the queue's ceiling, not
 * the agent's. On a machine with fewer cores than producers plus one, threads share cores and the
 * figures fall accordingly.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OperationQueueBenchmark {

    /** The agent's default {@code operations.capacity}. */
    private static final int CAPACITY = 4096;

    private OperationQueue queue;

    @Setup(Level.Iteration)
    public void newQueue() {
        queue = new OperationQueue(CAPACITY);
    }

    /** Per producer thread: records published and dropped. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ProducerCounts {
        public long published;
        public long dropped;
    }

    /** The consumer's count of records drained. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ConsumerCounts {
        public long drained;
        private final Consumer<OperationRecord> sink = r -> { };
    }

    private void publish(ProducerCounts counts) {
        if (queue.publish(1, OperationRecord.EXIT, -1, 0L, 0L, 0L, 0L, null, "producer")) {
            counts.published++;
        } else {
            counts.dropped++;
        }
    }

    private void drain(ConsumerCounts counts) {
        counts.drained += queue.drain(counts.sink);
    }

    @Benchmark
    @Group("producers1")
    @GroupThreads(1)
    public void publish1(ProducerCounts counts) {
        publish(counts);
    }

    @Benchmark
    @Group("producers1")
    @GroupThreads(1)
    public void drain1(ConsumerCounts counts) {
        drain(counts);
    }

    @Benchmark
    @Group("producers2")
    @GroupThreads(2)
    public void publish2(ProducerCounts counts) {
        publish(counts);
    }

    @Benchmark
    @Group("producers2")
    @GroupThreads(1)
    public void drain2(ConsumerCounts counts) {
        drain(counts);
    }

    @Benchmark
    @Group("producers4")
    @GroupThreads(4)
    public void publish4(ProducerCounts counts) {
        publish(counts);
    }

    @Benchmark
    @Group("producers4")
    @GroupThreads(1)
    public void drain4(ConsumerCounts counts) {
        drain(counts);
    }
}
