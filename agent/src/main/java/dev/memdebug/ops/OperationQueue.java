package dev.memdebug.ops;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;

/**
 * Carries hook events from any number of app threads to the single monitor thread without locks and
 * without allocating: records come from a preallocated pool and go back to it after the consumer
 * copied what it needs.
 *
 * <p><b>When full, the newest record is dropped and counted.</b> Dropping the oldest would need the
 * producer to take from the consumer's end of a single-consumer queue, which is not safe and would
 * let a burst on the app's threads contend with the writer; dropping the newest keeps
 * {@link #publish} wait-free for the app. The monitor is woken well before the queue fills (see
 * {@link #needsDrain()}), so drops only happen under a sustained flood, and the log says how many.
 *
 * <p>Thread-safety: {@link #publish} may be called by any thread, concurrently; it never blocks and
 * never throws. {@link #drain} must be called by one thread only (the monitor).
 */
public final class OperationQueue {

    private final MpscArrayQueue<OperationRecord> queue;
    private final MpmcArrayQueue<OperationRecord> pool;
    private final int drainHint;
    private final LongAdder dropped = new LongAdder();
    private final java.util.concurrent.atomic.AtomicBoolean wakeRequested = new java.util.concurrent.atomic.AtomicBoolean();

    public OperationQueue(int capacity) {
        this.queue = new MpscArrayQueue<>(capacity);
        this.pool = new MpmcArrayQueue<>(capacity);
        int slots = queue.capacity();
        for (int i = 0; i < slots; i++) {
            if (!pool.offer(new OperationRecord())) {
                break;
            }
        }
        this.drainHint = Math.max(1, slots / 4);
    }

    /**
     * Publishes one event. Wait-free on the app's thread, allocation-free. Returns {@code false} if the
     * event was dropped because the queue was full.
     */
    public boolean publish(int hookId, byte phase, int metric, long timeMillis, long memoryBytes, long durationNanos,
                           long value, String context, String threadName) {
        OperationRecord r = pool.relaxedPoll();
        if (r == null) {
            dropped.increment();
            return false;
        }
        r.hookId = hookId;
        r.phase = phase;
        r.metric = metric;
        r.timeMillis = timeMillis;
        r.memoryBytes = memoryBytes;
        r.durationNanos = durationNanos;
        r.value = value;
        r.context = context;
        r.threadName = threadName;
        if (!queue.relaxedOffer(r)) {
            r.context = null;
            pool.relaxedOffer(r);
            dropped.increment();
            return false;
        }
        return true;
    }

    /**
     * Whether the consumer should be woken now: enough records wait, and no other producer has asked
     * since the last drain. Only one producer gets {@code true} per drain, so a flood costs one wake-up,
     * not one per call. Any thread; cheap.
     */
    public boolean needsDrain() {
        return queue.size() >= drainHint && !wakeRequested.get() && wakeRequested.compareAndSet(false, true);
    }

    /**
     * Hands every waiting record to {@code consumer}, in publication order per producer, then returns it
     * to the pool. The consumer must copy what it keeps. Single consumer thread only.
     */
    public int drain(Consumer<OperationRecord> consumer) {
        wakeRequested.set(false);
        int n = 0;
        OperationRecord r;
        while ((r = queue.relaxedPoll()) != null) {
            try {
                consumer.accept(r);
            } finally {
                r.context = null;
                r.threadName = null;
                pool.relaxedOffer(r);
            }
            n++;
        }
        return n;
    }

    /** Events dropped so far because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    public int capacity() {
        return queue.capacity();
    }
}
