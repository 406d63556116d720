package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.jvm.ClassHistogram;
import dev.memdebug.jvm.NativeMemorySummary;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmLayoutTest {

    private static final long MB = 1024 * 1024;
    private final JvmLayout layout = new JvmLayout(new LogLayout(ZoneOffset.UTC));
    private final long t = LocalDateTime.of(2025, 10, 27, 14, 46, 5).toInstant(ZoneOffset.UTC).toEpochMilli();

    @Test
    void aFullCollectionReadsLikeTheGuide() {
        LogEvent e = layout.collection(t, "Full GC", "G1 Old Generation", "System.gc()", 35, false, 432 * MB, 416 * MB, 440 * MB, 430 * MB);
        assertEquals("[2025-10-27 14:46:05] 🗑️ Full GC at 440.0 MB: G1 Old Generation (System.gc()), 35 ms\n"
                + "   Heap 432.0 MB, freed 16.0 MB → now 416.0 MB | RSS after 430.0 MB\n"
                + LogLayout.SEPARATOR + "\n\n", e.text());
        assertTrue(e.json().contains("\"type\":\"gc\"") && e.json().contains("\"freed_mb\":16.0"), e.json());
    }

    @Test
    void aConcurrentCycleIsNotCalledAPause() {
        LogEvent e = layout.collection(t, "Full GC", "ZGC Major Cycles", "Allocation Rate", 1800, true, 400 * MB, 200 * MB, 440 * MB, 430 * MB);
        assertTrue(e.text().startsWith("[2025-10-27 14:46:05] 🗑️ Full GC at 440.0 MB: ZGC Major Cycles (Allocation Rate), 1800 ms cycle,"
                + " concurrent with the app (not a pause)\n"), e.text());
        assertTrue(e.json().contains("\"ms\":1800,\"concurrent\":true"), e.json());
    }

    @Test
    void aSummaryIsOneLineLeadingWithTheMemoryFigure() {
        LogEvent e = layout.summary(t, 60_000, 42, 0, "G1 Young Generation", 1234 * MB, 210, 120 * MB, 300 * MB, 310 * MB);
        assertEquals("[2025-10-27 14:46:05] 🗑️ GC summary at 300.0 MB: 42 collections in 60s (G1 Young Generation) freed 1234.0 MB,"
                + " 210 ms in GC → heap now 120.0 MB | RSS 310.0 MB\n\n", e.text());
        assertTrue(layout.summary(t, 1_000, 5, 3, "G1 Young Generation, G1 Old Generation", MB, 30, 120 * MB, 300 * MB, 310 * MB).text()
                .contains(": 5 collections (3 full) in 1.0s (G1 Young Generation, G1 Old Generation) freed"));
    }

    @Test
    void thrashingIsAWarning() {
        LogEvent e = layout.thrashing(t, 10_000, 120, 4_100, 300 * MB, 121 * MB, 128 * MB, 450 * MB);
        assertTrue(e.text().startsWith("[2025-10-27 14:46:05] ⚠️ GC THRASHING at 450.0 MB: 4.1s of the last 10s spent in 120 collections"
                + " (freeing 300.0 MB in all), yet after each the heap still held at least 121.0 MB of its 128 MB max:"), e.text());
        assertTrue(!e.json().contains("\"heap_used_mb\""), "not mistaken for a snapshot breakdown by the analyzer: " + e.json());
    }

    @Test
    void reliefActionsSayWhatTheyFreed() {
        assertTrue(layout.autoGc(t, 432 * MB, 431 * MB, 416 * MB, 440 * MB, 425 * MB, 120).text().startsWith(
                "[2025-10-27 14:46:05] 🗑️ Auto GC triggered at 432.0 MB (relief.gc)\n   Freed 15.0 MB of heap → heap now 416.0 MB | RSS 440.0 MB → 425.0 MB | took 120 ms\n"));
        assertTrue(layout.trim(t, 440 * MB, 440 * MB, 410 * MB, 5, "Trim native heap: RSS+Swap: 440M->410M (-30720K)\n").text().startsWith(
                "[2025-10-27 14:46:05] 🧹 Native heap trim at 440.0 MB (relief.trim)\n   RSS 440.0 MB → 410.0 MB (freed 30.0 MB) | took 5 ms | JVM says Trim native heap: RSS+Swap: 440M->410M (-30720K)\n"));
    }

    @Test
    void criticalDetailListsClassesAndNativeMemory() {
        LogEvent e = layout.criticalDetail(t, 498 * MB,
                List.of(new ClassHistogram.Row("com.example.Session", 1_500_000, 210 * MB), new ClassHistogram.Row("byte[]", 14_000, 30 * MB)),
                412, null, new NativeMemorySummary.Summary(480 * MB, List.of(new NativeMemorySummary.Category("Java Heap", 256 * MB),
                        new NativeMemorySummary.Category("Thread", 20 * MB), new NativeMemorySummary.Category("Symbol", MB / 2))));
        String[] lines = e.text().split("\n");
        assertEquals("[2025-10-27 14:46:05] 🔬 CRITICAL DETAIL at 498.0 MB (for the CRITICAL block above)", lines[0]);
        assertEquals("Top 2 classes by heap bytes (class histogram of live objects, took 412 ms):", lines[1]);
        assertEquals("  1. com.example.Session - 210.0 MB (1,500,000 instances)", lines[2]);
        assertEquals("  2. byte[] - 30.0 MB (14,000 instances)", lines[3]);
        assertEquals("Native Memory Tracking (committed, total 480.0 MB) - Java Heap 256.0 MB | Thread 20.0 MB", lines[4]);
        assertEquals(LogLayout.SEPARATOR, lines[5]);
        assertTrue(e.json().contains("\"histogram\":[{\"class\":\"com.example.Session\",\"instances\":1500000,\"mb\":210.0}"), e.json());
    }

    @Test
    void aSkippedHistogramSaysWhy() {
        LogEvent e = layout.criticalDetail(t, 498 * MB, null, 0, "skipped: the heap in use (3000.0 MB) is above critical.histogram.max-heap (2GB)", null);
        assertTrue(e.text().contains("\nClass histogram: skipped: the heap in use"), e.text());
    }
}
