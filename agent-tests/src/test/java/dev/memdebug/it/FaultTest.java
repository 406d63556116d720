package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.RunRecord;
import dev.memdebug.it.apps.GaugeApp;
import dev.memdebug.it.apps.HeapHog;
import dev.memdebug.it.apps.Recursive;
import dev.memdebug.it.apps.Worker;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import dev.memdebug.it.support.ParsedLog;
import dev.memdebug.it.support.TmpfsMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around a real forked JVM with the packaged agent: the log's directory read-only, deleted, full;
 * the log truncated or moved away by someone else; {@code /proc} and cgroup files that read as empty; the monitor starved of CPU; gauges that throw or block; a hook re-entered from its
 * own context on 2000 threads; System.exit and Runtime.halt; OutOfMemoryErrors on every thread. Each test
 * asserts that the app did all its work and ended as it chose, and that what the agent wrote is intact
 * and read back by the analyzer with no issue.
 */
class FaultTest {

    /** Events all the time: snapshots every 50 ms, spikes, HIGH and CRITICAL while the Worker churns. */
    private static final String BUSY = "memory.limit=200MB,check.interval=10ms,check.interval.high=10ms,snapshot.interval=50ms,"
            + "spike.threshold=16MB,spike.window=1s,alarm.repeat=100ms,alarm.rearm=1%,log.stderr.snapshots=0";

    @TempDir
    Path dir;

    @Test
    void aReadOnlyLogDirectoryLeavesTheAppRunningAndTheLogStartsWhenItTurnsWritable() throws Exception {
        try (TmpfsMount mount = TmpfsMount.create(dir.resolve("ro"), "1m")) {
            mount.readOnly();
            Path log = mount.dir().resolve("memory_debug.log");
            AgentJvm jvm = AgentJvm.in(dir.resolve("work")).jvmArg("-Xmx512m").agentArgs(BUSY + ",log.path=" + log)
                    .main(Worker.class, "4000");
            jvm.start();
            assertTrue(awaitFile(jvm.stderrFile(), "cannot write log file " + log, 20), jvm.stderr());
            Thread.sleep(500);
            mount.writable();
            assertEquals(0, jvm.waitFor(60), jvm.stderr());
            assertTrue(jvm.stdout().contains("done "), jvm.stdout());
            String stderr = jvm.stderr();
            assertTrue(stderr.contains("Read-only file system"), stderr);
            assertTrue(stderr.contains("MEMORY DEBUG LOG"), "the header went to stderr: " + stderr);
            assertTrue(Pattern.compile("log file " + Pattern.quote(log.toString()) + " is writable again; \\d+ event\\(s\\) in between went to stderr only")
                    .matcher(stderr).find(), stderr);
            String text = Files.readString(log);
            assertTrue(text.startsWith("=".repeat(80) + "\nMEMORY DEBUG LOG - (continued) "), "a late log starts with the header: " + text);
            assertIntact(log);
            assertEquals(RunRecord.Ending.CLEAN, ParsedLog.read(log).runs().get(0).ending());
        }
    }

