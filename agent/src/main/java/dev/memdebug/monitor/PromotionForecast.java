package dev.memdebug.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How much the next young collection may add to the process's memory at once.
 *
 * <p>A leaking JVM does not climb smoothly in the container's eyes: new objects land in the young
 * generation, whose pages were touched long ago, and a young collection copies the survivors into the
 * old generation, onto pages touched for the first time. When everything survives (a leak), a slow
 * climb of 1 MB/s shows as a flat line and then a step as large as the young generation, within one
 * collection, during which no Java thread runs: a process at 82 % of its limit is killed by the step
 * before any check sees 94 %.
 *
 * <p>This forecast learns, from each young collection, the share of the young generation's occupancy
 * that it moved into the old generation (the promotion share), and forecasts the next step as the
 * young generation's current occupancy times the highest share of the last {@value #HISTORY}
 * collections. For a typical service most young objects die and the forecast stays small; for a leak
 * it is the whole young generation. It over-estimates when the old generation still has touched pages
 * free (after a compaction), which errs on the side of an early warning.
 *
 * <p>Thread-safety: {@link #collected} is called on the JVM's notification thread, {@link #stepBytes}
 * on the monitor thread; the learned share is a single volatile.
 */
public final class PromotionForecast {

    static final int HISTORY = 4;

    private final LongSupplier youngUsed;
    private final double[] shares = new double[HISTORY];
    private int next;
    private volatile double share;

    /** A forecast that reads the young generation's occupancy from {@code youngUsed} (bytes). */
    PromotionForecast(LongSupplier youngUsed) {
        this.youngUsed = youngUsed;
    }

    /**
     * A forecast for this JVM's collector, over its eden and survivor pools; with a collector that has
     * none (ZGC, Shenandoah, Epsilon) it never learns anything and forecasts 0.
     */
    public static PromotionForecast forThisJvm() {
        List<MemoryPoolMXBean> young = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (isYoung(pool.getName())) {
                young.add(pool);
            }
        }
        return new PromotionForecast(() -> {
            long sum = 0;
            for (MemoryPoolMXBean pool : young) {
                MemoryUsage u = pool.getUsage();
                if (u != null) {
                    sum += u.getUsed();
                }
            }
            return sum;
        });
    }

    static boolean isYoung(String poolName) {
        String n = poolName.toLowerCase(Locale.ROOT);
        return n.contains("eden") || n.contains("survivor");
    }

    static boolean isOld(String poolName) {
        String n = poolName.toLowerCase(Locale.ROOT);
        return n.contains("old") || n.contains("tenured");
    }

    /**
     * Learns from one finished collection, given the pools' usage before and after it. Only young
     * collections teach anything (a full collection compacts the old generation and says nothing about
     * promotion). The JVM's notification thread; never throws on odd input.
     */
    public synchronized void collected(boolean minor, Map<String, MemoryUsage> before, Map<String, MemoryUsage> after) {
        if (!minor) {
            return;
        }
        long youngBefore = 0;
        long oldBefore = 0;
        long oldAfter = 0;
        boolean sawOld = false;
        for (Map.Entry<String, MemoryUsage> e : before.entrySet()) {
            if (isYoung(e.getKey())) {
                youngBefore += e.getValue().getUsed();
            } else if (isOld(e.getKey())) {
                oldBefore += e.getValue().getUsed();
                MemoryUsage a = after.get(e.getKey());
                if (a != null) {
                    oldAfter += a.getUsed();
                    sawOld = true;
                }
            }
        }
        if (youngBefore <= 0 || !sawOld) {
            return;
        }
        shares[next] = Math.min(1.0, Math.max(0.0, (oldAfter - oldBefore) / (double) youngBefore));
        next = (next + 1) % HISTORY;
        double max = 0;
        for (double s : shares) {
            max = Math.max(max, s);
        }
        share = max;
    }

    /** The highest promotion share of the recent young collections, 0 to 1. Any thread. */
    public double share() {
        return share;
    }

    /**
     * The step the next young collection may add: the young generation's occupancy now times the
     * learned share. Monitor thread; reads the pools (a few small allocations).
     */
    public long stepBytes() {
        double s = share;
        return s <= 0 ? 0 : (long) (Math.max(0, youngUsed.getAsLong()) * s);
    }
}
