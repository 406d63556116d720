package dev.memdebug.monitor;

/**
 * How fast memory climbs: the rise over the last second of checks, in bytes per millisecond. Measured
 * over a second rather than between two checks, so that one large allocation (a step) does not read
 * as a steep climb, while a steady climb toward the limit does. Pure; a fixed ring, allocation-free.
 *
 * <p>Thread-safety: the monitor thread only.
 */
public final class ClimbRate {

    private static final long WINDOW_MILLIS = 1000;

    private final long[] times = new long[256];
    private final long[] values = new long[256];
    private int head;
    private int size;

    /** Records a figure and returns the climb rate in bytes per millisecond (0 when flat or falling). */
    public double observe(long nowMillis, long usedBytes) {
        if (size == times.length) {
            head = (head + 1) % times.length;
            size--;
        }
        int tail = (head + size) % times.length;
        times[tail] = nowMillis;
        values[tail] = usedBytes;
        size++;
        while (size > 1 && times[head] < nowMillis - WINDOW_MILLIS) {
            head = (head + 1) % times.length;
            size--;
        }
        long elapsed = nowMillis - times[head];
        if (elapsed <= 0) {
            return 0;
        }
        long rise = usedBytes - values[head];
        return rise > 0 ? rise / (double) elapsed : 0;
    }
}
