package dev.memdebug.sample;

import java.nio.file.Path;

/**
 * The machine's memory from {@code /proc/meminfo}: the limit when no cgroup sets one, and what is
 * available. Thread-safety: the monitor thread. Figures it cannot read are -1.
 */
public final class HostMemory {

    private final Path meminfo;
    private final ProcFile file = new ProcFile(8192);

    public HostMemory(Path meminfo) {
        this.meminfo = meminfo;
    }

    public long totalBytes() {
        return kib("MemTotal:");
    }

    public long availableBytes() {
        return kib("MemAvailable:");
    }

    private long kib(String key) {
        if (file.read(meminfo) < 0) {
            return -1;
        }
        long v = file.keyed(key);
        return v < 0 ? -1 : v * 1024;
    }
}
