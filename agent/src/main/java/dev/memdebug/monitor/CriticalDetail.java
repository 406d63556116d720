package dev.memdebug.monitor;

import dev.memdebug.config.ValueParser;
import dev.memdebug.jvm.ClassHistogram;
import dev.memdebug.jvm.DiagnosticCommands;
import dev.memdebug.jvm.NativeMemorySummary;
import dev.memdebug.log.JvmLayout;
import dev.memdebug.log.LogEvent;
import dev.memdebug.log.Mb;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Gathers what is written right after a CRITICAL block: the class histogram's top 10 (once per CRITICAL
 * episode, never more often than the configured interval, and only while the heap is small enough for its
 * full-GC pause to be short) and the Native Memory Tracking summary when NMT is on.
 *
 * <p>The CRITICAL block itself is written before any of this runs: a histogram stops the world for a full
 * collection, and the block must reach the kernel first in case the kill comes during it.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread only.
 */
final class CriticalDetail {

    static final int TOP_CLASSES = 10;

    private final boolean histogram;
    private final long intervalMillis;
    private final long maxHeapBytes;
    private final boolean nmt;
    private final DiagnosticCommands commands;
    private final LongSupplier heapUsed;
    private long lastHistogram = Long.MIN_VALUE / 2;
    private long lastEpisode = -1;

    CriticalDetail(boolean histogram, long intervalMillis, long maxHeapBytes, boolean nmt, DiagnosticCommands commands,
                   LongSupplier heapUsed) {
        this.histogram = histogram;
        this.intervalMillis = intervalMillis;
        this.maxHeapBytes = maxHeapBytes;
        this.nmt = nmt;
        this.commands = commands;
        this.heapUsed = heapUsed;
    }

    /** Whether anything could be written at all; when not, the DiagnosticCommand MBean is never touched. */
    boolean enabled() {
        return histogram || nmt;
    }

    /**
     * Connects to the DiagnosticCommand MBean ahead of need, at HIGH: connecting starts the platform MBean
     * server, which costs about 150 ms and 9 MB of RSS (measured on JDK 17), better spent at HIGH than at
     * CRITICAL. Does nothing when neither the histogram nor NMT is on, or when already connected.
     */
    void prepare() {
        if (enabled()) {
            commands.offers(ClassHistogram.OPERATION);
        }
    }

    /**
     * The detail event for the CRITICAL block of {@code episode} just written, or {@code null} when there is
     * nothing to add this time (a repeat in the same episode, within the interval, NMT off).
     */
    LogEvent collect(long now, long usedBytes, long episode, JvmLayout layout) {
        List<ClassHistogram.Row> rows = null;
        long took = 0;
        String note = null;
        if (histogram && episode != lastEpisode && now - lastHistogram >= intervalMillis) {
            lastEpisode = episode;
            long heap = heapUsed.getAsLong();
            if (heap > maxHeapBytes) {
                note = "skipped: the heap in use (" + Mb.of(heap) + ") is above critical.histogram.max-heap ("
                        + ValueParser.formatSize(maxHeapBytes) + "), so its full-GC pause would be long";
            } else {
                lastHistogram = now;
                long start = System.nanoTime();
                try {
                    rows = ClassHistogram.parse(commands.invoke(ClassHistogram.OPERATION), TOP_CLASSES);
                } catch (Throwable t) {
                    note = "could not be taken (" + t + ")";
                }
                took = (System.nanoTime() - start) / 1_000_000;
            }
        }
        NativeMemorySummary.Summary summary = null;
        if (nmt) {
            try {
                summary = NativeMemorySummary.parse(commands.invoke(NativeMemorySummary.OPERATION, "summary", "scale=KB"));
                if (summary.totalBytes() < 0) {
                    summary = null;
                }
            } catch (Throwable t) {
                note = (note == null ? "" : note + "; ") + "Native Memory Tracking summary could not be read (" + t + ")";
            }
        }
        if (rows == null && note == null && summary == null) {
            return null;
        }
        return layout.criticalDetail(System.currentTimeMillis(), usedBytes, rows, took, note, summary);
    }
}
