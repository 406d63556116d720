package dev.memdebug.sample;

import dev.memdebug.log.Mb;

/**
 * The memory limit that actually kills this process and where it came from: a configured value, the
 * cgroup's limit, or the host's physical memory. Immutable.
 *
 * @param bytes       the limit
 * @param source      human text for the header, e.g. {@code cgroup v2 /sys/fs/cgroup/memory.max}
 * @param fromCgroup  whether the cgroup enforces it (then the container's working set is what counts)
 */
public record MemoryLimit(long bytes, String source, boolean fromCgroup) {

    /** Whether the limit is simply the machine's memory (no cgroup limit, none configured). */
    public boolean fromPhysicalMemory() {
        return source.startsWith("physical memory");
    }

    /**
     * Chooses the limit: a configured one overrides; else the cgroup's; else physical memory.
     *
     * @param configured the configured limit, or -1 for auto
     */
    public static MemoryLimit resolve(long configured, CgroupMemory cgroup, HostMemory host) {
        long cgroupLimit = cgroup.limitBytes();
        if (configured > 0) {
            String note = cgroupLimit > 0 ? " (the cgroup's limit is " + Mb.limit(cgroupLimit) + ")" : "";
            return new MemoryLimit(configured, "configured memory.limit" + note, cgroupLimit > 0);
        }
        if (cgroupLimit > 0) {
            return new MemoryLimit(cgroupLimit, "detected from " + cgroup.limitSource(), true);
        }
        long physical = host.totalBytes();
        if (physical <= 0) {
            physical = jvmPhysicalMemory();
        }
        String why = cgroup.version() == CgroupMemory.Version.NONE ? "no memory cgroup found" : "the cgroup sets no limit";
        return new MemoryLimit(physical, "physical memory (" + why + ")", false);
    }

    private static long jvmPhysicalMemory() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
