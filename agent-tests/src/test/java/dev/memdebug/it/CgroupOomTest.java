package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.apps.CaptureApp;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.CgroupSandbox;
import dev.memdebug.it.support.LogChecker;
import dev.memdebug.log.LogLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kernel OOM kill in a cgroup v1 memory limit: the agent detects the limit from the cgroup,
 * writes its CRITICAL block before the kill, and the next start in the same cgroup names the OOM kill.
 */
class CgroupOomTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aHeapThatOutgrowsTheCgroupIsKilledAndTheLogSaysSo() throws Exception {
        try (CgroupSandbox cgroup = CgroupSandbox.create("alloc", 256 * MB)) {
            AgentJvm jvm = AgentJvm.in(dir).prefix(cgroup.prefix()).jvmArg("-Xmx1g", "-Xms16m")
                    .agentArgs("snapshot.interval=2s")
                    .main(Allocator.class, "4", "400", "100", "-1");
            int exit = jvm.run(120);
            assertEquals(137, exit, "the kernel's OOM killer ends the JVM with SIGKILL; stdout:\n" + jvm.stdout());
            assertEquals(1, cgroup.oomKills(), "the cgroup counted the kill");
            String log = jvm.logText();
            assertTrue(log.contains("Memory limit: 256 MB (detected from cgroup v1 " + cgroup.directory().resolve("memory.limit_in_bytes") + ")"), log);
            assertTrue(log.contains("OOM kills counted by the cgroup so far: 0"), log);
            assertTrue(log.contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: "), log);
            assertTrue(log.contains("operations before crash:"), log);
            assertEquals(List.of(), LogChecker.defects(log));

            AgentJvm again = AgentJvm.in(dir).prefix(cgroup.prefix()).agentArgs("snapshot.interval=2s")
                    .main(Allocator.class, "1", "1", "10", "0");
            assertEquals(0, again.run(60), again.stderr());
            String after = again.logText().substring(log.length());
            assertTrue(after.startsWith("=".repeat(80) + "\n🔄 RESTARTED at "), after);
            assertTrue(after.contains("Previous run (PID " + jvm.pid() + ", started "), after);
            String marker = after.substring(0, after.indexOf("MEMORY DEBUG LOG"));
            assertTrue(marker.contains("CRITICAL MEMORY - CRASH IMMINENT"), "the marker names the run's CRITICAL figure: " + marker);
            assertTrue(after.contains("The cgroup counted an OOM kill since that run started (oom_kill 0 -> 1): the kernel's OOM killer ended it."), after);
        }
    }

