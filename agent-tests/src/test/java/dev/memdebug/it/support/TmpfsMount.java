package dev.memdebug.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small real tmpfs mounted on a directory, for a log directory that fills up or turns read-only under a
 * running agent. Needs root (the tests are skipped with the reason elsewhere). Closing it unmounts it,
 * lazily if a killed child still holds a file open.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} ({@code 64k}, {@code 1m}) on {@code dir}, created if needed. */
    public static TmpfsMount create(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString());
        if (failure != null) {
            Assumptions.abort("cannot mount a tmpfs (needs root): " + failure);
        }
        return new TmpfsMount(dir);
    }

    public Path dir() {
        return dir;
    }

    public void readOnly() throws Exception {
        require(run("mount", "-o", "remount,ro", dir.toString()));
    }

    public void writable() throws Exception {
        require(run("mount", "-o", "remount,rw", dir.toString()));
    }

    @Override
    public void close() throws Exception {
        if (run("umount", dir.toString()) != null) {
            run("umount", "-l", dir.toString());
        }
    }

    private static void require(String failure) {
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /** Runs a command; returns {@code null} on success, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not end";
        }
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + " " + out;
    }
}
