package dev.memdebug.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.memdebug.it.support.LogChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample bot in a real Docker container with a 512 MB limit and no network, as Render runs it: the
 * kernel OOM-kills it (Docker reports {@code OOMKilled=true}, exit 137), and the log in the container
 * tells the story; restarting the same container writes the restart marker.
 */
class ContainerCrashTest {

    @BeforeEach
    void docker() {
        DockerSupport.requireOrSkip();
    }

    @Test
    void seedCrashIsOomKilledAndTheLogExplainsIt() throws Exception {
        String id = DockerSupport.run(512 * DockerSupport.MB, List.of(), "--simulate", "seed-crash");
        try {
            InspectContainerResponse.ContainerState state = DockerSupport.awaitExit(id, 300);
            assertTrue(Boolean.TRUE.equals(state.getOOMKilled()), "Docker reports the OOM kill: " + state);
            assertEquals(137L, state.getExitCodeLong());
            String log = DockerSupport.readFile(id, "/app/memory_debug.log");
            assertTrue(Pattern.compile("Memory limit: 512 MB \\(detected from cgroup v[12] ").matcher(log).find(), log);
            assertTrue(log.contains("Platform: container"), log);
            int critical = log.indexOf("🚨 CRITICAL MEMORY - CRASH IMMINENT: ");
            assertTrue(critical > 0, log);
            String block = log.substring(critical);
            assertTrue(block.contains("Last 5 operations before crash:\n  1. ["), block);
            assertTrue(Pattern.compile("Sessions: \\d+ \\| Queue: \\d+ \\| Active DLs: \\d+ \\| Cache: \\d+ items").matcher(block).find(), block);
            assertTrue(log.contains("⚠️ LIMIT EXCEEDED: Sessions 4 > 3"), log);
            assertEquals(List.of(), LogChecker.defects(log));

            DockerSupport.docker().startContainerCmd(id).exec();
            String after = "";
            for (int i = 0; i < 100 && !after.contains("🔄 RESTARTED at "); i++) {
                Thread.sleep(100);
                after = DockerSupport.readFile(id, "/app/memory_debug.log").substring(log.length());
            }
            assertTrue(after.contains("🔄 RESTARTED at "), after);
            assertTrue(after.contains("ended without a clean shutdown"), after);
            assertTrue(after.contains("Last record before it ended: [") && after.contains(" MB"), after);
            assertTrue(after.contains("OOM kill"), "the marker names the OOM kill: " + after);
            // The operation journal lives beside the log in the container's layer, which a restart keeps.
            assertTrue(Pattern.compile(Pattern.quote(dev.memdebug.log.LogLayout.JOURNAL_TITLE)
                    + "\n(  \\d\\. \\[[0-9:]{8}\\] (Session|Download) .+\n){5}").matcher(after).find(), after);
        } finally {
            DockerSupport.remove(id);
        }
    }

    @Test
    void steadyStaysCalm() throws Exception {
        String id = DockerSupport.run(512 * DockerSupport.MB, List.of("MEMDEBUG_SNAPSHOT_INTERVAL=3s"), "--simulate", "steady", "--duration", "15");
        try {
            InspectContainerResponse.ContainerState state = DockerSupport.awaitExit(id, 120);
            assertFalse(Boolean.TRUE.equals(state.getOOMKilled()));
            assertEquals(0L, state.getExitCodeLong());
            String log = DockerSupport.readFile(id, "/app/memory_debug.log");
            assertTrue(LogChecker.count(log, "📊 Periodic Snapshot:") >= 4, log);
            assertEquals(0, LogChecker.count(log, "CRITICAL MEMORY"), log);
            assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
        } finally {
            DockerSupport.remove(id);
        }
    }

    @Test
    void aLeakShowsItsTrendBeforeTheKill() throws Exception {
        // The leak is in direct buffers: with the default direct cap (= max heap, 307 MB) it would end in
        // an OutOfMemoryError the bot survives; raised, the kernel's 512 MB limit is reached first.
        String id = DockerSupport.run(512 * DockerSupport.MB,
                List.of("MEMDEBUG_SNAPSHOT_INTERVAL=5s", "JAVA_OPTS=-XX:MaxDirectMemorySize=1g"), "--simulate", "leak");
        try {
            InspectContainerResponse.ContainerState state = DockerSupport.awaitExit(id, 400);
            assertTrue(Boolean.TRUE.equals(state.getOOMKilled()), state.toString());
            String log = DockerSupport.readFile(id, "/app/memory_debug.log");
            List<Double> figures = new ArrayList<>();
            Matcher m = Pattern.compile("📊 Periodic Snapshot: ([0-9.]+) MB").matcher(log);
            while (m.find()) {
                figures.add(Double.parseDouble(m.group(1)));
            }
            assertTrue(figures.size() >= 6, log);
            assertTrue(figures.get(figures.size() - 1) - figures.get(0) > 200, "the snapshots climb: " + figures);
            int rising = 0;
            for (int i = 1; i < figures.size(); i++) {
                rising += figures.get(i) >= figures.get(i - 1) ? 1 : 0;
            }
            assertTrue(rising * 4 >= (figures.size() - 1) * 3, "mostly rising: " + figures);
            assertTrue(log.contains("CRITICAL MEMORY"), log);
        } finally {
            DockerSupport.remove(id);
        }
    }
}
