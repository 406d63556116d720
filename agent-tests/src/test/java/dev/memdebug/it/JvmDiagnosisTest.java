package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.DirectFiller;
import dev.memdebug.it.apps.HeapFiller;
import dev.memdebug.it.apps.MetaspaceFiller;
import dev.memdebug.it.apps.ThreadStarter;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forked JVMs that each grow one kind of memory until the agent logs CRITICAL (thresholds set low, so no
 * kill is needed): the CRITICAL block's breakdown must name that kind as the largest growth. The heap run
 * also checks the GC lines and the class histogram; the direct-buffer run the Native Memory Tracking summary.
 */
class JvmDiagnosisTest {

    /** Low enough that each app passes CRITICAL well before it ends; the limit is far above, so nothing is killed. */
    private static final String THRESHOLDS = "memory.limit=2GB,high.threshold=140MB,critical.threshold=170MB,"
            + "check.interval=50ms,snapshot.interval=1s,gc.summary.interval=1s";
    private static final Pattern LARGEST = Pattern.compile("Grown since [0-9:]+: (.+?) \\+([0-9.]+) MB \\(largest\\)");
    private static final Pattern COLLECTION = Pattern.compile("^   Heap ([0-9.]+) MB, freed ([0-9.]+) MB → now ([0-9.]+) MB \\| RSS after ([0-9.]+) MB$");
    private static final Pattern SUMMARY = Pattern.compile("🗑️ GC summary at [0-9.]+ MB: (\\d+) collections? in [0-9.]+s \\((.+)\\) freed ([0-9.]+) MB, (\\d+) ms in GC");

    @TempDir
    Path dir;

