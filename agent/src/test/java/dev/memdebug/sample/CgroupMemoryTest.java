package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.sample.CgroupMemory.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CgroupMemory} on fixture trees under {@code src/test/resources/fixtures/cgroup}. */
class CgroupMemoryTest {

    private static final long MIB = 1024 * 1024;
    private static final String DOCKER_ID = "4f2a9c1b7e3d8a6f0c5b2e9d1a7f3c8b6e0d4a2f9c1b7e3d8a6f0c5b2e9d1a7f";

    static Path fixture(String name) {
        try {
            return Path.of(CgroupMemoryTest.class.getResource("/fixtures/cgroup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void v2Limited() {
        Path root = fixture("v2-limited");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V2, c.version());
        assertEquals(root.resolve("sys/fs/cgroup"), c.directory(), "cgroup namespace: 0::/ is the mount point");
        assertEquals(512 * MIB, c.limitBytes());
        assertEquals("cgroup v2 " + root.resolve("sys/fs/cgroup/memory.max"), c.limitSource());
        assertEquals(338472960L, c.usageBytes());
        assertEquals(338472960L - 84672512L, c.workingSetBytes(), "memory.current minus inactive_file");
        assertEquals(1, c.oomKillCount());
        assertEquals(2, c.oomCount());
        assertEquals(-1, c.underOom(), "v2 has no under_oom");
        assertNull(c.lastProblem());
    }

    @Test
    void v2MaxIsNoLimit() {
        Path root = fixture("v2-unlimited");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V2, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/system.slice/bot.service"), c.directory());
        assertEquals(-1, c.limitBytes());
        assertEquals("cgroup v2 " + root.resolve("sys/fs/cgroup/system.slice/bot.service/memory.max") + " (no limit set)", c.limitSource());
        assertEquals(338472960L, c.usageBytes());
        assertEquals(0, c.oomKillCount());
        assertEquals(0, c.oomCount());
        assertNull(c.lastProblem(), "the host's root cgroup has no memory.max, and it is not read");
    }

    @Test
    void v2ParentLimitApplies() {
        Path root = fixture("v2-parent-limit");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V2, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/app.slice/worker.service"), c.directory());
        assertEquals(256 * MIB, c.limitBytes());
        assertEquals("cgroup v2 " + root.resolve("sys/fs/cgroup/app.slice/memory.max") + " (set on a parent cgroup)", c.limitSource());
        assertEquals(190840832L, c.usageBytes(), "usage is the process's own cgroup's");
    }

    @Test
    void v2RootCgroupWithoutMemoryFilesIsNone() {
        CgroupMemory c = CgroupMemory.detect(fixture("v2-root-cgroup"));
        assertEquals(Version.NONE, c.version());
        assertNull(c.directory());
        assertTrue(c.lastProblem().contains("has no memory.current"), c.lastProblem());
        assertEquals(-1, c.limitBytes());
        assertEquals(-1, c.usageBytes());
        assertEquals(-1, c.workingSetBytes());
        assertEquals(-1, c.oomKillCount());
        assertEquals("no memory cgroup", c.limitSource());
    }

    @Test
    void v1Limited() {
        Path root = fixture("v1-limited");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/memory/bot"), c.directory());
        assertEquals(512 * MIB, c.limitBytes());
        assertEquals("cgroup v1 " + root.resolve("sys/fs/cgroup/memory/bot/memory.limit_in_bytes"), c.limitSource());
        assertEquals(340262912L, c.usageBytes());
        assertEquals(340262912L - 90112000L, c.workingSetBytes(), "usage minus total_inactive_file, not inactive_file");
        assertEquals(3, c.oomKillCount());
        assertEquals(0, c.underOom());
        assertEquals(-1, c.oomCount(), "v1 has no oom counter");
        assertNull(c.lastProblem());
    }

    @Test
    void v1HugeValueIsNoLimit() {
        Path root = fixture("v1-unlimited");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        assertEquals(-1, c.limitBytes());
        assertTrue(c.limitSource().endsWith("memory/bot/memory.limit_in_bytes (no limit set)"), c.limitSource());
        assertEquals(340262912L, c.usageBytes());
        assertEquals(0, c.oomKillCount());
    }

    @Test
    void v1ParentLimitFromHierarchicalMemoryLimit() {
        Path root = fixture("v1-parent-limit");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(root.resolve("sys/fs/cgroup/memory/batch/bot"), c.directory());
        assertEquals(1024 * MIB, c.limitBytes());
        assertEquals("cgroup v1 " + root.resolve("sys/fs/cgroup/memory/batch/bot/memory.stat")
                + " hierarchical_memory_limit (set on a parent cgroup)", c.limitSource());
    }

    @Test
    void v1InsideDockerUsesTheMountRoot() {
        Path root = fixture("v1-docker");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/memory"), c.directory(),
                "/docker/<id> in /proc/self/cgroup is the mount's root, so the directory is the mount point");
        assertEquals(512 * MIB, c.limitBytes());
        assertEquals(3, c.oomKillCount());
        assertNull(c.lastProblem());
    }

    @Test
    void v1CombinedControllers() {
        Path root = fixture("v1-combined");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/blkio,memory/batch/job-17"), c.directory());
        assertEquals(768 * MIB, c.limitBytes());
    }

    @Test
    void v1PathOutsideTheMountFallsBackToTheMountPoint() {
        Path root = fixture("v1-root-mismatch");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        assertEquals(root.resolve("sys/fs/cgroup/memory"), c.directory());
        assertEquals(512 * MIB, c.limitBytes());
        assertTrue(c.lastProblem().contains("/docker/" + DOCKER_ID + " is not under"), c.lastProblem());
    }

    @Test
    void hybridUsesV1ForMemory(@TempDir Path tmp) throws IOException {
        Path root = fixture("hybrid");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(Version.V1, c.version());
        String session = "user.slice/user-1000.slice/session-3.scope";
        assertEquals(root.resolve("sys/fs/cgroup/memory/" + session), c.directory());
        assertEquals(768 * MIB, c.limitBytes());
        assertEquals(3, c.oomKillCount());

        Path copy = copy(root, tmp.resolve("hybrid"));
        Path unified = copy.resolve("sys/fs/cgroup/unified/" + session);
        Files.writeString(unified.resolve("memory.current"), "1\n");
        Files.writeString(unified.resolve("memory.max"), "1\n");
        CgroupMemory withV2Files = CgroupMemory.detect(copy);
        assertEquals(Version.V1, withV2Files.version(), "v1 wins even when the v2 hierarchy has memory files");
        assertEquals(768 * MIB, withV2Files.limitBytes());
    }

    @Test
    void procDirCanBeGivenApart(@TempDir Path tmp) throws IOException {
        Path root = fixture("v1-limited");
        Path proc = copy(root.resolve("proc/self"), tmp.resolve("proc/4242"));
        CgroupMemory c = CgroupMemory.detect(root, proc);
        assertEquals(root.resolve("sys/fs/cgroup/memory/bot"), c.directory());
    }

    @Test
    void noCgroupFilesAtAllIsNoneWithoutException(@TempDir Path empty) {
        CgroupMemory c = CgroupMemory.detect(empty);
        assertEquals(Version.NONE, c.version());
        assertNull(c.directory());
        assertTrue(c.lastProblem().contains("cannot read " + empty.resolve("proc/self/cgroup")), c.lastProblem());
        assertTrue(c.lastProblem().contains("not Linux"), c.lastProblem());
        assertEquals(-1, c.limitBytes());
        assertEquals(-1, c.usageBytes());
        assertEquals(-1, c.workingSetBytes());
        assertEquals(-1, c.oomKillCount());
        assertEquals(-1, c.oomCount());
        assertTrue(c.toString().startsWith("no memory cgroup ("), c.toString());
    }

    @Test
    void cgroupWithoutMountinfoIsNone(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("proc/self"));
        Files.writeString(tmp.resolve("proc/self/cgroup"), "0::/\n");
        CgroupMemory c = CgroupMemory.detect(tmp);
        assertEquals(Version.NONE, c.version());
        assertTrue(c.lastProblem().startsWith("cannot read " + tmp.resolve("proc/self/mountinfo")), c.lastProblem());
    }