    /**
     * A slow leak reaches the cgroup in steps as large as the young generation (each young collection
     * promotes everything), so the figure jumps past the limit inside one collection; the CRITICAL block
     * must come from the forecast of that step. The young generation is fixed at 24 MB, so a step is
     * smaller than the 38 MB between HIGH and the limit: without it the heap's geometry depends on how
     * much native memory the JVM happened to use during the pre-fill, and a first step larger than that
     * room leaves no figure between HIGH and the kill to act on. The call that was running when the kill came may never be
     * seen by the agent's thread (the JVM stalls in that collection), so the next start must name it from
     * the operation journal the app's thread wrote at the call.
     */
    @Test
    void aSlowLeakGetsItsCriticalBlockBeforeTheCollectionThatKillsIt() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.chunk.method = " + CaptureApp.class.getName() + "#allocateChunk",
                "hook.chunk.label = Chunk",
                "hook.chunk.log = enter",
                "hook.chunk.context = op {arg0}",
                ""));
        String testClasses = Path.of(CaptureApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (CgroupSandbox cgroup = CgroupSandbox.create("leak", 192 * MB)) {
            AgentJvm jvm = AgentJvm.in(dir).prefix(cgroup.prefix()).jvmArg("-Xmx384m", "-Xms16m", "-Xmn24m", "-XX:+UseSerialGC")
                    .agentArgs("config=" + dir.resolve("agent.properties"))
                    .main(testClasses, CaptureApp.class, cgroup.directory().resolve("memory.usage_in_bytes").toString(),
                            Long.toString(192 * MB * 55 / 100), "5", "512", "-1");
            assertEquals(137, jvm.run(180), "stdout:\n" + jvm.stdout());
            assertEquals(1, cgroup.oomKills());
            String log = jvm.logText();
            int critical = log.indexOf("🚨 CRITICAL MEMORY - CRASH IMMINENT: ");
            assertTrue(critical > 0, log);
            assertTrue(log.indexOf("\n" + "🚨".repeat(40) + "\n", critical) > 0, "the block is complete: " + log);
            assertTrue(log.contains("(+ memory_debug.jsonl, memory_debug.ops (last operations, written at the call))"), log);
            assertEquals(List.of(), LogChecker.defects(log));
            long lastEntered = lastEntered(jvm.stdout());
            assertTrue(lastEntered > 0, jvm.stdout());

            AgentJvm again = AgentJvm.in(dir).prefix(cgroup.prefix()).main(Allocator.class, "1", "1", "10", "0");
            assertEquals(0, again.run(60), again.stderr());
            String marker = again.logText().substring(log.length());
            marker = marker.substring(0, marker.indexOf("MEMORY DEBUG LOG"));
            assertTrue(marker.contains(LogLayout.JOURNAL_TITLE + "\n"), marker);
            // The hook stores the call before its body prints "enter N": the newest journaled call is N, or
            // N + 1 when the kill landed between the two.
            java.util.regex.Matcher newest = java.util.regex.Pattern.compile("  5\\. \\[[0-9:]{8}\\] Chunk - [0-9.]+ MB - op (\\d+)\n")
                    .matcher(marker);
            assertTrue(newest.find(), marker);
            long named = Long.parseLong(newest.group(1));
            assertTrue(named == lastEntered || named == lastEntered + 1, "last entered op " + lastEntered + ", named:\n" + marker);
        }
    }

    /** N of the last {@code enter N TIME} line {@link CaptureApp} printed, or -1. */
    private static long lastEntered(String stdout) {
        long last = -1;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("enter ")) {
                last = Long.parseLong(line.split(" ")[1]);
            }
        }
        return last;
    }

    @Test
    void theSampleBotsSeedCrashIsKilledAndTheLogTellsTheStory() throws Exception {
        Path config = AgentJvm.PROJECT.resolve("sample-bot/agent.properties");
        try (CgroupSandbox cgroup = CgroupSandbox.create("bot", 512 * MB)) {
            AgentJvm bot = AgentJvm.in(dir).prefix(cgroup.prefix()).jvmArg("-Xmx1g", "-XX:MaxDirectMemorySize=1g")
                    .agentArgs("config=" + config)
                    .bot("--simulate", "seed-crash", "--port", "0", "--duration", "300");
            assertEquals(137, bot.run(300), "seed-crash must end in the kernel's OOM kill; stdout:\n" + bot.stdout());
            assertEquals(1, cgroup.oomKills());
            String log = bot.logText();
            assertTrue(log.contains("Memory limit: 512 MB (detected from cgroup v1 "), log);
            assertTrue(log.contains("Hooks: 4 hook(s), 2 counter(s), 2 gauge(s)"), log);
            assertTrue(log.contains("⚠️ LIMIT EXCEEDED: Sessions 4 > 3\n   Operation: ["), log);
            assertTrue(log.contains("Session Created - ") && log.contains(" - Total sessions: 4\n"), log);
            int critical = log.indexOf("🚨 CRITICAL MEMORY - CRASH IMMINENT: ");
            assertTrue(critical > 0, log);
            String block = log.substring(critical);
            assertTrue(block.matches("(?s).*\n(Sessions: \\d+ \\| Queue: \\d+ \\| Active DLs: \\d+ \\| Cache: \\d+ items)\n.*"), block);
            assertTrue(block.contains("Last 5 operations before crash:\n  1. ["), block);
            assertTrue(block.contains("Download "), block);
            assertTrue(block.contains("User "), block);
            assertEquals(List.of(), LogChecker.defects(log));

            AgentJvm restarted = AgentJvm.in(dir).prefix(cgroup.prefix()).jvmArg("-Xmx1g")
                    .agentArgs("config=" + config)
                    .bot("--simulate", "steady", "--port", "0", "--duration", "3");
            assertEquals(0, restarted.run(120), restarted.stderr());
            String after = restarted.logText().substring(log.length());
            assertTrue(after.contains("🔄 RESTARTED at "), after);
            assertTrue(after.contains("Previous run (PID " + bot.pid()), after);
            assertTrue(after.contains("oom_kill 0 -> 1"), after);
            assertTrue(after.contains("✅ CLEAN SHUTDOWN"), after);
        }
    }
}
