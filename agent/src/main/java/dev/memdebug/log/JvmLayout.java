package dev.memdebug.log;

import dev.memdebug.jvm.ClassHistogram;
import dev.memdebug.jvm.NativeMemorySummary;
import java.util.List;
import java.util.Locale;

/**
 * The log's JVM lines: garbage collections ({@code 🗑️}, the guide's {@code freed 15.3 MB → now 416.8 MB}),
 * GC thrashing, the relief actions and the detail written right after a CRITICAL block (class histogram,
 * Native Memory Tracking). The analyzer reads an event's memory figure from the first {@code N MB} of its
 * head line, so every head leads with {@code at N MB}, the figure compared with the limit.
 *
 * <p>Stateless apart from the {@link LogLayout} it stamps with; thread-safe.
 */
public final class JvmLayout {

    public static final String GC = "🗑️ ";
    public static final String DETAIL = "🔬 CRITICAL DETAIL";
    public static final String TRIM = "🧹 Native heap trim";

    private final LogLayout layout;

    public JvmLayout(LogLayout layout) {
        this.layout = layout;
    }

    /**
     * One collection logged at once: {@code 🗑️ Full GC at 432.1 MB: G1 Old Generation (System.gc()), 35 ms}
     * and beneath it {@code Heap 431.0 MB, freed 15.3 MB → now 416.8 MB | RSS after 440.1 MB}.
     *
     * @param kind      {@code Full GC} or {@code Long GC pause}
     * @param usedBytes the figure compared with the limit, at the time of logging
     * @param concurrentCycle whether the duration is a concurrent collector's cycle (ZGC, Shenandoah), not a pause
     */
    public LogEvent collection(long timeMillis, String kind, String collector, String cause, long durationMillis,
                               boolean concurrentCycle, long heapBefore, long heapAfter, long usedBytes, long rssAfter) {
        long freed = Math.max(0, heapBefore - heapAfter);
        StringBuilder t = new StringBuilder(256);
        t.append(head(timeMillis)).append(GC).append(kind).append(" at ").append(Mb.of(usedBytes)).append(": ")
                .append(collector).append(" (").append(cause).append("), ").append(durationMillis)
                .append(concurrentCycle ? " ms cycle, concurrent with the app (not a pause)\n" : " ms\n");
        t.append("   Heap ").append(Mb.of(heapBefore)).append(", freed ").append(Mb.of(freed)).append(" → now ")
                .append(Mb.of(heapAfter)).append(" | RSS after ").append(Mb.of(rssAfter)).append('\n');
        t.append(LogLayout.SEPARATOR).append("\n\n");
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "gc").put("kind", kind).put("collector", collector)
                .put("cause", cause).put("ms", durationMillis).put("concurrent", concurrentCycle).put("heap_before_mb", Mb.number(heapBefore))
                .put("freed_mb", Mb.number(freed)).put("heap_after_mb", Mb.number(heapAfter))
                .put("mb", Mb.number(usedBytes)).put("rss_mb", Mb.number(rssAfter));
        return new LogEvent(t.toString(), j.toString());
    }

    /**
     * The collections of an interval in one line: {@code 🗑️ GC summary at 300.1 MB: 42 collections in 60s
     * (G1 Young Generation) freed 1234.5 MB, 210 ms in GC → heap now 120.3 MB | RSS 300.0 MB}; {@code fullCount}
     * full collections among them are named ({@code 42 collections (3 full) in 60s}).
     */
    public LogEvent summary(long timeMillis, long spanMillis, int count, int fullCount, String collectors, long freed,
                            long gcMillis, long heapAfter, long usedBytes, long rss) {
        String text = head(timeMillis) + GC + "GC summary at " + Mb.of(usedBytes) + ": " + count
                + (count == 1 ? " collection" : " collections") + (fullCount > 0 ? " (" + fullCount + " full)" : "")
                + " in " + Decimal.seconds(spanMillis) + " (" + collectors + ") freed " + Mb.of(freed) + ", " + gcMillis
                + " ms in GC → heap now " + Mb.of(heapAfter) + " | RSS " + Mb.of(rss) + "\n\n";
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "gc_summary").put("count", count)
                .put("full", fullCount).put("span_ms", spanMillis).put("collectors", collectors).put("freed_mb", Mb.number(freed))
                .put("gc_ms", gcMillis).put("heap_after_mb", Mb.number(heapAfter)).put("mb", Mb.number(usedBytes))
                .put("rss_mb", Mb.number(rss));
        return new LogEvent(text, j.toString());
    }

    /**
     * GC thrashing: much of the recent time in collections after which the heap stayed nearly full, while
     * memory is HIGH. {@code minHeapAfter} is the least the heap held after any of them: live data.
     */
    public LogEvent thrashing(long timeMillis, long windowMillis, int count, long gcMillis, long freed, long minHeapAfter,
                              long heapMax, long usedBytes) {
        String text = head(timeMillis) + "⚠️ GC THRASHING at " + Mb.of(usedBytes) + ": " + Decimal.seconds(gcMillis) + " of the last "
                + Decimal.seconds(windowMillis) + " spent in " + count + " collections (freeing " + Mb.of(freed) + " in all), yet after"
                + " each the heap still held at least " + Mb.of(minHeapAfter) + " of its " + Mb.limit(heapMax) + " max: it is"
                + " full of live data and the app barely runs. Find what holds the heap (the class histogram after CRITICAL)"
                + " or give it a larger -Xmx if the limit allows\n\n";
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "gc_thrashing").put("window_ms", windowMillis)
                .put("count", count).put("gc_ms", gcMillis).put("freed_mb", Mb.number(freed))
                .put("gc_heap_min_after_mb", Mb.number(minHeapAfter)).put("gc_heap_max_mb", Mb.number(heapMax))
                .put("mb", Mb.number(usedBytes));
        return new LogEvent(text, j.toString());
    }

    /** Collections lost because the monitor fell behind; the summaries undercount by this many. */
    public LogEvent collectionsDropped(long timeMillis, long count) {
        return layout.notice(timeMillis, "⚠️", "warn", count + " garbage collections were not logged because the GC queue was full"
                + " (the monitor fell behind); GC summaries undercount by as many");
    }

    /** The guide's {@code 🗑️ Auto GC triggered at 432.1 MB}, with what the System.gc() freed. */
    public LogEvent autoGc(long timeMillis, long usedBefore, long heapBefore, long heapAfter, long rssBefore, long rssAfter,
                           long tookMillis) {
        long freed = Math.max(0, heapBefore - heapAfter);
        StringBuilder t = new StringBuilder(256);
        t.append(head(timeMillis)).append(GC).append("Auto GC triggered at ").append(Mb.of(usedBefore)).append(" (relief.gc)\n");
        t.append("   Freed ").append(Mb.of(freed)).append(" of heap → heap now ").append(Mb.of(heapAfter))
                .append(" | RSS ").append(Mb.of(rssBefore)).append(" → ").append(Mb.of(rssAfter))
                .append(" | took ").append(tookMillis).append(" ms\n");
        t.append(LogLayout.SEPARATOR).append("\n\n");
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "relief_gc").put("mb", Mb.number(usedBefore))
                .put("freed_mb", Mb.number(freed)).put("heap_after_mb", Mb.number(heapAfter))
                .put("rss_before_mb", Mb.number(rssBefore)).put("rss_after_mb", Mb.number(rssAfter)).put("ms", tookMillis);
        return new LogEvent(t.toString(), j.toString());
    }

    /** A native heap trim ({@code System.trim_native_heap}) and the RSS it gave back. */
    public LogEvent trim(long timeMillis, long usedBefore, long rssBefore, long rssAfter, long tookMillis, String jvmSays) {
        StringBuilder t = new StringBuilder(256);
        t.append(head(timeMillis)).append(TRIM).append(" at ").append(Mb.of(usedBefore)).append(" (relief.trim)\n");
        t.append("   RSS ").append(Mb.of(rssBefore)).append(" → ").append(Mb.of(rssAfter)).append(" (freed ")
                .append(Mb.of(Math.max(0, rssBefore - rssAfter))).append(") | took ").append(tookMillis).append(" ms");
        if (!jvmSays.isBlank()) {
            t.append(" | JVM says ").append(jvmSays.strip().lines().findFirst().orElse(""));
        }
        t.append('\n').append(LogLayout.SEPARATOR).append("\n\n");
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "relief_trim").put("mb", Mb.number(usedBefore))
                .put("rss_before_mb", Mb.number(rssBefore)).put("rss_after_mb", Mb.number(rssAfter)).put("ms", tookMillis);
        return new LogEvent(t.toString(), j.toString());
    }

    /**
     * What the agent gathered right after a CRITICAL block, which is written first so nothing slow stands
     * between detection and the kernel: the class histogram's top rows (or why it was skipped) and the
     * Native Memory Tracking summary. Either part may be absent ({@code null}).
     */
    public LogEvent criticalDetail(long timeMillis, long usedBytes, List<ClassHistogram.Row> histogram, long histogramMillis,
                                  String histogramNote, NativeMemorySummary.Summary nmt) {
        StringBuilder t = new StringBuilder(1024);
        t.append(head(timeMillis)).append(DETAIL).append(" at ").append(Mb.of(usedBytes)).append(" (for the CRITICAL block above)\n");
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "critical_detail").put("mb", Mb.number(usedBytes));
        if (histogram != null) {
            t.append("Top ").append(histogram.size()).append(" classes by heap bytes (class histogram of live objects, took ")
                    .append(histogramMillis).append(" ms):\n");
            StringBuilder rows = new StringBuilder("[");
            for (int i = 0; i < histogram.size(); i++) {
                ClassHistogram.Row r = histogram.get(i);
                t.append("  ").append(i + 1).append(". ").append(r.className()).append(" - ").append(Mb.of(r.bytes()))
                        .append(" (").append(String.format(Locale.ROOT, "%,d", r.instances())).append(" instances)\n");
                rows.append(i > 0 ? "," : "").append(new JsonLine().put("class", r.className()).put("instances", r.instances())
                        .put("mb", Mb.number(r.bytes())));
            }
            j.putRaw("histogram", rows.append(']').toString()).put("histogram_ms", histogramMillis);
        }
        if (histogramNote != null) {
            t.append("Class histogram: ").append(histogramNote).append('\n');
            j.put("histogram_note", histogramNote);
        }
        if (nmt != null) {
            t.append(nmtLine(nmt)).append('\n');
            JsonLine n = new JsonLine();
            for (NativeMemorySummary.Category c : nmt.categories()) {
                n.put(c.name(), Mb.number(c.committedBytes()));
            }
            j.put("nmt_total_mb", Mb.number(nmt.totalBytes())).put("nmt_mb", n);
        }
        t.append(LogLayout.SEPARATOR).append("\n\n");
        return new LogEvent(t.toString(), j.toString());
    }

    /** {@code Native Memory Tracking (committed, total 480.2 MB) - Java Heap 256.0 MB | Class 12.3 MB | ...}; parts under 1 MB left out. */
    static String nmtLine(NativeMemorySummary.Summary nmt) {
        StringBuilder b = new StringBuilder("Native Memory Tracking (committed, total ").append(Mb.of(nmt.totalBytes())).append(")");
        String sep = " - ";
        for (NativeMemorySummary.Category c : nmt.categories()) {
            if (c.committedBytes() >= 1024 * 1024) {
                b.append(sep).append(c.name()).append(' ').append(Mb.of(c.committedBytes()));
                sep = " | ";
            }
        }
        return b.toString();
    }

    private String head(long timeMillis) {
        return "[" + layout.stamp(timeMillis) + "] ";
    }

}
