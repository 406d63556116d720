package dev.memdebug.monitor;

import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.sample.MetricValue;
import java.util.List;

/**
 * What the app's hooks tell the monitor: operations waiting to be listed and the counters and gauges
 * of the snapshot. Implemented by {@code dev.memdebug.instrument}; {@link #NONE} when no hook is set.
 *
 * <p>Thread-safety: both methods are called by the monitor thread only.
 */
public interface AppActivity {

    /** Receives counters and gauges that went over their limits, and the hooks' own problems. */
    interface LimitListener {
        /** A counter or gauge went over its limit; {@code cause} is the operation that did it, if known. */
        void exceeded(long timeMillis, String label, long value, long limit, Operation cause);

        /** A problem or fact about the hooks worth a line in the log (a hook that matched nothing, a stuck gauge). */
        void notice(String message);
    }

    /**
     * Moves the operations the app published since the last call into {@code recent}; operations
     * published before the first check carry no memory figure and get {@code usedBytes}.
     */
    void drain(RecentOperations recent, long usedBytes, LimitListener limits);

    /**
     * The last {@link #drain} of the run (the shutdown hook's): also writes every summary that is still
     * waiting for its interval, so what a rate limit left out is said before the clean-shutdown line.
     */
    default void drainFinal(RecentOperations recent, long usedBytes, LimitListener limits) {
        drain(recent, usedBytes, limits);
    }

    /** The counters and gauges, in the order the user chose. May take a little time (gauges are read). */
    List<MetricValue> metrics();

    /** Records dropped because the queue was full, so far. */
    long dropped();

    /** Records drained into the recent operations (limit records excluded), so far. */
    long recorded();

    /** An app without hooks. */
    AppActivity NONE = new AppActivity() {
        @Override
        public void drain(RecentOperations recent, long usedBytes, LimitListener limits) {
        }

        @Override
        public List<MetricValue> metrics() {
            return List.of();
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public long recorded() {
            return 0;
        }
    };
}
