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

    /** What the collection freed; never negative (promotion can make "after" exceed "before" in one pool). */
    public long freedBytes() {
        return Math.max(0, heapBeforeBytes - heapAfterBytes);
    }
}