    @Test
    void aLogDirectoryDeletedWhileRunningIsMadeAgain() throws Exception {
        Path logs = dir.resolve("logs");
        Path log = logs.resolve("memory_debug.log");
        AgentJvm jvm = AgentJvm.in(dir.resolve("work")).jvmArg("-Xmx512m").agentArgs(BUSY + ",log.path=" + log)
                .main(Worker.class, "4000");
        jvm.start();
        assertTrue(awaitFile(log, "Periodic Snapshot", 20), jvm.stderr());
        delete(logs);
        assertEquals(0, jvm.waitFor(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done "), jvm.stdout());
        assertTrue(jvm.stderr().contains("log file " + log + " disappeared"), jvm.stderr());
        String text = Files.readString(log);
        assertTrue(text.startsWith("=".repeat(80) + "\nMEMORY DEBUG LOG - (continued) "), text);
        assertTrue(text.contains("✅ CLEAN SHUTDOWN"), text);
        assertIntact(log);
    }

    @Test
    void aFullFilesystemCutsNoEventInHalfAndWritingResumesWhenThereIsRoom() throws Exception {
        try (TmpfsMount mount = TmpfsMount.create(dir.resolve("full"), "64k")) {
            Path filler = mount.dir().resolve("filler");
            Files.write(filler, new byte[40 * 1024]);
            Path log = mount.dir().resolve("memory_debug.log");
            AgentJvm jvm = AgentJvm.in(dir.resolve("work")).jvmArg("-Xmx512m")
                    // Long enough for a retry (every 2 s) after the filler is gone, even on a loaded machine.
                    .agentArgs(BUSY + ",log.path=" + log + ",log.max-size=1MB").main(Worker.class, "9000");
            jvm.start();
            assertTrue(awaitFile(jvm.stderrFile(), "No space left on device", 30), jvm.stderr());
            assertIntact(log);
            Files.delete(filler);
            assertEquals(0, jvm.waitFor(60), jvm.stderr());
            assertTrue(jvm.stdout().contains("done "), jvm.stdout());
            String stderr = jvm.stderr();
            assertTrue(stderr.contains("cannot write log file " + log), stderr);
            assertTrue(stderr.contains("log file " + log + " is writable again"), stderr);
            assertIntact(log);
        }
    }

    @Test
    void aLogTruncatedAndThenMovedAwayBySomeoneElseStaysReadable() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Worker.class, "5000");
        jvm.start();
        assertTrue(awaitFile(log, "Periodic Snapshot", 20), jvm.stderr());
        try (var channel = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        assertTrue(awaitFile(jvm.stderrFile(), "was truncated by someone else", 10), jvm.stderr());
        Thread.sleep(300);
        Path moved = dir.resolve("memory_debug.log.old");
        Files.move(log, moved);
        assertTrue(awaitFile(jvm.stderrFile(), "disappeared", 10), jvm.stderr());
        assertEquals(0, jvm.waitFor(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done "), jvm.stdout());
        String old = Files.readString(moved);
        assertTrue(old.startsWith("=".repeat(80) + "\nMEMORY DEBUG LOG - (continued) "), "the truncated file starts again with the header: " + old);
        assertIntact(moved);
        String current = Files.readString(log);
        assertTrue(current.startsWith("=".repeat(80) + "\nMEMORY DEBUG LOG - (continued) "), current);
        assertTrue(current.contains("✅ CLEAN SHUTDOWN"), current);
        assertIntact(log);
    }

    @Test
    void gaugesThatThrowOrBlockAreTimedOutReportedOnceAndSnapshotsGoOn() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "gauge.fine = dev.memdebug.it.apps.GaugeApp#fine",
                "gauge.broken = dev.memdebug.it.apps.GaugeApp#broken",
                "gauge.stuck = dev.memdebug.it.apps.GaugeApp#stuck",
                "gauge.slow = dev.memdebug.it.apps.GaugeApp#slow",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).agentArgs("snapshot.interval=100ms,check.interval=20ms").main(GaugeApp.class, "3000");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done true"), jvm.stdout());
        String log = jvm.logText();
        int snapshots = LogChecker.count(log, "📊 Periodic Snapshot:");
        assertTrue(snapshots >= 5, snapshots + " snapshots in 3 s with a gauge stuck for good:\n" + log);
        assertEquals(snapshots + 1, count(log, "Fine: 7 | Broken: ? | Stuck: ? | Slow: "), "every periodic and the final snapshot:\n" + log);
        assertEquals(1, count(log, "gauge 'broken' failed: java.lang.IllegalStateException: gauge exploded"), log);
        assertEquals(1, count(log, "gauge 'stuck' did not answer within 50 ms"), log);
        assertEquals(1, count(log, "gauge 'slow' did not answer within 50 ms"), log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        assertIntact(jvm.log());
    }

    @Test
    void aHookReenteredFromItsOwnContextOnTwoThousandThreadsKeepsExactCounters() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.visit.method = dev.memdebug.it.apps.Recursive$Node#visit",
                "hook.visit.label = Visit",
                "hook.visit.context = {arg0} depth {arg1} on {thread}",
                "hook.visit.counter = visits +1, inside +1 on enter, -1 on exit",
                ""));
        int threads = 2000;
        int calls = 20;
        int depth = 10;
        AgentJvm jvm = AgentJvm.in(dir).agentArgs("snapshot.interval=1h,operations.capacity=1024")
                .main(Recursive.class, Integer.toString(threads), Integer.toString(calls), Integer.toString(depth));
        assertEquals(0, jvm.run(180), jvm.stderr());
        long appCalls = (long) threads * calls * (depth + 1);
        assertTrue(jvm.stdout().contains("visited " + appCalls), jvm.stdout());
        String log = jvm.logText();
        String fin = log.substring(log.lastIndexOf("📊 Final Snapshot"));
        // Each call the app makes renders its context once; the argument's toString() re-enters visit() once,
        // and that nested call is counted but renders nothing (the agent does not re-enter its own rendering).
        assertTrue(fin.contains("Visits: " + (2 * appCalls) + " | Inside: 0"), fin);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        assertIntact(jvm.log());
    }

    @Test
    void systemExitEndsCleanlyAndRuntimeHaltIsNamedByTheNextStart() throws Exception {
        AgentJvm exit = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Worker.class, "1500", "exit");
        assertEquals(3, exit.run(60), exit.stderr());
        assertTrue(exit.logText().contains("✅ CLEAN SHUTDOWN"), exit.logText());

        AgentJvm halt = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Worker.class, "1500", "halt");
        assertEquals(5, halt.run(60), halt.stderr());
        assertTrue(halt.stdout().contains("done "), halt.stdout());
        assertIntact(halt.log());

        AgentJvm next = AgentJvm.in(dir).jvmArg("-Xmx512m").agentArgs(BUSY).main(Worker.class, "500");
        assertEquals(0, next.run(60), next.stderr());
        String log = next.logText();
        String marker = log.substring(log.lastIndexOf("🔄 RESTARTED at "));
        assertTrue(marker.contains("Previous run (PID " + halt.pid() + ", started "), marker);
        assertTrue(marker.contains("ended without a clean shutdown"), marker);
        assertIntact(next.log());
        List<RunRecord> runs = ParsedLog.read(next.log()).runs();
        assertEquals(3, runs.size());
        assertEquals(RunRecord.Ending.CLEAN, runs.get(0).ending());
        assertNotEquals(RunRecord.Ending.CLEAN, runs.get(1).ending());
        assertNotEquals(RunRecord.Ending.RUNNING, runs.get(1).ending());
        assertEquals(RunRecord.Ending.CLEAN, runs.get(2).ending());
    }

    @Test
    void outOfMemoryErrorsOnEveryThreadLeaveTheAppItsOwnErrorsAndTheLogIntact() throws Exception {
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx48m", "-XX:-UseGCOverheadLimit")
                .agentArgs("memory.limit=32MB,check.interval=10ms,check.interval.high=10ms,snapshot.interval=20ms,alarm.repeat=50ms,"
                        + "operations.shown=50,log.stderr=false")
                .main(HeapHog.class, "5000");
        assertEquals(0, jvm.run(120), jvm.stderr() + jvm.stdout());
        Matcher survived = Pattern.compile("survived (\\d+)").matcher(jvm.stdout());
        assertTrue(survived.find() && Long.parseLong(survived.group(1)) > 0, "the app met its own OutOfMemoryErrors: " + jvm.stdout());
        String log = jvm.logText();
        assertTrue(LogChecker.count(log, "🚨 CRITICAL MEMORY - CRASH IMMINENT:") >= 1, log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        assertFalse(jvm.stderr().contains("Exception in thread \"memdebug"), "no agent thread died: " + jvm.stderr());
        assertIntact(jvm.log());
    }

    @Test
    void unreadableProcAndCgroupFilesLeaveTheAgentOnFallbacks() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.waitFor() == 0, "needs root for a private mount namespace (unshare -m)");
        // In a mount namespace of its own, the JVM's /proc/self files and /proc/meminfo read as empty and
        // the cgroup tree is an empty tmpfs: what a locked-down container or a hardened kernel can look like.
        String hide = "mount --make-rprivate / && mount -t tmpfs none /sys/fs/cgroup"
                + " && for f in status statm cgroup mountinfo smaps_rollup limits; do mount --bind /dev/null /proc/$$/$f; done"
                + " && mount --bind /dev/null /proc/meminfo && exec \"$0\" \"$@\"";
        AgentJvm jvm = AgentJvm.in(dir).prefix("unshare", "-m", "sh", "-c", hide).jvmArg("-Xmx512m")
                .agentArgs("snapshot.interval=100ms,check.interval=20ms").main(Worker.class, "3000");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("done "), jvm.stdout());
        String log = jvm.logText();
        assertTrue(log.contains("(no memory cgroup found)"), log);
        assertTrue(LogChecker.count(log, "📊 Periodic Snapshot:") >= 3, log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        assertFalse(log.contains("AGENT ERROR"), log);
        assertIntact(jvm.log());
    }

    @Test
    void aMonitorStarvedOfCpuByBusyThreadsStillWritesItsCriticalBlock() throws Exception {
        int spinners = 4 * Runtime.getRuntime().availableProcessors();
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g")
                .agentArgs("memory.limit=320MB,snapshot.interval=500ms,check.interval=50ms")
                .main(dev.memdebug.it.apps.Starver.class, Integer.toString(spinners), "10", "30");
        assertEquals(0, jvm.run(120), jvm.stderr());
        assertTrue(jvm.stdout().contains("done"), jvm.stdout());
        String log = jvm.logText();
        assertEquals(1, LogChecker.count(log, "🚨 CRITICAL MEMORY - CRASH IMMINENT:"), log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        assertIntact(jvm.log());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every complete event intact, at most the last line torn, the analyzer's parser finds no issue, JSON lines whole. */
    static void assertIntact(Path log) throws Exception {
        String text = Files.exists(log) ? Files.readString(log) : "";
        assertEquals(List.of(), LogChecker.defects(text), log.toString());
        assertEquals(List.of(), ParsedLog.read(log).problems(), log.toString());
        Path json = log.resolveSibling(log.getFileName().toString().replace(".log", ".jsonl"));
        if (Files.exists(json) && !json.equals(log)) {
            String[] lines = Files.readString(json).split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                assertTrue(lines[i].startsWith("{\"ts\":") && lines[i].endsWith("}"), json + " line " + (i + 1) + ": " + lines[i]);
            }
        }
    }

    private static boolean awaitFile(Path file, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static void delete(Path tree) throws Exception {
        try (var paths = Files.walk(tree)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
