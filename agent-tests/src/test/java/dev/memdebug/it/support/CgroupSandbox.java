package dev.memdebug.it.support;

import dev.memdebug.sample.CgroupMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real cgroup v1 memory cgroup with a hard limit, created under this process's own memory cgroup, into
 * which a forked JVM is moved before it starts (through {@link #prefix()}), so the kernel's OOM killer
 * really ends it. Closing it kills what is left inside and removes the cgroup.
 *
 * <p>Where the controller is not writable the tests using it are skipped with the reason, unless
 * {@code MEMDEBUG_REQUIRE_CGROUP=true} (set by {@code .ci/run}), which makes that a failure.
 */
public final class CgroupSandbox implements AutoCloseable {

    private final Path dir;

    private CgroupSandbox(Path dir) {
        this.dir = dir;
    }

    public static CgroupSandbox create(String name, long limitBytes) throws IOException {
        CgroupMemory own = CgroupMemory.detect();
        String why = null;
        if (own.version() != CgroupMemory.Version.V1) {
            why = "this machine's memory cgroup is " + own.version() + " (" + own + "); the real-OOM tests use a writable cgroup v1 controller";
        } else if (!Files.isWritable(own.directory())) {
            why = "the memory cgroup " + own.directory() + " is not writable (run as root on a host with cgroup v1)";
        }
        if (why != null) {
            if ("true".equals(System.getenv("MEMDEBUG_REQUIRE_CGROUP"))) {
                throw new AssertionError("MEMDEBUG_REQUIRE_CGROUP=true but " + why);
            }
            Assumptions.abort(why);
        }
        Path dir = own.directory().resolve("memdebug-" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(dir);
        CgroupSandbox sandbox = new CgroupSandbox(dir);
        try {
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
            Path memsw = dir.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                Files.writeString(memsw, Long.toString(limitBytes));
            }
        } catch (IOException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    public Path directory() {
        return dir;
    }

    /** A command prefix that moves the shell into the cgroup and then execs the rest of the command. */
    public String[] prefix() {
        return new String[] {"sh", "-c", "echo $$ > " + dir.resolve("cgroup.procs") + " && exec \"$@\"", "sh"};
    }

    /** The cgroup's OOM kill counter ({@code memory.oom_control} {@code oom_kill}). */
    public long oomKills() throws IOException {
        for (String line : Files.readAllLines(dir.resolve("memory.oom_control"))) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring(9).trim());
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> pids = Files.readAllLines(dir.resolve("cgroup.procs"));
            if (pids.isEmpty() || pids.stream().allMatch(String::isBlank)) {
                break;
            }
            for (String pid : pids) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Files.deleteIfExists(dir);
    }
}
