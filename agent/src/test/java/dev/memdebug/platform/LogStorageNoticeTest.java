package dev.memdebug.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.platform.Platform.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header's lines about where the log lives, on the mountinfo fixtures. */
class LogStorageNoticeTest {

    private static final Path APP_LOG = Path.of("/app/memory_debug.log");

    private static LogStorageNotice notice(String fixture, Platform platform, Path log, boolean existed, boolean stream) {
        DirectoryPersistence where = LogPersistence.read(LogPersistenceTest.fixture(fixture), platform).check(log.getParent());
        return LogStorageNotice.of(where, platform, log, existed, stream);
    }

    @Test
    void renderWithoutDiskWarnsWithTheFixAndPointsToTheStream() {
        LogStorageNotice n = notice("render-no-disk", new Platform(Kind.RENDER, "bot"), APP_LOG, false, true);
        assertTrue(n.willBeLost());
        assertEquals(2, n.lines().size(), n.lines().toString());
        String warning = n.lines().get(0);
        assertTrue(warning.startsWith(LogStorageNotice.WARNING + "/app is on the root file system (overlay)"), warning);
        assertTrue(warning.contains("set MEMDEBUG_LOG_PATH=/var/data/memory_debug.log."), warning);
        assertTrue(warning.contains("stderr, each line prefixed with [memdebug]"), warning);
        assertTrue(n.lines().get(1).startsWith("No earlier log at /app/memory_debug.log: "), n.lines().get(1));
        assertTrue(n.lines().get(1).contains("Logs tab in the Render dashboard"), n.lines().get(1));
    }

    @Test
    void withTheStreamOffTheWarningSaysNothingWillBeLeft() {
        LogStorageNotice n = notice("render-no-disk", new Platform(Kind.RENDER, "bot"), APP_LOG, true, false);
        assertEquals(1, n.lines().size(), "the log was there: no 'no earlier log' line");
        assertTrue(n.lines().get(0).endsWith("log.stderr=false, so nothing of this log will be left anywhere after a restart."));
    }

    @Test
    void aRenderDiskIsPersistentAndSaysSoWithoutWarning() {
        LogStorageNotice n = notice("render-with-disk", new Platform(Kind.RENDER, "bot"), Path.of("/var/data/memory_debug.log"), false, true);
        assertFalse(n.willBeLost());
        assertEquals(List.of(LogStorageNotice.STORAGE + "/var/data is on the ext4 mount at /var/data (/dev/nvme1n1), a separate disk, which survives restarts and redeploys."),
                n.lines(), "a first run on a disk is just a first run");
    }

    @Test
    void aRenderAppDirectoryBesideADiskNamesTheDisk() {
        LogStorageNotice n = notice("render-with-disk", new Platform(Kind.RENDER, "bot"), APP_LOG, true, true);
        assertTrue(n.willBeLost());
        assertTrue(n.lines().get(0).contains("Set MEMDEBUG_LOG_PATH=/var/data/memory_debug.log: /var/data is a mount that survives restarts."),
                n.lines().get(0));
    }

    @Test
    void plainDockerKeepsTheLogAcrossARestartOfTheSameContainer() {
        LogStorageNotice n = notice("docker-plain", new Platform(Kind.DOCKER, ""), APP_LOG, false, true);
        assertFalse(n.willBeLost());
        assertTrue(n.lines().get(0).startsWith(LogStorageNotice.STORAGE + "/app is on the root file system (overlay), the container's own writable layer: kept when the same container restarts"),
                n.lines().get(0));
        assertTrue(n.lines().get(1).contains("docker logs CONTAINER 2>&1 | grep memdebug"), n.lines().get(1));
    }

    @Test
    void aHostFirstRunIsQuiet() {
        LogStorageNotice n = notice("host", new Platform(Kind.HOST, ""), Path.of("/home/app/memory_debug.log"), false, true);
        assertFalse(n.willBeLost());
        assertEquals(1, n.lines().size(), n.lines().toString());
        assertTrue(n.lines().get(0).startsWith(LogStorageNotice.STORAGE), n.lines().get(0));
    }
}
