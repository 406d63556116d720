package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged agent in forked JVMs: what the log holds for a run that climbs to CRITICAL and ends cleanly. */
class AgentLogTest {

    @TempDir
    Path dir;

    @Test
    void headerSnapshotsHighCriticalAndCleanShutdown() throws Exception {
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g")
                .agentArgs("memory.limit=320MB,snapshot.interval=1s,check.interval=50ms,app.name=allocator-test")
                .main(Allocator.class, "10", "30", "60", "300");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done"));
        String log = jvm.logText();
        assertTrue(log.startsWith("=".repeat(80) + "\nMEMORY DEBUG LOG - allocator-test (memdebug "), log);
        assertTrue(log.contains("| PID " + jvm.pid() + " |"), log);
        assertTrue(log.contains("Memory limit: 320 MB (configured memory.limit)"), log);
        assertTrue(log.contains("Thresholds: HIGH 256.0 MB (80%) | CRITICAL 300.8 MB (94%)"), log);
        assertTrue(LogChecker.count(log, "📊 Periodic Snapshot:") >= 1, log);
        assertEquals(1, LogChecker.count(log, "⚠️ HIGH MEMORY:"), log);
        assertEquals(1, LogChecker.count(log, "🚨 CRITICAL MEMORY - CRASH IMMINENT:"), log);
        assertTrue(log.indexOf("HIGH MEMORY") < log.indexOf("CRITICAL MEMORY"), log);
        assertTrue(log.contains("Last "), log);
        assertTrue(log.contains("operations before crash:\n  1. ["), log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN after"), log);
        assertEquals(List.of(), LogChecker.defects(log));
        String json = Files.readString(dir.resolve("memory_debug.jsonl"));
        assertTrue(json.contains("\"type\":\"critical\""), json);
        assertTrue(json.contains("\"type\":\"shutdown\""), json);
        String stderr = jvm.stderr();
        assertTrue(stderr.contains("[memdebug] [") && stderr.contains("🚨 CRITICAL MEMORY - CRASH IMMINENT"), stderr);
        for (String line : stderr.split("\n")) {
            if (!line.isEmpty()) {
                assertTrue(line.startsWith("[memdebug] "), "every mirrored line carries the prefix: " + line);
            }
        }
    }

    @Test
    void badConfigurationIsReportedAndTheAppRunsOnDefaults() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hihg.threshold = 70%",
                "check.interval = -3s",
                "critical.threshold = lots",
                "hook.x.method = com.example.Missing#gone",
                "hook.x.contxt = y",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).env("MEMDEBUG_SPIKE_THRESHOLD", "abc")
                .main(Allocator.class, "1", "2", "10", "0");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done"), "the app ran: " + jvm.stdout());
        String stderr = jvm.stderr();
        assertTrue(stderr.contains("agent.properties:1: 'hihg.threshold' is not a known key - did you mean 'high.threshold'?"), stderr);
        assertTrue(stderr.contains("agent.properties:2: 'check.interval' expects a duration of zero or more, not '-3s'"), stderr);
        assertTrue(stderr.contains("agent.properties:3: 'critical.threshold' expects a percentage such as 80% or a size such as 410MB, not 'lots'"), stderr);
        assertTrue(stderr.contains("agent.properties:5: 'hook.x.contxt' has the unknown attribute 'contxt' - did you mean 'context'?"), stderr);
        assertTrue(stderr.contains("environment MEMDEBUG_SPIKE_THRESHOLD: 'spike.threshold' expects a size"), stderr);
        String log = jvm.logText();
        assertTrue(log.contains("⚠️ CONFIG: " + dir.resolve("agent.properties").toAbsolutePath() + ":1: 'hihg.threshold'"), log);
        assertTrue(log.contains("Thresholds: HIGH"), log);
        assertTrue(log.contains("(80%)") && log.contains("(94%)"), log);
    }

    @Test
    void missingConfigFileAndUnwritableLogDoNotStopTheApp() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        AgentJvm jvm = AgentJvm.in(dir)
                .agentArgs("config=nowhere.properties,log.path=" + blocker.resolve("memory_debug.log"))
                .main(Allocator.class, "1", "2", "10", "0");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done"));
        String stderr = jvm.stderr();
        assertTrue(stderr.contains("'config' names " + dir.resolve("nowhere.properties") + ", which does not exist"), stderr);
        assertTrue(stderr.contains("cannot write log file " + blocker.resolve("memory_debug.log")), stderr);
        assertTrue(stderr.contains("MEMORY DEBUG LOG"), "the header still reaches the log stream: " + stderr);
    }

    @Test
    void disabledAgentWritesNothing() throws Exception {
        AgentJvm jvm = AgentJvm.in(dir).env("MEMDEBUG_ENABLED", "false").main(Allocator.class, "1", "1", "10", "0");
        assertEquals(0, jvm.run(60));
        assertFalse(Files.exists(jvm.log()));
        assertTrue(jvm.stderr().contains("disabled by enabled=false"), jvm.stderr());
    }
}
