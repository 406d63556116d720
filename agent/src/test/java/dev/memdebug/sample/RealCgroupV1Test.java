package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.memdebug.sample.CgroupMemory.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link CgroupMemory} against the running kernel: a child cgroup with a 512 MiB limit is made inside
 * this JVM's own v1 memory cgroup, a {@code sleep} moves itself in (the shell writes its pid to
 * {@code cgroup.procs}, then execs, so the sleep's pages are charged to the new cgroup) and the detector
 * reads that process's {@code /proc/<pid>/cgroup} and {@code mountinfo}.
 *
 * <p>Skipped, with the reason, where this JVM's memory cgroup is not v1 or not writable; with
 * {@code MEMDEBUG_REQUIRE_CGROUP=true} (as {@code .ci/run} sets) that is a failure instead.
 */
class RealCgroupV1Test {

    private static final long LIMIT = 512L * 1024 * 1024;

    private Path cgroup;
    private Process child;

    @Test
    void detectsTheLimitAndUsageOfARealCgroup() throws Exception {
        CgroupMemory own = CgroupMemory.detect();
        if (own.version() != Version.V1) {
            skip("this JVM's memory cgroup is " + own + "; the test needs a cgroup v1 memory controller");
        }
        if (!Files.isWritable(own.directory())) {
            skip("the memory cgroup " + own.directory() + " is not writable (run as root where the controller is writable)");
        }
        Path dir = own.directory().resolve("memdebug-test-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            skip("cannot create a cgroup under " + own.directory() + ": " + e);
        }
        cgroup = dir;
        Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(LIMIT));
        child = new ProcessBuilder("sh", "-c", "echo $$ > \"$1\" && exec sleep 30", "sh", dir.resolve("cgroup.procs").toString())
                .redirectErrorStream(true)
                .start();
        Path proc = Path.of("/proc", Long.toString(child.pid()));
        awaitMoved(proc.resolve("cgroup"), dir.getFileName().toString());

        CgroupMemory c = CgroupMemory.detect(Path.of("/"), proc);

        assertEquals(Version.V1, c.version(), String.valueOf(c.lastProblem()));
        assertEquals(dir, c.directory());
        assertEquals(LIMIT, c.limitBytes());
        assertEquals("cgroup v1 " + dir.resolve("memory.limit_in_bytes"), c.limitSource());
        long usage = c.usageBytes();
        assertTrue(usage > 0 && usage < LIMIT, "usage " + usage);
        long workingSet = c.workingSetBytes();
        assertTrue(workingSet > 0 && workingSet <= usage, "working set " + workingSet + " of usage " + usage);
        assertEquals(0, c.oomKillCount());
        assertEquals(0, c.underOom());
        assertNull(c.lastProblem());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (cgroup != null) {
            for (int attempt = 0; attempt < 50 && Files.exists(cgroup); attempt++) {
                try {
                    Files.delete(cgroup);
                } catch (IOException busy) {
                    Thread.sleep(100);
                }
            }
            if (Files.exists(cgroup)) {
                fail("could not remove the test cgroup " + cgroup);
            }
        }
    }

    private void awaitMoved(Path procCgroup, String name) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!child.isAlive()) {
                fail("the child ended before moving into the cgroup: " + new String(child.getInputStream().readAllBytes()));
            }
            if (Files.readString(procCgroup).contains("/" + name + "\n")) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the child did not move into " + name + ": " + Files.readString(procCgroup));
    }

    private static void skip(String why) {
        if ("true".equals(System.getenv("MEMDEBUG_REQUIRE_CGROUP"))) {
            fail("MEMDEBUG_REQUIRE_CGROUP=true but " + why);
        }
        Assumptions.abort(why);
    }
}
