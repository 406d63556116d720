package dev.memdebug.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.platform.DirectoryPersistence.Survival;
import dev.memdebug.platform.Platform.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LogPersistence} on the mountinfo fixtures under {@code src/test/resources/fixtures/mountinfo}. */
class LogPersistenceTest {

    private static final Platform RENDER = new Platform(Kind.RENDER, "my-bot");
    private static final Platform KUBERNETES = new Platform(Kind.KUBERNETES, "bot-7d9f8-x2kqp");
    private static final Platform DOCKER = new Platform(Kind.DOCKER, "");
    private static final Platform HOST = new Platform(Kind.HOST, "");
    private static final Platform FLY = new Platform(Kind.FLY, "memdebug-demo");
    private static final Platform HEROKU = new Platform(Kind.HEROKU, "web.1");

    static Path fixture(String name) {
        try {
            return Path.of(LogPersistenceTest.class.getResource("/fixtures/mountinfo/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LogPersistence persistence(String fixture, Platform platform) {
        return LogPersistence.read(fixture(fixture), platform);
    }

    @Test
    void renderWithoutDisk() {
        LogPersistence lp = persistence("render-no-disk", RENDER);
        DirectoryPersistence p = lp.check(Path.of("/app"));
        assertEquals(Survival.EPHEMERAL, p.survival());
        assertFalse(p.persistent());
        assertFalse(p.survivesRestart());
        assertEquals("overlay", p.fsType());
        assertEquals(Path.of("/"), p.mountPoint());
        assertEquals("/app is on the root file system (overlay), the container's own writable layer, which Render discards at every restart and deploy.", p.reason());
        assertEquals("Attach a disk in the Render dashboard (for example at /var/data) and set MEMDEBUG_LOG_PATH=/var/data/memory_debug.log.", p.fix());
        assertEquals(List.of(), lp.persistentMountCandidates(), "/etc/hosts, /etc/hostname, /etc/resolv.conf and /dev/termination-log are ext4 binds but no candidates");
    }

    @Test
    void renderWithDisk() {
        LogPersistence lp = persistence("render-with-disk", RENDER);
        DirectoryPersistence disk = lp.check(Path.of("/var/data"));
        assertEquals(Survival.PERSISTENT, disk.survival());
        assertTrue(disk.persistent());
        assertEquals("ext4", disk.fsType());
        assertEquals(Path.of("/var/data"), disk.mountPoint());
        assertEquals("/dev/nvme1n1", disk.source());
        assertEquals("/var/data is on the ext4 mount at /var/data (/dev/nvme1n1), a separate disk, which survives restarts and redeploys.", disk.reason());
        assertEquals("", disk.fix());
        assertEquals(Survival.PERSISTENT, lp.check(Path.of("/var/data/logs/deep")).survival());

        DirectoryPersistence app = lp.check(Path.of("/app"));
        assertEquals(Survival.EPHEMERAL, app.survival());
        assertEquals("Set MEMDEBUG_LOG_PATH=/var/data/memory_debug.log: /var/data is a mount that survives restarts.", app.fix());
        assertEquals(Survival.EPHEMERAL, lp.check(Path.of("/var/database")).survival(), "/var/database is not under /var/data");
        assertEquals(List.of(Path.of("/var/data")), lp.persistentMountCandidates());
    }

    @Test
    void kubernetesEmptyDirSurvivesAContainerRestartOnly() {
        LogPersistence lp = persistence("k8s-emptydir", KUBERNETES);
        DirectoryPersistence p = lp.check(Path.of("/var/log/memdebug"));
        assertEquals(Survival.SURVIVES_RESTART, p.survival());
        assertTrue(p.survivesRestart());
        assertFalse(p.persistent());
        assertEquals("ext4", p.fsType());
        assertEquals("/var/log/memdebug is on the ext4 mount at /var/log/memdebug (/dev/nvme0n1p1), a Kubernetes emptyDir volume: it survives a container restart in the same pod (what an OOM kill causes) but not the pod's deletion, eviction or rescheduling.", p.reason());
        assertEquals("For a log that also outlives the pod, mount a PersistentVolumeClaim (for example at /var/log/memdebug) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/memory_debug.log.", p.fix());

        DirectoryPersistence app = lp.check(Path.of("/app"));
        assertEquals(Survival.EPHEMERAL, app.survival());
        assertTrue(app.reason().endsWith("is lost when Kubernetes restarts the container from its image."), app.reason());
        assertEquals("Mount a PersistentVolumeClaim (for example at /var/log/memdebug) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/memory_debug.log; an emptyDir volume would survive container restarts but not the pod's deletion or rescheduling.", app.fix());

        DirectoryPersistence config = lp.check(Path.of("/app/agent.properties"));
        assertTrue(config.readOnly());
        assertTrue(config.reason().endsWith("it is mounted read-only, so the log cannot be written there."), config.reason());
        assertEquals(Survival.EPHEMERAL, lp.check(Path.of("/var/run/secrets/kubernetes.io/serviceaccount")).survival(), "tmpfs");
        assertEquals(List.of(), lp.persistentMountCandidates());
    }

    @Test
    void kubernetesPersistentVolumeClaims() {
        LogPersistence lp = persistence("k8s-pvc", KUBERNETES);
        DirectoryPersistence block = lp.check(Path.of("/var/log/memdebug"));
        assertEquals(Survival.PERSISTENT, block.survival());
        assertEquals("/dev/nvme2n1", block.source());
        assertEquals("", block.fix());
        DirectoryPersistence nfs = lp.check(Path.of("/shared/bot"));
        assertEquals(Survival.PERSISTENT, nfs.survival());
        assertEquals("nfs4", nfs.fsType());
        assertTrue(nfs.reason().contains("a network file system"), nfs.reason());
        assertEquals(List.of(Path.of("/var/log/memdebug"), Path.of("/shared")), lp.persistentMountCandidates());
    }

    @Test
    void dockerWritableLayer() {
        LogPersistence lp = persistence("docker-plain", DOCKER);
        DirectoryPersistence p = lp.check(Path.of("/app"));
        assertEquals(Survival.SURVIVES_RESTART, p.survival());
        assertFalse(p.persistent());
        assertEquals("overlay", p.fsType());
        assertEquals("/app is on the root file system (overlay), the container's own writable layer: kept when the same container restarts (docker restart, a --restart policy after an OOM kill) but lost when the container is removed or recreated (a new image, a redeploy).", p.reason());
        assertEquals("Mount a volume (docker run -v memdebug:/var/log/memdebug ...) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/memory_debug.log.", p.fix());
        assertEquals(Survival.EPHEMERAL, lp.check(Path.of("/dev/shm")).survival());
        assertEquals(List.of(), lp.persistentMountCandidates());
    }

    @Test
    void dockerVolume() {
        LogPersistence lp = persistence("docker-volume", DOCKER);
        DirectoryPersistence p = lp.check(Path.of("/var/log/memdebug"));
        assertEquals(Survival.PERSISTENT, p.survival());
        assertEquals("/var/log/memdebug is on the ext4 mount at /var/log/memdebug (/dev/sda1), a Docker volume, which survives restarts and redeploys.", p.reason());
        assertEquals(List.of(Path.of("/var/log/memdebug")), lp.persistentMountCandidates(), "the read-only /app/agent.properties is no candidate");
        assertEquals("Set MEMDEBUG_LOG_PATH=/var/log/memdebug/memory_debug.log: /var/log/memdebug is a mount that survives restarts.",
                lp.check(Path.of("/app")).fix());
    }

    @Test
    void host() {
        LogPersistence lp = persistence("host", HOST);
        DirectoryPersistence root = lp.check(Path.of("/var/log/memdebug"));
        assertEquals(Survival.PERSISTENT, root.survival());
        assertEquals(Path.of("/"), root.mountPoint());
        assertEquals("/var/log/memdebug is on the root file system (ext4 on /dev/nvme0n1p2), this machine's root file system, which survives restarts.", root.reason());
        assertEquals("", root.fix());

        DirectoryPersistence tmp = lp.check(Path.of("/tmp/memdebug"));
        assertEquals(Survival.SURVIVES_RESTART, tmp.survival());
        assertEquals("/tmp/memdebug is on the tmpfs mount at /tmp, which is kept in memory: it survives a restart of the process but not a reboot.", tmp.reason());
        assertEquals("Set MEMDEBUG_LOG_PATH=/home/memory_debug.log: /home is a mount that survives restarts.", tmp.fix());

        DirectoryPersistence spaced = lp.check(Path.of("/mnt/backup disk/logs"));
        assertEquals(Path.of("/mnt/backup disk"), spaced.mountPoint());
        assertEquals("/dev/sdb1", spaced.source());
        assertEquals(Path.of("/"), lp.check(Path.of("/mnt/backupdisk")).mountPoint());
        assertEquals(Path.of("/home"), lp.check(Path.of("/home/dev/bot/../logs")).mountPoint());
        assertEquals(List.of(Path.of("/home"), Path.of("/mnt/backup disk")), lp.persistentMountCandidates(),
                "not /boot/efi, the read-only snap, /run or tmpfs");
    }

    @Test
    void flyResetsTheRootFileSystem(@TempDir Path tmp) throws IOException {
        LogPersistence lp = persistence("fly-volume", FLY);
        DirectoryPersistence app = lp.check(Path.of("/app"));
        assertEquals(Survival.EPHEMERAL, app.survival(), "ext4 on /dev/vda, but Fly.io resets it");
        assertTrue(app.reason().endsWith("which Fly.io resets from the image at every Machine restart."), app.reason());
        assertEquals("Set MEMDEBUG_LOG_PATH=/data/memory_debug.log: /data is a mount that survives restarts.", app.fix());
        assertEquals(Survival.PERSISTENT, lp.check(Path.of("/data")).survival());

        Path noVolume = tmp.resolve("mountinfo");
        Files.write(noVolume, Files.readAllLines(fixture("fly-volume")).stream().filter(l -> !l.contains(" /data ")).toList());
        assertEquals("Create a volume (fly volumes create memdebug_data), mount it in fly.toml ([mounts] destination = \"/data\") and set MEMDEBUG_LOG_PATH=/data/memory_debug.log.",
                LogPersistence.read(noVolume, FLY).check(Path.of("/app")).fix());
    }

    @Test
    void herokuIsAlwaysEphemeral() {
        LogPersistence lp = persistence("host", HEROKU);
        DirectoryPersistence p = lp.check(Path.of("/home/app"));
        assertEquals(Survival.EPHEMERAL, p.survival());
        assertTrue(p.reason().contains("Heroku gives a dyno a fresh file system at every restart"), p.reason());
        assertEquals("Heroku dyno file systems are always ephemeral: read the log stream instead (heroku logs --tail | grep memdebug) or ship the logs to a log drain.", p.fix());
        assertEquals(List.of(), lp.persistentMountCandidates());
    }

    @Test
    void unreadableMountinfoIsUnknown(@TempDir Path tmp) {
        DirectoryPersistence p = LogPersistence.read(tmp.resolve("mountinfo"), DOCKER).check(Path.of("/app"));
        assertEquals(Survival.UNKNOWN, p.survival());
        assertEquals("unknown", p.fsType());
        assertNull(p.mountPoint());
        assertEquals("Cannot tell whether /app survives a restart: cannot read " + tmp.resolve("mountinfo") + " (it does not exist).", p.reason());
        assertEquals("Mount a volume (docker run -v memdebug:/var/log/memdebug ...) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/memory_debug.log.", p.fix());
    }

    @Test
    void aLaterMountHidesAnEarlierOneAtTheSamePoint() {
        List<Mount> mounts = List.of(
                Mount.parse("31 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw"),
                Mount.parse("95 31 259:3 / /data rw,relatime shared:63 - ext4 /dev/nvme0n1p3 rw"),
                Mount.parse("96 95 0:50 / /data rw,relatime - tmpfs tmpfs rw"));
        LogPersistence lp = new LogPersistence(mounts, HOST);
        assertEquals("tmpfs", lp.check(Path.of("/data/logs")).fsType());
        assertEquals(List.of(), lp.persistentMountCandidates());
    }

    @Test
    void aWritableMountOfOneFileIsNoCandidate(@TempDir Path tmp) throws IOException {
        Path file = Files.createFile(tmp.resolve("agent.properties"));
        Path dir = Files.createDirectory(tmp.resolve("logs"));
        List<Mount> mounts = List.of(
                Mount.parse("512 468 0:52 / / rw,relatime - overlay overlay rw"),
                Mount.parse("523 512 8:1 /srv/bot/agent.properties " + file + " rw,relatime - ext4 /dev/sda1 rw"),
                Mount.parse("524 512 8:1 /srv/bot/logs " + dir + " rw,relatime - ext4 /dev/sda1 rw"));
        LogPersistence lp = new LogPersistence(mounts, DOCKER);
        assertEquals(List.of(dir), lp.persistentMountCandidates());
        assertEquals(dir + " is on the ext4 mount at " + dir + " (/dev/sda1), a directory of the host (/srv/bot/logs) mounted into the container, which survives restarts and redeploys.",
                lp.check(dir).reason());
    }

    @Test
    void thisMachineNeverThrows() {
        Platform platform = Platform.detect(System.getenv(), Path.of("/"));
        LogPersistence lp = LogPersistence.read(Path.of("/proc/self/mountinfo"), platform);
        DirectoryPersistence p = lp.check(Path.of(System.getProperty("java.io.tmpdir")));
        assertFalse(p.reason().isEmpty());
        lp.persistentMountCandidates();
    }
}
