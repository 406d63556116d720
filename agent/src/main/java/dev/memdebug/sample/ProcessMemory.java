package dev.memdebug.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One process as its {@code /proc/<pid>} directory shows it: resident and virtual size
 * ({@code statm}), resident anonymous and file-backed memory and threads ({@code status}), open file
 * descriptors ({@code fd}). Where there is no such directory (not Linux, {@code /proc} not mounted)
 * {@link #available()} is false and callers use the JVM's MXBeans instead.
 *
 * <p>Sizes are in bytes; -1 (or {@link #openFileCount()} -1) when they cannot be read, with the reason
 * in {@link #lastProblem()}. Nothing is thrown.
 *
 * <p>Allocation: {@link #rssBytes()}, {@link #virtualBytes()}, {@link #threadCount()},
 * {@link #rssAnonBytes()} and {@link #rssFileBytes()} read one small file into a reused buffer (a few
 * small objects for the file handle); {@link #openFileCount()} lists a directory and allocates per
 * descriptor, so it belongs in snapshots, not in every sample.
 *
 * <p>Thread-safety: {@link #available()} from any thread; the other methods from one thread at a time.
 */
public final class ProcessMemory {

    private final File statm;
    private final File status;
    private final Path fd;
    private final long pageSize;
    private final boolean available;
    private final String unavailable;
    private final boolean ownProcess;
    private final ProcFile file = new ProcFile(8 * 1024);

    /** Reads {@code procDir} ({@code /proc/self}, {@code /proc/<pid>} or a fixture copy) with 4 KiB pages. */
    public ProcessMemory(Path procDir) {
        this(procDir, 4096);
    }

    /**
     * @param procDir  {@code /proc/self}, {@code /proc/<pid>} or a fixture copy
     * @param pageSize the kernel's page size, which {@code statm} counts in (4096 on x86-64; 16 or 64 KiB
     *                 on some arm64 kernels)
     */
    public ProcessMemory(Path procDir, long pageSize) {
        this.statm = procDir.resolve("statm").toFile();
        this.status = procDir.resolve("status").toFile();
        this.fd = procDir.resolve("fd");
        this.pageSize = pageSize;
        this.available = statm.canRead();
        this.unavailable = available ? null : "cannot read " + statm + " (no /proc here: not Linux, or /proc is not mounted)";
        this.ownProcess = isOwnProcess(procDir);
    }

    /** Whether the process directory exists and can be read; when false, use JVM figures. */
    public boolean available() {
        return available;
    }

    /** Resident set size ({@code statm} field 2 times the page size), or -1. */
    public long rssBytes() {
        return pages(file.readField(statm, 1));
    }

    /** Virtual size ({@code statm} field 1 times the page size), or -1. */
    public long virtualBytes() {
        return pages(file.readField(statm, 0));
    }

    /** Resident anonymous memory ({@code RssAnon} in {@code status}, kernel 4.5 and later): heap, stacks, malloc. Or -1. */
    public long rssAnonBytes() {
        return kib(file.readKeyedLong(status, "RssAnon:"));
    }

    /** Resident file-backed memory ({@code RssFile} in {@code status}): mapped jars, libraries, mapped files. Or -1. */
    public long rssFileBytes() {
        return kib(file.readKeyedLong(status, "RssFile:"));
    }

    /** Threads of the process ({@code Threads} in {@code status}), or -1. */
    public int threadCount() {
        long threads = file.readKeyedLong(status, "Threads:");
        return threads < 0 || threads > Integer.MAX_VALUE ? -1 : (int) threads;
    }

    /**
     * Open file descriptors: the entries of {@code fd}, not counting the one this listing itself holds
     * open when the directory is this process's own. -1 when it cannot be listed.
     */
    public int openFileCount() {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fd)) {
            for (Path ignored : entries) {
                n++;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ownProcess ? Math.max(0, n - 1) : n;
    }

    /**
     * The header's line when the process directory cannot be read, saying what the log then shows
     * instead; {@code null} when it can.
     *
     * @param figureFromCgroup whether the tracked figure comes from the cgroup (then only the RSS beside it is lost)
     */
    public String headerNote(boolean figureFromCgroup) {
        if (available) {
            return null;
        }
        return "⚠️ " + unavailable + ": RSS, virtual size and open files are not shown"
                + (figureFromCgroup ? "; the tracked figure is still the cgroup's"
                        : "; the tracked figure is the JVM's committed memory (heap + non-heap), which misses direct buffers,"
                        + " thread stacks and malloc, so the real process is larger than the log says");
    }

    /** The most recent reading problem, kept after later reads succeed; {@code null} if none. */
    public String lastProblem() {
        return available ? file.problem() : unavailable;
    }

    private long pages(long count) {
        return count < 0 || count == ProcFile.MAX ? -1 : count * pageSize;
    }

    private static long kib(long value) {
        return value < 0 || value == ProcFile.MAX ? -1 : value * 1024;
    }

    private static boolean isOwnProcess(Path procDir) {
        try {
            // /proc/self rather than ProcessHandle: a JDK class whose initialiser can fail for good when the
            // app fills the heap while the agent starts.
            return procDir.toRealPath().equals(Path.of("/proc/self").toRealPath());
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
