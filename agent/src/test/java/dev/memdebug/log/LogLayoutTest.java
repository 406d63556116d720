package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.ops.Operation;
import dev.memdebug.sample.MemorySnapshot;
import dev.memdebug.sample.MetricValue;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLayoutTest {

    private static final long MB = 1024 * 1024;
    private final LogLayout layout = new LogLayout(ZoneOffset.UTC);
    private final long t = LocalDateTime.of(2025, 10, 27, 14, 47, 33).toInstant(ZoneOffset.UTC).toEpochMilli();

    static MemorySnapshot snapshot(long time, long usedMb, List<MetricValue> metrics) {
        return new MemorySnapshot(time, usedMb * MB, 512 * MB, usedMb * MB, 1024 * MB, usedMb * MB, (512 - usedMb) * MB,
                200 * MB, 256 * MB, 1024 * MB, 30 * MB, 10 * MB, 50 * MB, 100 * MB, 0, 14, 14 * MB, 24, metrics);
    }

    private static List<MetricValue> guideMetrics() {
        return List.of(new MetricValue("sessions", "Sessions", 4, "", 3), new MetricValue("queue", "Queue", 3, "", -1),
                new MetricValue("active-downloads", "Active DLs", 3, "", 3), new MetricValue("cache", "Cache", 22, "items", -1));
    }

    @Test
    void criticalBlockHasTheGuidesShape() {
        List<Operation> recent = List.of(
                new Operation(t - 135_000, "Download Started", 412 * MB, "User 99999 | Active: 2"),
                new Operation(t - 51_000, "Session Created", 456 * MB, "User 77777 - Total sessions: 4"),
                new Operation(t, "Download Started", 498 * MB, "User 55555 | Active: 3"));
        LogEvent e = layout.critical(snapshot(t, 498, guideMetrics()), recent.get(2), recent);
        String[] lines = e.text().split("\n");
        assertEquals("[2025-10-27 14:47:33] " + "🚨".repeat(40), lines[0]);
        assertEquals("[2025-10-27 14:47:33] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 498.0 MB / 512 MB", lines[1]);
        assertEquals("🚨 CRITICAL: CRASH IMMINENT! 498.0 MB / 512 MB", lines[2]);
        assertEquals("Sessions: 4 | Queue: 3 | Active DLs: 3 | Cache: 22 items", lines[3]);
        assertEquals("📊 MEMORY SNAPSHOT | Operation: Download Started", lines[4]);
        assertTrue(lines[5].startsWith("├─ RAM Usage: 498.0 MB (Virtual: 1024.0 MB)"), lines[5]);
        assertTrue(e.text().contains("└─ Context: User 55555 | Active: 3\n"), e.text());
        assertTrue(e.text().contains("Last 3 operations before crash:\n  1. [14:45:18] Download Started - 412.0 MB - User 99999 | Active: 2\n"), e.text());
        assertTrue(e.text().contains("  2. [14:46:42] Session Created - 456.0 MB - User 77777 - Total sessions: 4\n"), e.text());
        assertTrue(e.text().endsWith("🚨".repeat(40) + "\n\n"));
        assertTrue(e.json().startsWith("{\"ts\":" + t + ",\"type\":\"critical\",\"mb\":498.0,\"limit_mb\":512.0"), e.json());
        assertTrue(e.json().contains("\"Sessions\":4"), e.json());
    }

    @Test
    void theRestartMarkerListsThePreviousRunsLastJournaledOperations() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("layout", ".ops");
        try {
            dev.memdebug.ops.OperationJournal journal = dev.memdebug.ops.OperationJournal.create(file, 321, t, 16, ZoneOffset.UTC);
            for (int i = 1; i <= 7; i++) {
                journal.record(t + i * 1000, ("Chunk").getBytes(java.nio.charset.StandardCharsets.UTF_8), (400 + i) * MB, "op " + i);
            }
            dev.memdebug.ops.PreviousJournal ops = dev.memdebug.ops.PreviousJournal.read(file);
            PreviousRun previous = new PreviousRun(321, "2025-10-27 14:40:00", "[2025-10-27 14:47:33] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 498.0 MB / 512 MB",
                    498, 512, null, true, false, 0, false);
            LogEvent e = layout.restarted(t + 60_000, previous, "The cgroup counted an OOM kill.", ops, 3);
            assertTrue(e.text().contains("The cgroup counted an OOM kill.\n" + LogLayout.JOURNAL_TITLE + "\n"
                    + "  1. [14:47:38] Chunk - 405.0 MB - op 5\n"
                    + "  2. [14:47:39] Chunk - 406.0 MB - op 6\n"
                    + "  3. [14:47:40] Chunk - 407.0 MB - op 7\n" + LogLayout.RULE + "\n"), e.text());
            assertTrue(e.json().contains("\"previous_operations\":[\"2025-10-27 14:47:38.000 Chunk - 405.0 MB - op 5\","), e.json());
            assertTrue(!layout.restarted(t, previous, "v", null, 3).text().contains(LogLayout.JOURNAL_TITLE));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aCriticalBlockCausedByTheNextCollectionsStepSaysSo() {
        LogEvent e = layout.critical(snapshot(t, 420, List.of()), null, List.of(), 0, 70 * MB);
        assertTrue(e.text().contains("] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 420.0 MB / 512 MB - next young GC may add 70.0 MB\n"), e.text());
        assertTrue(e.json().contains("\"gc_step_mb\":70.0"), e.json());
        assertTrue(!layout.critical(snapshot(t, 420, List.of()), null, List.of(), 0, 0).text().contains("next young GC"));
    }

    @Test
    void stillCriticalNamesTheNewestOperationsOnOneLineEach() {
        List<Operation> newest = List.of(new Operation(t - 1000, "Chunk", 490 * MB, "op 41"), new Operation(t, "Chunk", 495 * MB, "op 42"));
        LogEvent e = layout.criticalTrail(t, 495 * MB, 512 * MB, 7, newest);
        assertEquals("[2025-10-27 14:47:33] 🚨 STILL CRITICAL: 495.0 MB / 512 MB - 7 operation(s) since the last record\n"
                + "   Operation: [14:47:32] Chunk - 490.0 MB - op 41\n"
                + "   Operation: [14:47:33] Chunk - 495.0 MB - op 42\n", e.text());
        assertTrue(e.json().startsWith("{\"ts\":" + t + ",\"type\":\"critical_trail\",\"mb\":495.0,\"limit_mb\":512.0,\"operations\":7,"), e.json());
        assertTrue(e.json().contains("\"context\":\"op 42\""), e.json());
    }

    @Test
    void periodicSnapshotIsCompact() {
        LogEvent e = layout.periodic(snapshot(t, 145, guideMetrics()));
        String[] lines = e.text().split("\n");
        assertEquals("[2025-10-27 14:47:33] 📊 Periodic Snapshot: 145.0 MB / 512 MB", lines[0]);
        assertEquals("   Sessions: 4 | Queue: 3 | Active DLs: 3 | Cache: 22 items", lines[1]);
        assertTrue(lines[2].startsWith("   JVM: heap 200.0/256.0 MB (max 1024 MB) | metaspace 30.0 MB"), lines[2]);
        assertTrue(lines[2].contains("other native"), lines[2]);
    }

    @Test
    void spikeAndHighBlocksEndWithASeparator() {
        Operation op = new Operation(t, "Session Created", 265 * MB, "User 12345 - Total sessions: 2");
        LogEvent spike = layout.spike(snapshot(t, 265, guideMetrics()), 87 * MB, 4200, op, List.of(op));
        assertTrue(spike.text().startsWith("[2025-10-27 14:47:33] ⚠️ MEMORY SPIKE: +87.0 MB in 4.2s\n📊 MEMORY SNAPSHOT | Operation: Session Created\n"), spike.text());
        assertTrue(spike.text().contains("Recent operations:\n  1. [14:47:33] Session Created - 265.0 MB - User 12345 - Total sessions: 2\n"));
        assertTrue(spike.text().endsWith(LogLayout.SEPARATOR + "\n\n"));
        LogEvent high = layout.high(snapshot(t, 412, List.of()), null, List.of());
        assertTrue(high.text().startsWith("[2025-10-27 14:47:33] ⚠️ HIGH MEMORY: 412.0 MB / 512 MB\n📊 MEMORY SNAPSHOT | Operation: none yet\n"), high.text());
        assertTrue(high.text().contains("├─ Threads: 14 | Open files: 24\n"), high.text());
    }

    @Test
    void limitExceededNamesTheCause() {
        Operation op = new Operation(t, "Session Created", 456 * MB, "User 77777 - Total sessions: 4");
        LogEvent e = layout.limitExceeded(t, 456 * MB, "Sessions", 4, 3, op);
        assertTrue(e.text().startsWith("[2025-10-27 14:47:33] ⚠️ LIMIT EXCEEDED: Sessions 4 > 3\n   Operation: [14:47:33] Session Created - 456.0 MB - User 77777 - Total sessions: 4\n"), e.text());
    }

    @Test
    void jsonEscapesText() {
        LogEvent e = layout.notice(t, "⚠️", "warn", "quote \" and\nnewline");
        assertTrue(e.json().contains("\"message\":\"quote \\\" and\\nnewline\""), e.json());
    }

    @Test
    void uptimeReadsWell() {
        assertEquals("59s", LogLayout.uptime(59_000));
        assertEquals("1h 02m 13s", LogLayout.uptime(3_733_000));
    }

    @Test
    void blocksAndPeriodicLinesShowGrowthSinceTheFirstSnapshot() {
        MemorySnapshot base = snapshot(t - 60_000, 200, List.of());
        MemorySnapshot now = new MemorySnapshot(t, 450 * MB, 512 * MB, 450 * MB, 1024 * MB, 450 * MB, 62 * MB,
                210 * MB, 256 * MB, 1024 * MB, 30 * MB, 10 * MB, 50 * MB, 300 * MB, 0, 16, 16 * MB, 24, List.of(), 256 * MB, base);
        LogEvent critical = layout.critical(now, null, List.of());
        assertTrue(critical.text().contains("└─ Grown since 14:46:33: direct +200.0 MB (largest) | thread stacks +2.0 MB\n"), critical.text());
        assertTrue(critical.text().contains("├─ JVM: heap 210.0/256.0 MB (max 1024 MB) | metaspace"), "touched equals committed, so it is not repeated: " + critical.text());
        assertTrue(critical.json().contains("\"growth\":{\"direct_mb\":200.0"), critical.json());
        LogEvent periodic = layout.periodic(now);
        assertTrue(periodic.text().contains("\n   Grown since 14:46:33: direct +200.0 MB (largest)"), periodic.text());
        LogEvent first = layout.periodic(base);
        assertTrue(!first.text().contains("Grown since"), "the baseline itself has nothing to compare with");
    }

    @Test
    void anUnchangedRunSaysSo() {
        MemorySnapshot base = snapshot(t - 60_000, 200, List.of());
        assertEquals("Grown since 14:46:33: no part changed by 1 MB or more", layout.growthLine(snapshot(t, 200, List.of()).withBaseline(base)));
    }
}
