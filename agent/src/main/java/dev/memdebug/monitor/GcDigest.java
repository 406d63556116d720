package dev.memdebug.monitor;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides which collections the log shows: full/old collections and long pauses one by one (at most one
 * per {@link #NOTABLE_GAP_MILLIS}: a heap that is full of live data can run several full collections a
 * second, and each would otherwise be a line), everything else summed up per interval, and GC thrashing
 * (much of the recent time spent collecting while the collections leave the heap nearly full, and memory
 * is HIGH) as soon as it is seen. Pure logic with no clock of its own, so tests drive it
 * with chosen times.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread only.
 */
public final class GcDigest {

    /** The span over which thrashing is judged. */
    static final long THRASH_WINDOW_MILLIS = 10_000;
    /** Thrashing: at least this share of the window spent in collections... */
    static final double THRASH_GC_SHARE = 0.30;
    /**
     * ...while after every one of them the heap was still at least this share of its max: what the
     * collections cannot free is live data, so they run again and again for little.
     */
    static final double THRASH_LIVE_SHARE = 0.85;
    /** Notable collections closer together than this join the summary instead of a line each. */
    static final long NOTABLE_GAP_MILLIS = 5_000;
    /** Thrashing is reported at most this often; it is a state, not an event. */
    static final long THRASH_REPEAT_MILLIS = 60_000;

    /**
     * The collections of one interval that were not logged one by one.
     *
     * @param fullCount how many of them were full collections or long pauses that came too close to a logged one
     */
    public record Summary(long fromMillis, long toMillis, int count, int fullCount, long freedBytes, long gcMillis,
                          long heapAfterBytes, String collectors) {
    }

    /** Evidence of thrashing over the last {@link #THRASH_WINDOW_MILLIS}: the least the heap held after a collection. */
    public record Thrashing(long windowMillis, int count, long gcMillis, long freedBytes, long minHeapAfterBytes) {
    }

    private final long summaryMillis;
    private final long longPauseMillis;
    /** Collections of the thrashing window, summed per second: a thrashing JVM runs hundreds a second. */
    private final ArrayDeque<Second> window = new ArrayDeque<>();
    private final Set<String> collectors = new LinkedHashSet<>();
    private long intervalStart = -1;
    private int count;
    private int fullCount;
    private long freed;
    private long lastNotable = Long.MIN_VALUE / 2;
    private long gcMillis;
    private long heapAfter = -1;
    private long lastThrash = Long.MIN_VALUE / 2;

    /**
     * @param summaryMillis   the interval of summaries; 0 = no summaries (only collections logged at once)
     * @param longPauseMillis a collection at least this long is logged at once; 0 = none for that reason
     */
    public GcDigest(long summaryMillis, long longPauseMillis) {
        this.summaryMillis = summaryMillis;
        this.longPauseMillis = longPauseMillis;
    }

    /** Takes one collection; returns whether it is to be logged at once (else it joins the summary). */
    public boolean observe(GcEvent e) {
        Second last = window.peekLast();
        long second = e.timeMillis() / 1000;
        if (last == null || last.second != second) {
            last = new Second(second);
            window.addLast(last);
        }
        last.add(e);
        if (intervalStart < 0) {
            intervalStart = e.timeMillis();
        }
        if (isNotable(e)) {
            if (e.timeMillis() - lastNotable >= NOTABLE_GAP_MILLIS) {
                lastNotable = e.timeMillis();
                return true;
            }
            fullCount++;
        }
        count++;
        freed += e.freedBytes();
        gcMillis += e.durationMillis();
        heapAfter = e.heapAfterBytes();
        collectors.add(e.collector());
        return false;
    }

    /** Whether {@code e} is a full/old collection or a long pause (a concurrent cycle is no pause, however long). */
    public boolean isNotable(GcEvent e) {
        return e.old() || (longPauseMillis > 0 && !e.concurrentCycle() && e.durationMillis() >= longPauseMillis);
    }

    /** The summary of the interval that ended by {@code now}, or {@code null} when none is due or it was empty. */
    public Summary summary(long now) {
        if (summaryMillis <= 0 || intervalStart < 0 || now - intervalStart < summaryMillis) {
            return null;
        }
        Summary s = count == 0 ? null
                : new Summary(intervalStart, now, count, fullCount, freed, gcMillis, heapAfter, String.join(", ", collectors));
        intervalStart = now;
        count = 0;
        fullCount = 0;
        freed = 0;
        gcMillis = 0;
        collectors.clear();
        return s;
    }

    /**
     * Thrashing seen now, or {@code null}: only while memory is at or above HIGH ({@code aboveHigh}), and at
     * most once per {@link #THRASH_REPEAT_MILLIS}. {@code heapMaxBytes} is the heap's maximum (or committed size).
     */
    public Thrashing thrashing(long now, boolean aboveHigh, long heapMaxBytes) {
        while (!window.isEmpty() && now - (window.peekFirst().second * 1000 + 999) > THRASH_WINDOW_MILLIS) {
            window.removeFirst();
        }
        if (!aboveHigh || heapMaxBytes <= 0 || window.isEmpty() || now - lastThrash < THRASH_REPEAT_MILLIS) {
            return null;
        }
        long time = 0;
        long freedInWindow = 0;
        long minAfter = Long.MAX_VALUE;
        int collections = 0;
        for (Second s : window) {
            time += s.gcMillis;
            freedInWindow += s.freed;
            minAfter = Math.min(minAfter, s.minHeapAfter);
            collections += s.count;
        }
        if (time < THRASH_GC_SHARE * THRASH_WINDOW_MILLIS || minAfter < THRASH_LIVE_SHARE * heapMaxBytes) {
            return null;
        }
        lastThrash = now;
        return new Thrashing(THRASH_WINDOW_MILLIS, collections, time, freedInWindow, minAfter);
    }

    /** The collections of one second of the window. */
    private static final class Second {
        final long second;
        int count;
        long gcMillis;
        long freed;
        long minHeapAfter = Long.MAX_VALUE;

        Second(long second) {
            this.second = second;
        }

        void add(GcEvent e) {
            count++;
            gcMillis += e.durationMillis();
            freed += e.freedBytes();
            minHeapAfter = Math.min(minHeapAfter, e.heapAfterBytes());
        }
    }
}
