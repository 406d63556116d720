package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartDetectorTest {

    @Test
    void theFigureOfAnEventLineIsWhatTheFormerExpressionFound() {
        java.util.regex.Pattern former = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?) MB");
        java.util.Random random = new java.util.Random(23);
        String alphabet = "0123.4 MBx/[]:";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(16); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = b.toString();
            java.util.regex.Matcher m = former.matcher(line);
            assertEquals(m.find() ? m.group(1) : null, RestartDetector.firstFigure(line), "'" + line + "'");
        }
        assertEquals("49.2", RestartDetector.firstFigure("[2026-11-26 08:14:57] 📊 Periodic Snapshot: 49.2 MB / 24105.6 MB"));
    }

    private static final String RUN = String.join("\n",
            LogLayout.RULE,
            "MEMORY DEBUG LOG - bot (memdebug 0.1.0)",
            "Started: 2025-10-27 14:30:15 | PID 4242 | Host h",
            LogLayout.RULE,
            "Memory limit: 512 MB (detected)",
            "OOM kills counted by the cgroup so far: 0",
            "",
            "[2025-10-27 14:35:22] 📊 Periodic Snapshot: 145.3 MB / 512 MB",
            "   Sessions: 1",
            "[2025-10-27 14:47:33] " + LogLayout.SIRENS,
            "[2025-10-27 14:47:33] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 498.7 MB / 512 MB",
            "🚨 CRITICAL: CRASH IMMINENT! 498.7 MB / 512 MB",
            LogLayout.SIRENS,
            "");

    @Test
    void uncleanRunIsFoundWithItsLastFigures(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("memory_debug.log");
        Files.writeString(log, "older run stuff\n" + RUN);
        PreviousRun p = RestartDetector.read(log);
        assertFalse(p.clean());
        assertEquals(4242, p.pid());
        assertEquals("2025-10-27 14:30:15", p.started());
        assertEquals(498.7, p.lastMb());
        assertEquals(512, p.limitMb());
        assertTrue(p.critical());
        assertEquals(0, p.oomKills());
        assertFalse(p.tornLine());
        assertTrue(p.lastLine().contains("CRITICAL MEMORY"));
    }

    @Test
    void cleanShutdownIsRecognised() {
        PreviousRun p = RestartDetector.parse(RUN + "[2025-10-27 15:00:00] " + LogLayout.CLEAN_SHUTDOWN + " after 30m - now 100.0 MB\n", false);
        assertTrue(p.clean());
    }

    @Test
    void tornLastLineIsReported(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("memory_debug.log");
        Files.writeString(log, RUN + "[2025-10-27 14:47:34] ⚠️ HIGH MEM");
        assertTrue(RestartDetector.read(log).tornLine());
    }

    @Test
    void missingOrEmptyLogHasNoPreviousRun(@TempDir Path dir) throws Exception {
        assertNull(RestartDetector.read(dir.resolve("none.log")));
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertNull(RestartDetector.read(empty));
    }

    @Test
    void verdicts() {
        PreviousRun p = RestartDetector.parse(RUN, false);
        assertTrue(RestartDetector.verdict(p, 1, 94).contains("OOM kill since that run started (oom_kill 0 -> 1)"));
        assertTrue(RestartDetector.verdict(p, 0, 94).contains("near the limit"));
        PreviousRun far = RestartDetector.parse(RUN.substring(0, RUN.indexOf("[2025-10-27 14:47:33]")), false);
        assertTrue(RestartDetector.verdict(far, 0, 94).contains("far from the limit"), RestartDetector.verdict(far, 0, 94));
    }
}
