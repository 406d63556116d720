package dev.memdebug.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.AnalyzeCommand;
import dev.memdebug.it.support.LogChecker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

/**
 * A real OOM kill followed by the restart Render does: a new container from the same image, so the
 * first one's files are gone. Without a disk the header warns before the crash and the log stream
 * ({@code docker logs}) holds the prefixed CRITICAL block, which {@code memdebug analyze} reads; with a
 * volume for the log, the new container's restart marker names the killed run.
 */
class PlatformRestartTest {

    private static final List<String> RENDER = List.of("RENDER=true", "RENDER_SERVICE_NAME=memdebug-sample-bot");

    @TempDir
    Path dir;

    @BeforeEach
    void docker() {
        DockerSupport.requireOrSkip();
    }

    @Test
    void withoutADiskTheHeaderWarnsAndTheStreamTellsTheStory() throws Exception {
        String first = DockerSupport.run(512 * DockerSupport.MB, RENDER, "--simulate", "seed-crash");
        String fileLog;
        String stream;
        try {
            DockerSupport.Exit exit = exitAfter(first, 300);
            assertTrue(exit.oomKilled(), "Docker reports the OOM kill");
            assertEquals(137L, exit.exitCode());
            fileLog = DockerSupport.readFile(first, "/app/memory_debug.log");
            stream = DockerSupport.logsOf(first);
        } finally {
            DockerSupport.remove(first);
        }
        assertTrue(fileLog.contains("Platform: Render (service memdebug-sample-bot)"), fileLog);
        assertTrue(fileLog.contains("⚠️ LOG WILL NOT SURVIVE A RESTART: /app is on the root file system (overlay), the container's own writable layer, which Render discards at every restart and deploy."
                + " Attach a disk in the Render dashboard (for example at /var/data) and set MEMDEBUG_LOG_PATH=/var/data/memory_debug.log."), fileLog);
        assertTrue(stream.contains("[memdebug] ⚠️ LOG WILL NOT SURVIVE A RESTART: "), "the warning reaches the stream before any crash");
        assertTrue(stream.indexOf("LOG WILL NOT SURVIVE") < stream.indexOf("CRITICAL MEMORY - CRASH IMMINENT"), stream);
        assertTrue(stream.contains("[memdebug] [") && stream.contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: "), stream);
        assertTrue(stream.contains("[memdebug] ⚠️ LIMIT EXCEEDED: Sessions 4 > 3") || stream.contains("] ⚠️ LIMIT EXCEEDED: Sessions 4 > 3"), stream);
        assertTrue(stream.contains("com.example.bot") || stream.contains("sample-bot") || stream.lines().anyMatch(l -> !l.contains("[memdebug]")),
                "the app's own lines are interleaved in the stream");

        // The stream alone gives the file's diagnosis.
        Path streamFile = Files.writeString(dir.resolve("render-log-stream.txt"), stream);
        Path logFile = Files.writeString(dir.resolve("memory_debug.log"), fileLog);
        Report fromStream = analyze(streamFile);
        Report fromFile = analyze(logFile);
        assertEquals(AnalyzeCommand.CRASH_FOUND, fromStream.code(), fromStream.text());
        assertEquals(AnalyzeCommand.CRASH_FOUND, fromFile.code(), fromFile.text());
        assertEquals(topFinding(fromFile.text()), topFinding(fromStream.text()), fromStream.text());
        assertTrue(topFinding(fromStream.text()).contains("Sessions"), fromStream.text());

        // Render restarts from the image: a new container, no earlier log, and the header says where it went.
        try (GenericContainer<?> restarted = DockerSupport.botContainer(512 * DockerSupport.MB, Duration.ofSeconds(120),
                "--simulate", "steady", "--duration", "2").withEnv("RENDER", "true")) {
            restarted.start();
            assertEquals(new DockerSupport.Exit(false, 0), DockerSupport.exitOf(restarted));
            String fresh = Files.readString(DockerSupport.copyOut(restarted, "/app/memory_debug.log", dir.resolve("fresh.log")));
            assertFalse(fresh.contains("🔄 RESTARTED"), fresh);
            assertTrue(fresh.contains("No earlier log at /app/memory_debug.log: this is the first run here, or the previous run's file was lost"
                    + " with the container's file system; if that run crashed, its last lines are in the platform's log stream"
                    + " (the service's Logs tab in the Render dashboard, search memdebug)."), fresh);
        }
    }

    @Test
    void withAVolumeTheNewContainersRestartMarkerNamesTheKilledRun() throws Exception {
        String volume = "memdebug-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> env = List.of("RENDER=true", "MEMDEBUG_LOG_PATH=/var/data/memory_debug.log");
        try {
            String first = DockerSupport.runWithVolume(512 * DockerSupport.MB, env, volume, "--simulate", "seed-crash");
            String before;
            try {
                assertTrue(exitAfter(first, 300).oomKilled());
                before = DockerSupport.readFile(first, "/var/data/memory_debug.log");
            } finally {
                DockerSupport.remove(first);
            }
            assertTrue(before.contains("Log storage: /var/data is on the ext4 mount at /var/data")
                    || before.contains("Log storage: /var/data is on the "), before);
            assertTrue(before.contains("a Docker volume, which survives restarts and redeploys."), before);
            assertFalse(before.contains("LOG WILL NOT SURVIVE"), before);
            assertTrue(before.contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: "), before);

            String second = DockerSupport.runWithVolume(512 * DockerSupport.MB, env, volume, "--simulate", "steady", "--duration", "2");
            try {
                assertEquals(new DockerSupport.Exit(false, 0), exitAfter(second, 120));
                String after = DockerSupport.readFile(second, "/var/data/memory_debug.log");
                assertTrue(after.startsWith(before), "nothing the killed run wrote is lost");
                String added = after.substring(before.length());
                assertTrue(added.contains("🔄 RESTARTED at "), added);
                assertTrue(added.contains("ended without a clean shutdown"), added);
                assertTrue(added.contains("Last record before it ended: [") && added.contains(" MB"), added);
                assertEquals(List.of(), LogChecker.defects(after));
            } finally {
                DockerSupport.remove(second);
            }
        } finally {
            DockerSupport.removeVolume(volume);
        }
    }

    private static DockerSupport.Exit exitAfter(String id, long seconds) throws Exception {
        DockerSupport.awaitExit(id, seconds);
        return DockerSupport.exitOf(id);
    }

    record Report(int code, String text) {
    }

    private static Report analyze(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Report(code, out.toString(StandardCharsets.UTF_8));
    }

    /** The first finding's title line of a text report. */
    private static String topFinding(String report) {
        return report.lines().filter(l -> l.strip().startsWith("1.")).findFirst().orElse("(no finding) " + report);
    }
}
