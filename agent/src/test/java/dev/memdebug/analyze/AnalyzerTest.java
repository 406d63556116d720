package dev.memdebug.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer on real logs: the user's guide's example, and logs the sample bot wrote with the agent
 * under a real 512 MB cgroup for each failure pattern (kept in {@code src/test/resources/logs}).
 */
class AnalyzerTest {

    @TempDir
    Path dir;

    static String resource(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/logs", name), StandardCharsets.UTF_8);
    }

    static Analysis analyze(String name, String text) {
        return Analyzer.analyze(List.of(name), AnalyzeCommand.parse(List.of(new LogParser.Input(name, text))));
    }

    @Test
    void theGuidesExampleIsTooManySessions() throws Exception {
        Analysis a = analyze("guide-example.log", resource("guide-example.log"));
        assertEquals(1, a.runs().size());
        assertEquals(RunRecord.Ending.UNCLEAN_NEAR_LIMIT, a.runs().get(0).ending());
        assertEquals(498.7, a.runs().get(0).peakMb());
        Finding top = a.findings().get(0);
        assertEquals("Sessions: 4 with a limit of 3", top.title());
        assertTrue(top.evidence().stream().anyMatch(e -> e.contains("Session Created - 456.2 MB - User 77777 - Total sessions: 4")), top.evidence().toString());
        assertTrue(top.advice().contains("RENDER=true"));
        assertTrue(a.crashFound());
    }

    @Test
    void seedCrashIsTheSessionOrDownloadLimitConfirmedByTheCgroup() throws Exception {
        Analysis a = analyze("seed-crash.log", resource("seed-crash.log"));
        assertEquals(RunRecord.Ending.OOM_KILL_CONFIRMED, a.runs().get(0).ending());
        Finding top = a.findings().get(0);
        assertEquals("limit", top.kind(), top.toString());
        assertTrue(top.title().startsWith("Sessions: ") || top.title().startsWith("Active DLs: "), top.title());
        assertTrue(a.findings().stream().anyMatch(f -> f.title().startsWith("Sessions: ") && f.title().endsWith("with a limit of 3")));
    }

    @Test
    void theJournaledOperationsOfTheRestartMarkerBelongToTheRunThatEnded() throws Exception {
        String verdict = "The cgroup counted an OOM kill since that run started (oom_kill 0 -> 1): the kernel's OOM killer ended it.\n";
        String log = resource("seed-crash.log").replace(verdict, verdict + dev.memdebug.log.LogLayout.JOURNAL_TITLE + "\n"
                + "  1. [16:03:02] Download Started - 399.8 MB - User 77777 | album-3.zip 45 MB | Active: 5\n"
                + "  2. [16:03:03] Session Created - 431.0 MB - User 55555 - Total sessions: 5\n");
        Analysis a = analyze("seed-crash.log", log);
        assertEquals(List.of("[16:03:02] Download Started - 399.8 MB - User 77777 | album-3.zip 45 MB | Active: 5",
                "[16:03:03] Session Created - 431.0 MB - User 55555 - Total sessions: 5"), a.runs().get(0).journalOperations());
        assertEquals(List.of(), a.runs().get(1).journalOperations());
        assertEquals(List.of(), a.issues());
        assertTrue(TextReport.render(a).contains("  Last operations (from its operation journal, listed at the restart):\n"
                + "    [16:03:02] Download Started"), TextReport.render(a));
        assertTrue(JsonReport.render(a).contains("\"last_operations\":[\"[16:03:02] Download Started"), JsonReport.render(a));
    }

    @Test
    void leakingDownloadsAreMemoryNotFreedOrAGradualLeak() throws Exception {
        Analysis a = analyze("leak.log", resource("leak.log"));
        Finding top = a.findings().get(0);
        assertTrue(top.kind().equals("not-freed") || top.kind().equals("leak"), top.toString());
        assertTrue(top.title().startsWith("Gradual leak: +") || top.title().contains("Download"), top.title());
    }

    @Test
    void aHugeDownloadIsASpikeDuringDownloads() throws Exception {
        Analysis a = analyze("spike.log", resource("spike.log"));
        Finding top = a.findings().get(0);
        assertEquals("spike", top.kind(), a.findings().toString());
        assertTrue(top.title().contains("Download"), top.title());
    }

    @Test
    void anUnboundedCacheIsAGrowingGauge() throws Exception {
        Analysis a = analyze("unbounded-cache.log", resource("unbounded-cache.log"));
        Finding top = a.findings().get(0);
        assertEquals("growing", top.kind(), a.findings().toString());
        assertTrue(top.title().startsWith("Cache keeps growing"), top.title());
        assertFalse(a.crashFound());
    }

