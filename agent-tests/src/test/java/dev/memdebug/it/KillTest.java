package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Churner;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code kill -9}s at random moments of a run that writes events all the time: every complete event
 * stays intact, and the next start in the same directory writes the restart marker naming the killed run.
 */
class KillTest {

    private static final String BUSY = "memory.limit=260MB,check.interval=10ms,check.interval.high=10ms,snapshot.interval=100ms,"
            + "spike.threshold=16MB,spike.window=1s,alarm.repeat=200ms,alarm.rearm=1%";

    @TempDir
    Path dir;

    @Test
    void killNineAtRandomMomentsLeavesAnIntactLogAndARestartMarker() throws Exception {
        Random random = new Random();
        int runs = 6;
        long previousPid = -1;
        for (int run = 0; run < runs; run++) {
            AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Churner.class, "200");
            jvm.start();
            assertTrue(jvm.awaitStdout("churning", 30), jvm.stderr());
            if (run > 0) {
                assertTrue(jvm.awaitLog("MEMORY DEBUG LOG", 10));
            }
            Thread.sleep(300 + random.nextInt(1700));
            assertEquals(137, jvm.kill9());
            String log = jvm.logText();
            assertEquals(List.of(), LogChecker.defects(log), "after kill " + (run + 1));
            if (previousPid > 0) {
                int marker = log.lastIndexOf("🔄 RESTARTED at ");
                assertTrue(marker > 0, "run " + (run + 1) + " wrote no restart marker");
                String after = log.substring(marker);
                assertTrue(after.contains("Previous run (PID " + previousPid + ", started "), after);
                assertTrue(after.contains("ended without a clean shutdown"), after);
                assertTrue(after.contains("Last record before it ended: ["), after);
            }
            previousPid = jvm.pid();
        }
        String json = Files.readString(dir.resolve("memory_debug.jsonl"));
        String[] lines = json.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].startsWith("{\"ts\":") && lines[i].endsWith("}"), "JSON line " + (i + 1) + " intact: " + lines[i]);
        }
        assertEquals(runs, json.split("\"type\":\"start\"", -1).length - 1, "one start record per run");
    }
}
