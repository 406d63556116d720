package dev.memdebug.monitor;

/**
 * Finds rises of more than a threshold within a sliding time window: the rise is the current figure
 * minus the lowest figure seen within the window. After a spike is reported the window restarts from
 * the current figure, so one climb is reported once per threshold it adds, not at every tick.
 *
 * <p>Keeps a monotonic deque of candidate minima in a fixed ring, so each observation is amortised
 * O(1) and allocation-free. Thread-safety: the monitor thread only.
 */
public final class SpikeDetector {

    private final long thresholdBytes;
    private final long windowMillis;
    private final long[] times;
    private final long[] values;
    private int head;
    private int size;
    private long lastRise;
    private long lastRiseMillis;

    public SpikeDetector(long thresholdBytes, long windowMillis) {
        this.thresholdBytes = thresholdBytes;
        this.windowMillis = windowMillis;
        this.times = new long[4096];
        this.values = new long[4096];
    }

    /** Records a figure; returns {@code true} if it completes a spike (see {@link #lastRise()}). */
    public boolean observe(long nowMillis, long usedBytes) {
        while (size > 0 && times[head] < nowMillis - windowMillis) {
            head = (head + 1) % times.length;
            size--;
        }
        while (size > 0 && values[index(size - 1)] >= usedBytes) {
            size--;
        }
        if (size == times.length) {
            head = (head + 1) % times.length;
            size--;
        }
        times[index(size)] = nowMillis;
        values[index(size)] = usedBytes;
        size++;
        long rise = usedBytes - values[head];
        if (rise > thresholdBytes) {
            lastRise = rise;
            lastRiseMillis = nowMillis - times[head];
            head = index(size - 1);
            size = 1;
            return true;
        }
        return false;
    }

    /** The rise of the last reported spike. */
    public long lastRise() {
        return lastRise;
    }

    /** How long the last reported spike took, from the low point to the figure that completed it. */
    public long lastRiseMillis() {
        return lastRiseMillis;
    }

    private int index(int offset) {
        return (head + offset) % times.length;
    }
}
