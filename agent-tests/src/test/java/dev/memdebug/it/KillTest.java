package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.RunRecord;
import dev.memdebug.it.apps.Churner;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import dev.memdebug.it.support.ParsedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code kill -9}s at random moments of a run that writes events all the time, all in one directory:
 * after every kill each complete event is intact, at most the last line is torn, the analyzer's parser
 * reads every run with no other issue, and the next start writes the restart marker naming the killed run.
 *
 * <p>The number of kills is {@code -Dmemdebug.kills} (6 by default, so {@code mvn verify} stays short;
 * the hardening issue's figure is 200: {@code -Dmemdebug.kills=200}). The figures are printed at the end.
 */
class KillTest {

    private static final int KILLS = Integer.getInteger("memdebug.kills", 6);
    private static final String BUSY = "memory.limit=260MB,check.interval=10ms,check.interval.high=10ms,snapshot.interval=100ms,"
            + "spike.threshold=16MB,spike.window=1s,alarm.repeat=200ms,alarm.rearm=1%,log.keep=9";

    @TempDir
    Path dir;

    @Test
    void killNineAtRandomMomentsLeavesAnIntactLogAndARestartMarker() throws Exception {
        long seed = Long.getLong("memdebug.kills.seed", System.nanoTime());
        Random random = new Random(seed);
        long previousPid = -1;
        String previousLast = null;
        int tornText = 0;
        int tornJson = 0;
        long started = System.nanoTime();
        Path log = dir.resolve("memory_debug.log");
        for (int run = 0; run < KILLS; run++) {
            String context = "kill " + (run + 1) + " of " + KILLS + " (seed " + seed + ")";
            AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Churner.class, "200");
            jvm.start();
            assertTrue(jvm.awaitStdout("churning", 30), jvm.stderr());
            assertTrue(jvm.awaitLog("| PID " + jvm.pid() + " |", 10), "the run's header, " + context);
            Thread.sleep(random.nextInt(2000));
            assertEquals(137, jvm.kill9(), context);

            String text = jvm.logText();
            assertEquals(List.of(), LogChecker.defects(text), context);
            ParsedLog parsed = ParsedLog.read(log);
            assertEquals(List.of(), parsed.problems(), context);
            tornText += parsed.tornTail() ? 1 : 0;
            List<RunRecord> runs = parsed.runs();
            assertEquals(run + 1, runs.size(), "one run per start, " + context);
            for (int r = 0; r < run; r++) {
                assertNotEquals(RunRecord.Ending.CLEAN, runs.get(r).ending(), "run " + (r + 1) + ", " + context);
                assertNotEquals(RunRecord.Ending.RUNNING, runs.get(r).ending(), "run " + (r + 1) + " has its restart marker, " + context);
            }
            assertEquals(jvm.pid(), runs.get(run).pid(), context);
            if (previousPid > 0) {
                int marker = text.lastIndexOf("🔄 RESTARTED at ");
                assertTrue(marker > 0, "no restart marker, " + context);
                String after = text.substring(marker);
                assertTrue(after.contains("Previous run (PID " + previousPid + ", started "), after);
                assertTrue(after.contains("ended without a clean shutdown"), after);
                if (previousLast != null) {
                    assertTrue(after.contains("Last record before it ended: " + previousLast + "\n"), "names " + previousLast + ":\n" + after);
                } else {
                    assertFalse(after.contains("Last record before it ended"), "killed before its first event:\n" + after);
                }
            }
            previousLast = lastRecord(text, jvm.pid());
            String json = Files.readString(dir.resolve("memory_debug.jsonl"));
            String[] lines = json.split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                assertTrue(lines[i].startsWith("{\"ts\":") && lines[i].endsWith("}"), "JSON line " + (i + 1) + " intact, " + context + ": " + lines[i]);
            }
            tornJson += lines[lines.length - 1].isEmpty() ? 0 : 1;
            previousPid = jvm.pid();
        }
        ParsedLog last = ParsedLog.read(log);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("%nKillTest: %d kill -9 in %d s (seed %d)%n", KILLS, seconds, seed);
        System.out.printf("  %-44s %8s%n", "figure", "value");
        System.out.printf("  %-44s %8d%n", "runs read back by the analyzer", last.runs().size());
        System.out.printf("  %-44s %8d%n", "events read back (all runs)", last.events());
        System.out.printf("  %-44s %8d%n", "restart markers naming the killed run", KILLS - 1);
        System.out.printf("  %-44s %8d%n", "kills that left the text log's last line torn", tornText);
        System.out.printf("  %-44s %8d%n", "kills that left the JSON file's last line torn", tornJson);
        System.out.printf("  %-44s %8d%n", "other defects or parser issues", 0);
    }

    /** The head line of the last complete event the run with {@code pid} wrote, or {@code null}. */
    private static String lastRecord(String log, long pid) {
        int header = log.lastIndexOf("| PID " + pid + " |");
        String run = log.substring(header);
        if (!run.endsWith("\n")) {
            run = run.substring(0, run.lastIndexOf('\n') + 1);
        }
        String last = null;
        for (String line : run.split("\n")) {
            if (line.startsWith("[") && line.indexOf("] ") > 0 && !line.contains("🚨".repeat(40))) {
                last = line;
            }
        }
        return last;
    }
}