    @Test
    void theJsonLinesTellTheSameStory() throws Exception {
        Analysis text = analyze("seed-crash.log", resource("seed-crash.log"));
        Analysis json = analyze("seed-crash.jsonl", resource("seed-crash.jsonl"));
        assertEquals(text.runs().size(), json.runs().size());
        assertEquals(text.runs().get(0).ending(), json.runs().get(0).ending());
        assertEquals(text.findings().get(0).title(), json.findings().get(0).title());
    }

    @Test
    void aLogFileThatQuotesTheStreamPrefixIsStillAFile() throws Exception {
        String log = resource("seed-crash.log");
        int cut = log.indexOf("\n\n") + 1;
        String quoting = log.substring(0, cut) + "Note: warnings also go to stderr, each line prefixed with [memdebug] as in [memdebug] here.\n"
                + log.substring(cut);
        Analysis a = analyze("memory_debug.log", quoting);
        Analysis plain = analyze("memory_debug.log", log);
        assertEquals(false, a.stream());
        assertEquals(plain.runs().get(0).events().size(), a.runs().get(0).events().size());
        assertEquals(plain.findings().get(0).title(), a.findings().get(0).title());
    }

    @Test
    void aCapturedLogStreamTellsTheSameStory() throws Exception {
        String log = resource("seed-crash.log");
        StringBuilder stream = new StringBuilder();
        int n = 0;
        for (String line : log.split("\n")) {
            if (n++ % 7 == 0) {
                stream.append("2026-11-24T15:55:30.").append(100 + n % 800).append("Z [bot] session opened for ").append(n).append('\n');
            }
            stream.append("2026-11-24T15:55:31.").append(100 + n % 800).append("Z ").append("[memdebug] ").append(line).append('\n');
        }
        Analysis a = analyze("render-logs.txt", stream.toString());
        Analysis file = analyze("seed-crash.log", log);
        assertTrue(a.stream());
        assertTrue(a.foreignLines() > 10);
        assertEquals(file.findings().get(0).title(), a.findings().get(0).title());
        assertEquals(file.runs().get(0).ending(), a.runs().get(0).ending());
    }

    @Test
    void aTruncatedLogIsReadUpToTheCutAndSaysSo() throws Exception {
        String log = resource("seed-crash.log");
        int cut = log.indexOf("Last 5 operations before crash:") + 12;
        Analysis a = analyze("cut.log", log.substring(0, cut));
        assertTrue(a.issues().stream().anyMatch(i -> i.message().startsWith("is cut off")), a.issues().toString());
        assertFalse(a.runs().isEmpty());
    }

    @Test
    void corruptedLinesAreNamedNotThrown() {
        String log = String.join("\n",
                "================================================================================",
                "MEMORY DEBUG LOG - x (memdebug 0.1.0)",
                "Started: 2026-11-24 15:55:28 | PID 1 | Host h",
                "================================================================================",
                "[2026-13-45 99:99:99] 📊 Periodic Snapshot: 10.0 MB / 512 MB",
                "[2026-1x-24 15:55:30] HIGH MEMORY: ? MB",
                "garbage \u0000 here",
                "Started: 2026-11-24 15:55:28 | PID 99999999999999999999999",
                "[2026-11-24 15:55:31] 📊 Periodic Snapshot: 12.0 MB / 512 MB",
                "");
        Analysis a = analyze("bad.log", log);
        assertTrue(a.issues().stream().anyMatch(i -> i.line() == 5 && i.message().contains("impossible time stamp")), a.issues().toString());
        assertTrue(a.issues().stream().anyMatch(i -> i.line() == 6 && i.message().contains("time stamp")), a.issues().toString());
        assertEquals(1, a.runs().get(0).events().size());
    }

    @Test
    void jvmLinesAreReadAndTheGrowthLineNamesTheCulprit() throws Exception {
        Analysis a = analyze("jvm-heap.log", resource("jvm-heap.log"));
        assertEquals(List.of(), a.issues(), "every line of a log with GC, relief and detail lines is understood");
        List<LogEventRecord> gc = a.runs().get(0).events().stream().filter(e -> e.kind == LogEventRecord.Kind.GC).toList();
        assertTrue(gc.size() >= 3, gc.toString());
        for (LogEventRecord e : gc) {
            assertTrue(e.mb > 40 && e.mb < 600, "the figure is the 'at N MB' of the head: " + e.head);
        }
        Finding heap = a.findings().stream().filter(f -> f.kind().equals("heap-or-native")).findFirst().orElseThrow();
        assertTrue(heap.title().startsWith("Growth was mostly in heap: +"), heap.title());
        assertTrue(heap.evidence().get(0).contains("CRITICAL MEMORY"), "the CRITICAL block's breakdown is cited: " + heap.evidence());

        Finding threads = analyze("jvm-threads.log", resource("jvm-threads.log")).findings().stream()
                .filter(f -> f.kind().equals("heap-or-native")).findFirst().orElseThrow();
        assertTrue(threads.title().startsWith("Growth was mostly in thread stacks: +") && threads.title().endsWith(" MB"), threads.title());

        Analysis json = Analyzer.analyze(List.of("jvm-heap.jsonl"), AnalyzeCommand.parse(List.of(new LogParser.Input("jvm-heap.jsonl", resource("jvm-heap.jsonl")))));
        Finding fromJson = json.findings().stream().filter(f -> f.kind().equals("heap-or-native")).findFirst().orElseThrow();
        assertEquals(heap.title(), fromJson.title());
    }

