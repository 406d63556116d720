package dev.memdebug.sample;

import java.io.File;
import java.nio.file.Path;

/**
 * The machine's memory from {@code /proc/meminfo} (the path is given, so tests read fixtures): the
 * limit that applies when no cgroup sets one, and what is still available. Inside a container these are
 * the host's figures, not the container's.
 *
 * <p>Each call reads the file into a reused buffer (a few small objects for the file handle). Figures
 * that cannot be read are -1, with the reason in {@link #lastProblem()}; nothing is thrown.
 *
 * <p>Thread-safety: one thread at a time.
 */
public final class HostMemory {

    private final File meminfo;
    private final ProcFile file = new ProcFile(16 * 1024);

    /** @param meminfo {@code /proc/meminfo} or a fixture copy */
    public HostMemory(Path meminfo) {
        this.meminfo = meminfo.toFile();
    }

    /** {@code MemTotal} in bytes, or -1. */
    public long totalBytes() {
        return kib(file.readKeyedLong(meminfo, "MemTotal:"));
    }

    /**
     * {@code MemAvailable} in bytes: the kernel's estimate of what can be allocated without swapping.
     * Kernels before 3.14 lack it; then {@code MemFree + Buffers + Cached}, which overstates a little.
     * -1 when unreadable.
     */
    public long availableBytes() {
        if (file.read(meminfo) < 0) {
            return -1;
        }
        long available = file.keyed("MemAvailable:");
        if (available >= 0) {
            return kib(available);
        }
        long free = file.keyed("MemFree:");
        long buffers = file.keyed("Buffers:");
        long cached = file.keyed("Cached:");
        return free < 0 ? -1 : kib(free + Math.max(0, buffers) + Math.max(0, cached));
    }

    /** The most recent reading problem, kept after later reads succeed; {@code null} if none. */
    public String lastProblem() {
        return file.problem();
    }

    private static long kib(long value) {
        return value < 0 || value == ProcFile.MAX ? -1 : value * 1024;
    }
}