    @Test
    void cgroupWithoutMemoryControllerIsNone(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("proc/self"));
        Files.writeString(tmp.resolve("proc/self/cgroup"), "2:cpu,cpuacct:/\n1:name=systemd:/\n");
        CgroupMemory c = CgroupMemory.detect(tmp);
        assertEquals(Version.NONE, c.version());
        assertTrue(c.lastProblem().contains("names no memory controller"), c.lastProblem());
    }

    @Test
    void valuesAreReadAnewAndMissingFilesAreRemembered(@TempDir Path tmp) throws IOException {
        Path root = copy(fixture("v2-limited"), tmp.resolve("v2"));
        Path dir = root.resolve("sys/fs/cgroup");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(338472960L, c.usageBytes());
        Files.writeString(dir.resolve("memory.current"), "400000000\n");
        Files.writeString(dir.resolve("memory.max"), "max\n");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 90\noom 3\noom_kill 2\noom_group_kill 0\n");
        assertEquals(400000000L, c.usageBytes());
        assertEquals(-1, c.limitBytes());
        assertEquals(2, c.oomKillCount());

        Files.delete(dir.resolve("memory.stat"));
        assertEquals(400000000L, c.workingSetBytes(), "usage when memory.stat cannot be read");
        assertTrue(c.lastProblem().startsWith("cannot read " + dir.resolve("memory.stat")), c.lastProblem());
        Files.delete(dir.resolve("memory.events"));
        assertEquals(-1, c.oomKillCount());
        assertTrue(c.lastProblem().startsWith("cannot read " + dir.resolve("memory.events")), c.lastProblem());
    }

    @Test
    void v1WithoutOomKillCounterIsUnknown(@TempDir Path tmp) throws IOException {
        Path root = copy(fixture("v1-limited"), tmp.resolve("v1"));
        Path dir = root.resolve("sys/fs/cgroup/memory/bot");
        Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\n");
        CgroupMemory c = CgroupMemory.detect(root);
        assertEquals(-1, c.oomKillCount(), "kernels before 4.13 have no oom_kill");
        assertEquals("no oom_kill in " + dir.resolve("memory.oom_control"), c.lastProblem());
    }

    @Test
    void workingSetIsNotNegative(@TempDir Path tmp) throws IOException {
        Path root = copy(fixture("v2-limited"), tmp.resolve("v2"));
        Files.writeString(root.resolve("sys/fs/cgroup/memory.current"), "1000\n");
        assertEquals(0, CgroupMemory.detect(root).workingSetBytes());
    }

    @Test
    void detectOnThisMachineNeverThrows() {
        CgroupMemory c = CgroupMemory.detect();
        assertNotNull(c.version());
        if (c.version() == Version.NONE) {
            assertNotNull(c.lastProblem());
        } else {
            assertTrue(Files.isDirectory(c.directory()), c.toString());
            assertTrue(c.usageBytes() > 0, c + ": " + c.lastProblem());
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
