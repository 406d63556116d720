package dev.memdebug.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory controller of the cgroup this process belongs to: the limit that makes the kernel's OOM
 * killer act, usage, working set and the OOM kill counter.
 *
 * <p>Found the way the JDK's own container support finds it: {@code /proc/self/cgroup} names the
 * cgroup's path per hierarchy, {@code /proc/self/mountinfo} names where each hierarchy is mounted and
 * which part of it (the mount root, {@code /docker/<id>} on some hosts, {@code /} inside a container
 * with a cgroup namespace). On hybrid systems the v1 memory controller wins, as it is the one that
 * enforces. When the process's own cgroup sets no limit, the effective limit of its ancestors is used
 * (v1 {@code hierarchical_memory_limit}; v2 walking parents up to the mount).
 *
 * <p>All paths are taken relative to a root given to {@link #detect(Path)}, so tests use fixture trees.
 * Thread-safety: the reading methods are for one thread (the monitor); they never throw and return -1
 * for what they cannot read.
 */
public final class CgroupMemory {

    /** Which cgroup version enforces memory here. */
    public enum Version { V1, V2, NONE }

    private static final long UNLIMITED = 1L << 62;

    private final Version version;
    private final Path directory;
    private final Path limitDirectory;
    private final String problem;
    private final ProcFile file = new ProcFile(8192);

    private CgroupMemory(Version version, Path directory, Path limitDirectory, String problem) {
        this.version = version;
        this.directory = directory;
        this.limitDirectory = limitDirectory;
        this.problem = problem;
    }

    /** This process's memory cgroup on the running system. */
    public static CgroupMemory detect() {
        return detect(Path.of("/"), Path.of("/proc/self"));
    }

    /** The memory cgroup as seen under {@code root} (a fixture tree), for the process at {@code root/proc/self}. */
    public static CgroupMemory detect(Path root) {
        return detect(root, root.resolve("proc/self"));
    }

    /**
     * @param root    the file-system root under which mount points are resolved
     * @param procPid {@code /proc/self} or {@code /proc/<pid>}: where {@code cgroup} and {@code mountinfo} are read
     */
    public static CgroupMemory detect(Path root, Path procPid) {
        try {
            List<String> cgroups = Files.readAllLines(procPid.resolve("cgroup"));
            List<String> mounts = Files.readAllLines(procPid.resolve("mountinfo"));
            String v1Path = null;
            String v2Path = null;
            for (String line : cgroups) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (parts[0].equals("0") && parts[1].isEmpty()) {
                    v2Path = parts[2];
                } else {
                    for (String controller : parts[1].split(",")) {
                        if (controller.equals("memory")) {
                            v1Path = parts[2];
                        }
                    }
                }
            }
            if (v1Path != null) {
                Path dir = resolve(root, mounts, v1Path, false);
                if (dir != null && Files.exists(dir.resolve("memory.limit_in_bytes"))) {
                    return new CgroupMemory(Version.V1, dir, dir, null);
                }
            }
            if (v2Path != null) {
                Path dir = resolve(root, mounts, v2Path, true);
                if (dir != null && Files.exists(dir.resolve("memory.current"))) {
                    return new CgroupMemory(Version.V2, dir, v2LimitDirectory(dir, mountPoint(root, mounts, true)), null);
                }
            }
            return none("no memory controller found in " + procPid.resolve("cgroup"));
        } catch (IOException | RuntimeException e) {
            return none("cannot read " + procPid.resolve("cgroup") + " or mountinfo: " + e.getMessage());
        }
    }

    private static CgroupMemory none(String why) {
        return new CgroupMemory(Version.NONE, null, null, why);
    }

    /** The cgroup's directory: the hierarchy's mount point plus the cgroup path below the mount's root. */
    private static Path resolve(Path root, List<String> mounts, String cgroupPath, boolean v2) {
        for (String line : mounts) {
            MountLine m = MountLine.parse(line);
            if (m == null || !isHierarchy(m, v2)) {
                continue;
            }
            String relative;
            if (m.root().equals("/")) {
                relative = cgroupPath;
            } else if (cgroupPath.equals(m.root())) {
                relative = "/";
            } else if (cgroupPath.startsWith(m.root() + "/")) {
                relative = cgroupPath.substring(m.root().length());
            } else {
                relative = "/";
            }
            Path dir = under(root, m.mountPoint());
            String rel = relative.startsWith("/") ? relative.substring(1) : relative;
            return rel.isEmpty() ? dir : dir.resolve(rel);
        }
        return null;
    }

    private static Path mountPoint(Path root, List<String> mounts, boolean v2) {
        for (String line : mounts) {
            MountLine m = MountLine.parse(line);
            if (m != null && isHierarchy(m, v2)) {
                return under(root, m.mountPoint());
            }
        }
        return null;
    }

    private static boolean isHierarchy(MountLine m, boolean v2) {
        if (v2) {
            return m.fsType().equals("cgroup2");
        }
        if (!m.fsType().equals("cgroup")) {
            return false;
        }
        for (String option : m.superOptions().split(",")) {
            if (option.equals("memory")) {
                return true;
            }
        }
        return false;
    }

    private static Path v2LimitDirectory(Path dir, Path mount) {
        Path current = dir;
        ProcFile f = new ProcFile(64);
        while (current != null) {
            if (f.read(current.resolve("memory.max")) > 0 && f.firstLong() != Long.MAX_VALUE && f.firstLong() >= 0) {
                return current;
            }
            if (mount == null || current.equals(mount)) {
                break;
            }
            current = current.getParent();
        }
        return dir;
    }

    private static Path under(Path root, String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    public Version version() {
        return version;
    }

    /** The cgroup's directory, or {@code null} when there is none. */
    public Path directory() {
        return directory;
    }

    /** Why no cgroup was found, or {@code null}. */
    public String lastProblem() {
        return problem;
    }

    /** The memory limit in bytes, or -1 when none is set. */
    public long limitBytes() {
        switch (version) {
            case V1: {
                long limit = readFirst(limitDirectory.resolve("memory.limit_in_bytes"));
                if (limit < 0 || limit >= UNLIMITED) {
                    long hierarchical = readKeyed(directory.resolve("memory.stat"), "hierarchical_memory_limit");
                    return hierarchical > 0 && hierarchical < UNLIMITED ? hierarchical : -1;
                }
                return limit;
            }
            case V2: {
                long limit = readFirst(limitDirectory.resolve("memory.max"));
                return limit < 0 || limit >= UNLIMITED ? -1 : limit;
            }
            default:
                return -1;
        }
    }

    /** Where the limit was read, for the log header. */
    public String limitSource() {
        return switch (version) {
            case V1 -> "cgroup v1 " + limitDirectory.resolve("memory.limit_in_bytes");
            case V2 -> "cgroup v2 " + limitDirectory.resolve("memory.max");
            default -> "no cgroup";
        };
    }

    /** The cgroup's memory usage (page cache included), or -1. */
    public long usageBytes() {
        return switch (version) {
            case V1 -> readFirst(directory.resolve("memory.usage_in_bytes"));
            case V2 -> readFirst(directory.resolve("memory.current"));
            default -> -1;
        };
    }

    /**
     * Usage minus inactive file pages, as kubelet computes the working set: the part the kernel cannot
     * simply drop before it turns to the OOM killer. Falls back to usage.
     */
    public long workingSetBytes() {
        long usage = usageBytes();
        if (usage < 0) {
            return -1;
        }
        long inactive = readKeyed(directory.resolve("memory.stat"), version == Version.V1 ? "total_inactive_file" : "inactive_file");
        return inactive > 0 && inactive < usage ? usage - inactive : usage;
    }

    /** How many times the kernel's OOM killer killed a process of this cgroup, or -1 if unknown. */
    public long oomKillCount() {
        return switch (version) {
            case V1 -> readKeyed(directory.resolve("memory.oom_control"), "oom_kill");
            case V2 -> readKeyed(directory.resolve("memory.events"), "oom_kill");
            default -> -1;
        };
    }

    /** How many times the cgroup hit its limit and went out of memory (v2 {@code oom}), or -1. */
    public long oomCount() {
        return version == Version.V2 ? readKeyed(directory.resolve("memory.events"), "oom") : -1;
    }

    private long readFirst(Path path) {
        return file.read(path) < 0 ? -1 : file.firstLong();
    }

    private long readKeyed(Path path, String key) {
        return file.read(path) < 0 ? -1 : file.keyed(key);
    }

    @Override
    public String toString() {
        return version == Version.NONE ? "no memory cgroup (" + problem + ")" : "cgroup " + version + " " + directory;
    }
}
