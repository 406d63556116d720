package dev.memdebug.sample;

import java.util.List;

/**
 * Everything the log shows about memory at one moment. Immutable. Figures the platform could not
 * provide are -1.
 *
 * @param usedBytes           the figure compared with the limit: the container's working set when a
 *                            cgroup limit applies, else the process RSS
 * @param containerUsageBytes the cgroup's usage (working set), or -1 without a cgroup
 * @param availableBytes      what is left before the limit (or the host's available memory)
 * @param stackBytesEstimate  threads times the default thread stack size
 * @param heapTouchedBytes    the heap's resident estimate: its pools' peak use, at most the committed size.
 *                            Pages the heap touched once stay resident, so this, not the used figure of the
 *                            moment (low right after a collection) nor the committed one (which -Xms may
 *                            reserve untouched), is what the heap adds to the RSS
 * @param baseline            the run's first snapshot, against which growth is shown; {@code null} in
 *                            the first snapshot itself
 */
public record MemorySnapshot(
        long timeMillis,
        long usedBytes,
        long limitBytes,
        long rssBytes,
        long virtualBytes,
        long containerUsageBytes,
        long availableBytes,
        long heapUsed,
        long heapCommitted,
        long heapMax,
        long metaspaceUsed,
        long codeCacheUsed,
        long nonHeapCommitted,
        long directBytes,
        long mappedBytes,
        int threads,
        long stackBytesEstimate,
        int openFiles,
        List<MetricValue> metrics,
        long heapTouchedBytes,
        MemorySnapshot baseline) {

    /** The same figures without a baseline (the first snapshot of a run, tests). */
    public MemorySnapshot(long timeMillis, long usedBytes, long limitBytes, long rssBytes, long virtualBytes,
                          long containerUsageBytes, long availableBytes, long heapUsed, long heapCommitted, long heapMax,
                          long metaspaceUsed, long codeCacheUsed, long nonHeapCommitted, long directBytes, long mappedBytes,
                          int threads, long stackBytesEstimate, int openFiles, List<MetricValue> metrics) {
        this(timeMillis, usedBytes, limitBytes, rssBytes, virtualBytes, containerUsageBytes, availableBytes, heapUsed,
                heapCommitted, heapMax, metaspaceUsed, codeCacheUsed, nonHeapCommitted, directBytes, mappedBytes, threads,
                stackBytesEstimate, openFiles, metrics, heapCommitted, null);
    }

    /** This snapshot measured against {@code base}. */
    public MemorySnapshot withBaseline(MemorySnapshot base) {
        return new MemorySnapshot(timeMillis, usedBytes, limitBytes, rssBytes, virtualBytes, containerUsageBytes,
                availableBytes, heapUsed, heapCommitted, heapMax, metaspaceUsed, codeCacheUsed, nonHeapCommitted,
                directBytes, mappedBytes, threads, stackBytesEstimate, openFiles, metrics, heapTouchedBytes, base);
    }

    /** RSS not accounted for by the JVM's own pools: malloc arenas, JNI, GC structures and the like. */
    public long otherNativeBytes() {
        if (rssBytes < 0) {
            return -1;
        }
        long accounted = heapTouchedBytes + nonHeapCommitted + Math.max(0, directBytes) + Math.max(0, mappedBytes)
                + Math.max(0, stackBytesEstimate);
        return Math.max(0, rssBytes - accounted);
    }

    /** Used memory as a percentage of the limit. */
    public double percentOfLimit() {
        return limitBytes > 0 ? usedBytes * 100.0 / limitBytes : -1;
    }
}
