package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.log.LogLayout;
import dev.memdebug.log.LogWriter;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.sample.CgroupMemory;
import dev.memdebug.sample.HostMemory;
import dev.memdebug.sample.MemoryLimit;
import dev.memdebug.sample.ProcessMemory;
import dev.memdebug.sample.SnapshotReader;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's decisions, driven tick by tick with chosen times over a fixture {@code /proc/<pid>}
 * whose RSS the test sets: a 160 MB limit, HIGH 128 MB, CRITICAL 150 MB, re-arm 8 MB.
 */
class MemoryMonitorTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final AtomicLong young = new AtomicLong();
    private final PromotionForecast promotion = new PromotionForecast(young::get);
    private final RecentOperations recent = new RecentOperations(64);
    private Path proc;
    private Path log;
    private MemoryMonitor monitor;

    @BeforeEach
    void setUp() throws IOException {
        proc = Files.createDirectories(dir.resolve("proc"));
        rss(60);
        log = dir.resolve("memory_debug.log");
        monitor = monitor(500);
    }

    @Test
    void aLeakJustAboveHighWhoseNextYoungCollectionWouldStepPastCriticalGetsItsBlockNow() throws IOException {
        leakPromotedEverything();
        young.set(30 * MB);
        rss(131);
        monitor.tick(1000);
        assertTrue(text().contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: 131.0 MB / 160 MB - next young GC may add 30.0 MB\n"), text());
    }

    @Test
    void withoutALearnedStepTheSameFigureIsOnlyHigh() throws IOException {
        young.set(30 * MB);
        rss(131);
        monitor.tick(1000);
        assertTrue(text().contains("⚠️ HIGH MEMORY: 131.0 MB / 160 MB"), text());
        assertFalse(text().contains("CRITICAL"), text());
    }

    @Test
    void belowHighOnlyAStepThatWouldReachTheLimitIsCritical() throws IOException {
        leakPromotedEverything();
        rss(100);
        young.set(40 * MB);
        monitor.tick(1000);
        assertFalse(text().contains("CRITICAL"), "100 + 40 MB stays below the 160 MB limit: " + text());
        young.set(61 * MB);
        monitor.tick(1050);
        assertTrue(text().contains("CRASH IMMINENT: 100.0 MB / 160 MB - "), text());
        assertTrue(text().contains(" - next young GC may add 61.0 MB\n"), text());
    }

    @Test
    void checksComeSoonerWhileTheYoungGenerationOfALeakFillsThoughTheFigureStandsStill() throws IOException {
        leakPromotedEverything();
        rss(100);
        young.set(10 * MB);
        assertEquals(1000, monitor.tick(0));
        young.set(20 * MB);
        monitor.tick(200);
        young.set(30 * MB);
        long pause = monitor.tick(400);
        assertTrue(pause < 200, "the outlook (100 MB + the step) climbs 50 MB/s toward CRITICAL at 150 MB: " + pause);
        assertFalse(text().contains("CRITICAL"), text());
    }

    @Test
    void whileCriticalEveryCheckWithNewOperationsNamesThem() throws IOException {
        rss(152);
        monitor.tick(1000);
        assertTrue(monitor.wantsEveryOperation());
        recent.add(new Operation(1010, "Chunk", 152 * MB, "op 1"));
        recent.add(new Operation(1020, "Chunk", 152 * MB, "op 2"));
        rss(153);
        monitor.tick(1050);
        monitor.tick(1100);
        String text = text();
        assertTrue(text.contains("] 🚨 STILL CRITICAL: 153.0 MB / 160 MB - 2 operation(s) since the last record\n"
                + "   Operation: [00:00:01] Chunk - 152.0 MB - op 1\n   Operation: [00:00:01] Chunk - 152.0 MB - op 2\n"), text);
        assertEquals(1, count(text, "STILL CRITICAL"), "a check without new operations writes nothing");

        rss(120);
        monitor.tick(1150);
        assertFalse(monitor.wantsEveryOperation(), "the episode ended below the re-arm margin");
        recent.add(new Operation(1160, "Chunk", 120 * MB, "op 3"));
        monitor.tick(1200);
        assertFalse(text().contains("op 3"), text());
    }

    @Test
    void theTrailOfOneEpisodeIsBounded() throws IOException {
        rss(152);
        monitor.tick(0);
        for (int i = 1; i <= MemoryMonitor.TRAIL_BUDGET + 10; i++) {
            recent.add(new Operation(i * MemoryMonitor.TRAIL_MIN_GAP_MILLIS, "Chunk", 152 * MB, "op " + i));
            monitor.tick(i * MemoryMonitor.TRAIL_MIN_GAP_MILLIS);
        }
        String text = text();
        assertEquals(MemoryMonitor.TRAIL_BUDGET, count(text, "STILL CRITICAL"));
        assertEquals(1, count(text, "further operations while CRITICAL are listed in the next CRITICAL block"));
    }

    @Test
    void aFloodOfOperationsWhileCriticalGetsTenRecordsASecondThatCountThemAll() throws IOException {
        rss(152);
        monitor.tick(0);
        for (int i = 1; i <= 50; i++) {
            recent.add(new Operation(i * 20L, "Chunk", 152 * MB, "op " + i));
            monitor.tick(i * 20L);
        }
        String text = text();
        // A burst of 5 tokens, then one every 100 ms: about 5 + 9 records in the second, not 50.
        int records = count(text, "STILL CRITICAL");
        assertTrue(records >= 12 && records <= 15, records + " records:\n" + text);
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile(" - (\\d+) operation\\(s\\) since the last record").matcher(text);
        int sum = 0;
        while (counted.find()) {
            sum += Integer.parseInt(counted.group(1));
        }
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("op (\\d+)").matcher(text);
        int last = 0;
        while (named.find()) {
            last = Math.max(last, Integer.parseInt(named.group(1)));
        }
        assertEquals(last, sum, "every operation up to the last one named is counted once: " + text);
        assertTrue(last >= 45, "the records keep up: the last named is op " + last);
    }

    @Test
    void aBurstThatWouldReachCriticalWithinAFifthOfASecondIsCriticalBelowHigh() throws IOException {
        twoChecks(monitor(50), 60, 0, 120, 100);
        assertTrue(text().contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: 120.0 MB / 160 MB"),
                "60 MB in 100 ms, 30 MB short of CRITICAL at 150 MB, below HIGH at 128 MB: " + text());
        assertFalse(text().contains("MEMORY SPIKE"), "the CRITICAL block tells of the climb: " + text());
    }

    @Test
    void theSameRiseOverASecondOrASmallQuickRiseIsNoBurst() throws IOException {
        twoChecks(monitor(50), 60, 0, 120, 1000);
        assertFalse(text().contains("CRITICAL"), "60 MB in a second reaches 132 MB in the next 200 ms: " + text());
        twoChecks(monitor(50), 80, 5000, 120, 5010);
        assertFalse(text().contains("CRITICAL"), "40 MB is less than a spike: " + text());
    }

    @Test
    void aFastSpikeFarBelowTheLimitIsNoBurst() throws IOException {
        twoChecks(monitor(50, 2048, 1638, 1925), 50, 0, 127, 5);
        assertTrue(text().contains("MEMORY SPIKE"), text());
        assertFalse(text().contains("CRITICAL"), "77 MB in 5 ms, but 1.8 GB below CRITICAL: " + text());
    }

    private void twoChecks(MemoryMonitor m, long fromMb, long atMillis, long toMb, long thenMillis) throws IOException {
        rss(fromMb);
        m.tick(atMillis);
        rss(toMb);
        m.tick(thenMillis);
    }

    /** A monitor over the fixture; spikes of {@code spikeMb} (500 MB keeps them out of the other tests). */
    private MemoryMonitor monitor(long spikeMb) throws IOException {
        return monitor(spikeMb, 160, 128, 150);
    }

    /** The same with other thresholds (re-arm 8 MB). */
    private MemoryMonitor monitor(long spikeMb, long limitMb, long highMb, long criticalMb) throws IOException {
        SnapshotReader reader = new SnapshotReader(CgroupMemory.detect(dir.resolve("no-cgroup"), proc), new ProcessMemory(proc),
                new HostMemory(dir.resolve("meminfo")), new MemoryLimit(limitMb * MB, "test", false), List::of);
        return new MemoryMonitor(reader, new LogWriter(log, null, 10 * MB, 1, null), new LogLayout(ZoneOffset.UTC), recent,
                AppActivity.NONE, new AlarmState(highMb * MB, criticalMb * MB, 8 * MB, 60_000),
                new SpikeDetector(spikeMb * MB, 10_000),
                promotion, 1000, 50, 0, 5, 0, null);
    }

    private void leakPromotedEverything() {
        promotion.collected(true, Map.of("Eden Space", usage(30), "Tenured Gen", usage(60)),
                Map.of("Eden Space", usage(0), "Tenured Gen", usage(90)));
    }

    private static MemoryUsage usage(long mb) {
        return new MemoryUsage(0, mb * MB, Math.max(mb * MB, 1), -1);
    }

    private void rss(long mb) throws IOException {
        Files.writeString(proc.resolve("statm"), "500000 " + (mb * MB / 4096) + " 0 0 0 0 0\n");
    }

    private String text() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int count(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            n++;
        }
        return n;
    }
}
