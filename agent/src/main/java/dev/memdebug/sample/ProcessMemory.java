package dev.memdebug.sample;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process as {@code /proc/self} shows it: resident and virtual size ({@code statm}), threads
 * ({@code status}) and open files ({@code fd}). The path is given, so tests read fixtures.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread. Never throws: figures it cannot read are -1.
 */
public final class ProcessMemory {

    private final Path statm;
    private final Path status;
    private final Path fd;
    private final long pageSize;
    private final ProcFile file = new ProcFile(4096);
    private final boolean available;

    public ProcessMemory(Path procSelf) {
        this(procSelf, 4096);
    }

    public ProcessMemory(Path procSelf, long pageSize) {
        this.statm = procSelf.resolve("statm");
        this.status = procSelf.resolve("status");
        this.fd = procSelf.resolve("fd");
        this.pageSize = pageSize;
        this.available = Files.isReadable(statm);
    }

    /** Whether {@code /proc} exists here (Linux); without it callers fall back to JVM figures. */
    public boolean available() {
        return available;
    }

    /** Resident set size in bytes (one small read of {@code statm}); -1 if unreadable. */
    public long rssBytes() {
        if (file.read(statm) < 0) {
            return -1;
        }
        long pages = file.field(1);
        return pages < 0 ? -1 : pages * pageSize;
    }

    public long virtualBytes() {
        if (file.read(statm) < 0) {
            return -1;
        }
        long pages = file.field(0);
        return pages < 0 ? -1 : pages * pageSize;
    }

    public int threadCount() {
        if (file.read(status) < 0) {
            return -1;
        }
        return (int) file.keyed("Threads:");
    }

    /** Open file descriptors; lists a directory, so only for snapshots, not for every check. */
    public int openFileCount() {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fd)) {
            for (Path ignored : entries) {
                n++;
            }
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return Math.max(0, n - 1);
    }
}
