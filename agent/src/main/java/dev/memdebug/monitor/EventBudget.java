package dev.memdebug.monitor;

import dev.memdebug.log.Mb;
import java.util.EnumMap;
import java.util.Map;

/**
 * Bounds how many HIGH, CRITICAL and SPIKE blocks a minute may write, so memory that oscillates around a
 * threshold faster than {@code alarm.rearm} can hold it back cannot fill the log and rotate the history
 * away. Within each {@link #WINDOW_MILLIS} window the first blocks of each kind are written as usual; the
 * rest are counted, and when the window ends one summary line says how many of each were left out and
 * between which figures memory moved meanwhile.
 *
 * <p>CRITICAL has the largest allowance: it is the block read first after a crash. The summary names the
 * kinds by their bare names ("57 HIGH"), never by a block's title, so readers do not take it for a block.
 *
 * <p>Pure logic with the caller's clock, allocation-free except for the summary. Thread-safety: the
 * monitor thread only.
 */
public final class EventBudget {

    /** The kinds of block that are budgeted. */
    public enum Kind {
        CRITICAL("CRITICAL", 20), HIGH("HIGH", 10), SPIKE("SPIKE", 10),
        /**
         * One-line records of the operations after a CRITICAL block, at most one per 100 ms: a minute of an
         * app's ten operations a second before a kill, about 90 KB, so a flood cannot rotate the history away.
         */
        STILL_CRITICAL("STILL CRITICAL", 600);

        private final String title;
        private final int perWindow;

        Kind(String title, int perWindow) {
            this.title = title;
            this.perWindow = perWindow;
        }

        public int perWindow() {
            return perWindow;
        }
    }

    public static final long WINDOW_MILLIS = 60_000;

    private final Map<Kind, int[]> written = new EnumMap<>(Kind.class);
    private final Map<Kind, long[]> skipped = new EnumMap<>(Kind.class);
    private long windowStart = Long.MIN_VALUE;
    private long lowest = Long.MAX_VALUE;
    private long highest = Long.MIN_VALUE;

    public EventBudget() {
        for (Kind k : Kind.values()) {
            written.put(k, new int[1]);
            skipped.put(k, new long[1]);
        }
    }

    /**
     * Whether a block of {@code kind} may be written now; if not, it is counted for the summary.
     * {@code usedBytes} is the figure of the block.
     */
    public boolean allow(Kind kind, long nowMillis, long usedBytes) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = nowMillis;
        }
        int[] n = written.get(kind);
        if (n[0] < kind.perWindow) {
            n[0]++;
            return true;
        }
        skipped.get(kind)[0]++;
        lowest = Math.min(lowest, usedBytes);
        highest = Math.max(highest, usedBytes);
        return false;
    }

    /**
     * Ends the window if its time is up. Returns the summary line of what it left out, or {@code null}
     * when it left nothing out or is still open.
     */
    public String roll(long nowMillis) {
        if (windowStart == Long.MIN_VALUE || nowMillis - windowStart < WINDOW_MILLIS) {
            return null;
        }
        return flush(nowMillis);
    }

    /** Ends the window now (at shutdown); returns its summary or {@code null}. */
    public String flush(long nowMillis) {
        if (windowStart == Long.MIN_VALUE) {
            return null;
        }
        StringBuilder parts = new StringBuilder();
        for (Kind k : Kind.values()) {
            long s = skipped.get(k)[0];
            if (s > 0) {
                parts.append(parts.length() == 0 ? "" : ", ").append(s).append(' ').append(k.title);
            }
        }
        String summary = parts.length() == 0 ? null : "RATE LIMIT: " + parts + " block(s) of the last "
                + (nowMillis - windowStart) / 1000 + " s were summarised here instead of written (memory between "
                + Mb.of(lowest) + " and " + Mb.of(highest) + " meanwhile; at most " + Kind.CRITICAL.perWindow + " CRITICAL, "
                + Kind.HIGH.perWindow + " HIGH and " + Kind.SPIKE.perWindow + " SPIKE blocks are written a minute)";
        windowStart = nowMillis;
        lowest = Long.MAX_VALUE;
        highest = Long.MIN_VALUE;
        for (Kind k : Kind.values()) {
            written.get(k)[0] = 0;
            skipped.get(k)[0] = 0;
        }
        return summary;
    }
}