    @Test
    void mutatedJvmLogsNeverThrow() throws Exception {
        mutate(resource("jvm-heap.log"), 7);
    }

    @Test
    void mutatedLogsNeverThrowAndEachIssueNamesItsLine() throws Exception {
        mutate(resource("seed-crash.log"), 42);
    }

    private static void mutate(String log, long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder(log);
            for (int m = 0; m < 20 && b.length() > 1; m++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(4)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, (char) random.nextInt(0x3000));
                    case 2 -> b.insert(at, "\n[2026-11-24 1");
                    default -> b.setLength(Math.max(1, at));
                }
            }
            String mutated = b.toString();
            Analysis a = analyze("mutated.log", mutated);
            int lines = mutated.split("\r?\n", -1).length;
            for (LogParser.Issue issue : a.issues()) {
                assertEquals("mutated.log", issue.file(), issue.toString());
                assertTrue(issue.line() >= 1 && issue.line() <= lines, "round " + round + ": " + issue + " names no line of the "
                        + lines + "-line input");
                assertTrue(issue.toString().startsWith("mutated.log:" + issue.line() + ": "), issue.toString());
            }
            TextReport.render(a);
            JsonReport.render(a);
            HtmlReport.render(a);
        }
    }

    @Test
    void theCommandLineGivesExitCodesAndClearErrors() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        Files.writeString(log, resource("seed-crash.log"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path html = dir.resolve("report.html");
        int code = AnalyzeCommand.run(List.of(log.toString(), "--html", html.toString()), print(out), print(err));
        assertEquals(AnalyzeCommand.CRASH_FOUND, code, err.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Findings, most likely cause first:"));
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("<polyline") && !page.contains("<script") && !page.contains("http://fonts"));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertEquals(AnalyzeCommand.CRASH_FOUND, AnalyzeCommand.run(List.of(log.toString(), "--json"), print(json), print(err)));
        assertTrue(json.toString(StandardCharsets.UTF_8).startsWith("{\"crash_found\":true,\"runs\":[{\"run\":1"));

        ByteArrayOutputStream e2 = new ByteArrayOutputStream();
        assertEquals(AnalyzeCommand.USAGE, AnalyzeCommand.run(List.of(dir.resolve("nope.log").toString()), print(out), print(e2)));
        assertTrue(e2.toString(StandardCharsets.UTF_8).contains("cannot read " + dir.resolve("nope.log")), e2.toString());
        Path binary = Files.write(dir.resolve("core"), new byte[] {1, 0, 2});
        ByteArrayOutputStream e3 = new ByteArrayOutputStream();
        assertEquals(AnalyzeCommand.USAGE, AnalyzeCommand.run(List.of(binary.toString()), print(out), print(e3)));
        assertTrue(e3.toString(StandardCharsets.UTF_8).contains("is not a text log"), e3.toString());
        Path clean = Files.writeString(dir.resolve("clean.log"), resource("unbounded-cache.log"));
        assertEquals(AnalyzeCommand.NO_CRASH, AnalyzeCommand.run(List.of(clean.toString()), print(out), print(err)));
    }

    @Test
    void rotatedFilesAreReadOldestFirst() throws Exception {
        String log = resource("seed-crash.log");
        int half = log.indexOf("\n[", log.length() / 2) + 1;
        Path current = dir.resolve("memory_debug.log");
        Files.writeString(dir.resolve("memory_debug.log.1"), log.substring(0, half));
        Files.writeString(current, log.substring(half));
        List<Path> files = AnalyzeCommand.withRotated(current, List.of(current));
        assertEquals(List.of(dir.resolve("memory_debug.log.1"), current), files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(AnalyzeCommand.CRASH_FOUND, AnalyzeCommand.run(List.of(current.toString()), print(out), print(new ByteArrayOutputStream())));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("memory_debug.log.1"), out.toString());
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
