package dev.memdebug.ops;

/**
 * A reusable slot carrying one hook event from an app thread to the monitor thread. Slots are
 * preallocated by {@link OperationQueue} and recycled, so publishing allocates nothing.
 *
 * <p>Thread-safety: a slot is owned by exactly one thread at a time: the producer between
 * {@code claim} and {@code offer}, the consumer between {@code poll} and {@code release}. The queue's
 * ordered writes give the hand-over its happens-before edge, so the fields need no volatile.
 */
public final class OperationRecord {

    /** The hook was entered. */
    public static final byte ENTER = 0;
    /** The hooked method returned normally. */
    public static final byte EXIT = 1;
    /** The hooked method ended by throwing. */
    public static final byte FAIL = 2;
    /** A counter or gauge went over its limit; {@link #hookId} names the metric. */
    public static final byte LIMIT = 3;

    int hookId;
    int metric;
    byte phase;
    long timeMillis;
    long memoryBytes;
    long durationNanos;
    long value;
    String context;
    String threadName;

    public int hookId() { return hookId; }
    public byte phase() { return phase; }
    /** For limit records, the counter or gauge index in the snapshot's metric list. */
    public int metric() { return metric; }
    public long timeMillis() { return timeMillis; }
    public long memoryBytes() { return memoryBytes; }
    /** For exits, the time spent in the hooked method; 0 otherwise. */
    public long durationNanos() { return durationNanos; }
    /** For limit records, the value that broke the limit. */
    public long value() { return value; }
    /** The rendered context template, or {@code null} when the hook has none. */
    public String context() { return context; }
    public String threadName() { return threadName; }
}
