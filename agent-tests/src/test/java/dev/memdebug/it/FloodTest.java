package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Flood;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood: a hooked method called millions of times a second whose counter flips across its limit at every
 * call, a full operation queue, and memory that swings across HIGH and CRITICAL with alarms set to repeat
 * every 50 ms, and snapshots every 20 ms so the log does reach its 64KB cap. The log stays within its cap, the counter stays exact, and rate-limit lines say what was
 * summarised instead of written.
 */
class FloodTest {

    private static final long CAP = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFloodOfEventsStaysWithinTheCapAndIsSummarised() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.hit.method = dev.memdebug.it.apps.Flood$Target#hit",
                "hook.hit.label = Hit",
                "hook.hit.counter = calls +1, inflight +1 on enter, -1 on exit",
                "limit.inflight = 0",
                "memory.limit = 200MB",
                "check.interval = 10ms",
                "check.interval.high = 10ms",
                "snapshot.interval = 20ms",
                "spike.threshold = 16MB",
                "spike.window = 1s",
                "alarm.repeat = 50ms",
                "alarm.rearm = 1%",
                "operations.capacity = 256",
                "log.max-size = 64KB",
                "log.keep = 1",
                "log.stderr = false",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx512m").main(Flood.class, "6000", "2");
        assertEquals(0, jvm.run(120), jvm.stderr());
        Matcher flooded = Pattern.compile("flooded (\\d+)").matcher(jvm.stdout());
        assertTrue(flooded.find(), jvm.stdout());
        long calls = Long.parseLong(flooded.group(1));
        assertTrue(calls > 1_000_000, "a flood: " + calls + " calls");

        Path log = jvm.log();
        for (Path p : new Path[] {log, dir.resolve("memory_debug.log.1"), dir.resolve("memory_debug.jsonl"), dir.resolve("memory_debug.jsonl.1")}) {
            if (Files.exists(p)) {
                assertTrue(Files.size(p) <= CAP, p + " is " + Files.size(p) + " bytes, above the 64KB cap");
            }
        }
        assertTrue(Files.exists(dir.resolve("memory_debug.log.1")), "the flood reached the cap and rotated");
        assertFalse(Files.exists(dir.resolve("memory_debug.log.2")), "log.keep = 1");
        String all = (Files.exists(dir.resolve("memory_debug.log.1")) ? Files.readString(dir.resolve("memory_debug.log.1")) : "")
                + Files.readString(log);
        String current = Files.readString(log);
        String fin = current.substring(current.lastIndexOf("📊 Final Snapshot"));
        assertTrue(fin.contains("Calls: " + calls + " | Inflight: 0"), "exact counters under the flood: " + fin);
        assertTrue(LogChecker.count(all, "⚠️ LIMIT EXCEEDED: Inflight 1 > 0") <= 1, "one LIMIT EXCEEDED line per 10 s:\n" + all);
        assertTrue(all.contains("RATE LIMIT: Inflight went over its limit of 0 another "), "the limit crossings are summarised:\n" + all);
        assertTrue(LogChecker.count(all, "operation records dropped") <= 1, "drops reported at most every 10 s:\n" + all);
        assertTrue(all.contains("RATE LIMIT: ") && Pattern.compile("RATE LIMIT: \\d+ CRITICAL").matcher(all).find(),
                "the alarm blocks beyond the budget are summarised:\n" + all);
        assertTrue(LogChecker.count(all, "🚨 CRITICAL MEMORY - CRASH IMMINENT:") <= 20, all);
        assertEquals(java.util.List.of(), LogChecker.defects(current));
        FaultTest.assertIntact(log);
        System.out.printf("%nFloodTest: %d hooked calls in 6 s; log %d bytes + rotated %d bytes (cap %d each)%n", calls,
                Files.size(log), Files.exists(dir.resolve("memory_debug.log.1")) ? Files.size(dir.resolve("memory_debug.log.1")) : 0, CAP);
    }
}
