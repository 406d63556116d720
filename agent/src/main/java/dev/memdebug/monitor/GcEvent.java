package dev.memdebug.monitor;

/**
 * One garbage collection as the JVM reported it, reduced to what the log shows. Immutable.
 *
 * @param old              a full or old-generation collection (the JVM's "end of major GC"), logged at once
 * @param heapBeforeBytes  the heap pools' use before the collection
 * @param heapAfterBytes   and after it
 */
public record GcEvent(long timeMillis, String collector, String cause, boolean old, long durationMillis,
                      long heapBeforeBytes, long heapAfterBytes) {

    /**
     * Whether this was a concurrent collector's whole cycle ({@code ZGC Cycles}, {@code ZGC Major Cycles},
     * {@code Shenandoah Cycles}): its duration is how long the cycle ran beside the app, not a pause.
     */
    public boolean concurrentCycle() {
        return isConcurrentCycle(collector);
    }

    /** As {@link #concurrentCycle()}, by the collector's name. */
    public static boolean isConcurrentCycle(String collector) {
        return collector != null && collector.endsWith(" Cycles");
    }

    /** What the collection freed; never negative (promotion can make "after" exceed "before" in one pool). */
    public long freedBytes() {
        return Math.max(0, heapBeforeBytes - heapAfterBytes);
    }
}