    @Test
    void aFillingHeapIsNamedAndTheHistogramNamesTheClass() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xms16m", "-Xmx600m").agentArgs(THRESHOLDS)
                .main(HeapFiller.class, "20", "14", "100", "1500"));
        String critical = criticalBlock(log);
        // 40 MB, not the whole fill: at 20 MB per 100 ms the block may come as a burst (MemoryMonitor), a
        // step before the figure reaches critical.threshold.
        assertLargest(critical, "heap", 40);

        String detail = section(log, "🔬 CRITICAL DETAIL");
        assertTrue(detail.contains("Top 10 classes by heap bytes (class histogram of live objects, took "), detail);
        assertTrue(detail.contains("\n  1. " + HeapFiller.Row.class.getName() + " - "), detail);

        List<String> collections = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = COLLECTION.matcher(line);
            if (m.matches()) {
                double before = Double.parseDouble(m.group(1));
                double freed = Double.parseDouble(m.group(2));
                double after = Double.parseDouble(m.group(3));
                assertTrue(freed <= before && Math.abs(before - freed - after) <= 0.2, line);
                assertTrue(Double.parseDouble(m.group(4)) > after * 0.5, "the RSS holds the live heap: " + line);
                collections.add(line);
            }
        }
        assertTrue(log.contains("🗑️ Full GC at ") && log.contains("(Heap Inspection Initiated GC)"),
                "the histogram's own full collection is logged: " + log);
        assertTrue(!collections.isEmpty(), log);
        Matcher summary = SUMMARY.matcher(log);
        double freedInSummaries = 0;
        while (summary.find()) {
            assertTrue(Integer.parseInt(summary.group(1)) >= 1, summary.group());
            freedInSummaries += Double.parseDouble(summary.group(3));
        }
        // The app makes about 18 MB of garbage per 20 MB step; young collections must have freed some of it.
        assertTrue(freedInSummaries > 10, "young collections freed the garbage: " + log);
    }

    @Test
    void directBuffersAreNamedAndNativeMemoryTrackingIsShown() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xmx64m", "-XX:MaxDirectMemorySize=1g", "-XX:NativeMemoryTracking=summary")
                .agentArgs(THRESHOLDS).main(DirectFiller.class, "20", "14", "100", "1500"));
        assertLargest(criticalBlock(log), "direct", 60);
        String detail = section(log, "🔬 CRITICAL DETAIL");
        assertTrue(detail.contains("Native Memory Tracking (committed, total "), detail);
        assertTrue(detail.contains("Java Heap") && detail.matches("(?s).*(- |\\| )Other [0-9.]+ MB.*"), "direct buffers are NMT's Other: " + log);
        assertTrue(detail.contains("Top 10 classes by heap bytes"), "the histogram is on by default: " + log);
        assertTrue(log.contains("| NMT summary\n"), "the header names the NMT mode: " + log);
    }

    @Test
    void manyThreadsAreNamed() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xmx64m").agentArgs(THRESHOLDS)
                .main(ThreadStarter.class, "100", "14", "100", "1500", "128"));
        assertLargest(criticalBlock(log), "thread stacks", 60);
    }

    @Test
    void generatedClassesInMetaspaceAreNamed() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xmx64m").agentArgs(THRESHOLDS)
                .main(MetaspaceFiller.class, "500", "10", "100", "1500"));
        assertLargest(criticalBlock(log), "metaspace", 60);
    }

    @Test
    void reliefActionsAtHighSayWhatTheyFreed() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xms16m", "-Xmx600m")
                .agentArgs(THRESHOLDS + ",relief.gc=true,relief.trim=true,critical.histogram=false")
                .main(HeapFiller.class, "20", "10", "100", "1000"));
        Matcher gc = Pattern.compile("🗑️ Auto GC triggered at ([0-9.]+) MB \\(relief.gc\\)\n   Freed ([0-9.]+) MB of heap → heap now ([0-9.]+) MB"
                + " \\| RSS ([0-9.]+) MB → ([0-9.]+) MB \\| took (\\d+) ms\n").matcher(log);
        assertTrue(gc.find(), log);
        assertTrue(Double.parseDouble(gc.group(1)) >= 100, "at HIGH, not before: " + gc.group());
        assertTrue(log.contains("(System.gc()), "), "the collection itself is logged as a full GC: " + log);
        Matcher trim = Pattern.compile("🧹 Native heap trim at [0-9.]+ MB \\(relief.trim\\)\n   RSS ([0-9.]+) MB → ([0-9.]+) MB \\(freed ([0-9.]+) MB\\)").matcher(log);
        if (Runtime.version().feature() >= 21 || Runtime.version().compareTo(Runtime.Version.parse("17.0.9")) >= 0) {
            assertTrue(trim.find(), log);
        } else {
            assertTrue(log.contains("relief.trim is on, but this JVM has no System.trim_native_heap"), log);
        }
        assertTrue(!log.contains("🔬 CRITICAL DETAIL"), "critical.histogram=false and no NMT: nothing to add");
    }

    @Test
    void aMaxHeapThatCannotFitTheLimitIsWarnedWithTheFlag() throws Exception {
        String log = run(AgentJvm.in(dir).jvmArg("-Xmx1g").agentArgs("memory.limit=384MB")
                .main(HeapFiller.class, "1", "1", "10", "0"));
        assertTrue(log.contains("\nJVM memory flags: max heap 1024 MB (set by -Xmx) | GC "), log);
        assertTrue(log.contains("\n⚠️ JVM SIZING: max heap 1024 MB + at least ") && log.contains("does not fit the 384 MB limit")
                && log.contains("Lower -Xmx to about -Xmx"), log);
    }

    private static String run(AgentJvm jvm) throws Exception {
        assertEquals(0, jvm.run(120), jvm.stderr());
        assertTrue(jvm.stdout().contains("done"), jvm.stdout());
        String log = jvm.logText();
        assertEquals(List.of(), LogChecker.defects(log), log);
        assertTrue(log.contains("\nJVM memory flags: max heap "), log);
        return log;
    }

    private static void assertLargest(String block, String part, double atLeastMb) {
        Matcher m = LARGEST.matcher(block);
        assertTrue(m.find(), block);
        assertEquals(part, m.group(1), block);
        assertTrue(Double.parseDouble(m.group(2)) >= atLeastMb, block);
    }

    /** The first CRITICAL block, from its opening sirens to its closing ones. */
    private static String criticalBlock(String log) {
        int head = log.indexOf("🚨 CRITICAL MEMORY - CRASH IMMINENT");
        assertTrue(head >= 0, log);
        int end = log.indexOf("🚨".repeat(40) + "\n", head);
        return log.substring(head, end);
    }

    /** The event whose head contains {@code marker}, up to its separator. */
    private static String section(String log, String marker) {
        int head = log.indexOf(marker);
        assertTrue(head >= 0, log);
        return log.substring(head, log.indexOf("\n" + "-".repeat(80) + "\n", head));
    }
}
