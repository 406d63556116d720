package dev.memdebug.sample;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory controller of the cgroup a process belongs to: the limit at which the kernel's OOM killer
 * acts, usage, working set and the OOM counters.
 *
 * <p><b>Detection</b> ({@link #detect(Path, Path)}) works as the JDK's container support does:
 * {@code /proc/self/cgroup} names the process's cgroup in each hierarchy, {@code /proc/self/mountinfo}
 * names where each hierarchy is mounted and which of its cgroups the mount shows (the mount root, field
 * 4: {@code /docker/<id>} for a container's cgroupfs without a cgroup namespace, {@code /} otherwise).
 * The directory is the mount point plus the cgroup path below the mount root; when that directory does
 * not exist (a mount root that does not match the path the process sees), leading path elements are
 * dropped until one does, down to the mount point itself. On hybrid systems (v1 hierarchies plus a v2
 * mount) the v1 memory controller is used, as it is the one that enforces; v2 is used when no v1
 * hierarchy has the memory controller.
 *
 * <p><b>Effective limit.</b> The process's own cgroup often sets no limit while a parent does (a
 * Kubernetes pod's limit above the container's, a systemd slice above a service). With v1 the kernel
 * reports the smallest limit on the way to the hierarchy's root as {@code hierarchical_memory_limit} in
 * {@code memory.stat}, which also covers parents outside a container's view; {@link #limitBytes()} takes
 * the smaller of that and {@code memory.limit_in_bytes}. With v2 there is no such figure:
 * {@link #limitBytes()} reads {@code memory.max} of the cgroup and of each parent up to the mount point
 * and takes the smallest; parents above the mount (outside a container's cgroup namespace) are not
 * visible. The v1 "unlimited" value (9223372036854771712 with 4 KiB pages, a little less with larger
 * pages) and v2's {@code max} mean no limit.
 *
 * <p><b>Reading.</b> Each reading method reads its files anew (see {@link ProcFile}) into one reused
 * buffer: a few small objects per call, no Strings unless a problem is new. Nothing is thrown: what
 * cannot be read is -1 and {@link #lastProblem()} says why.
 *
 * <p>Thread-safety: {@link #version()} and {@link #directory()} from any thread; every other method
 * from one thread at a time (the sampler), as they share the buffer.
 */
public final class CgroupMemory {

    /** Which cgroup version accounts this process's memory; {@code NONE} when no memory cgroup was found. */
    public enum Version { V1, V2, NONE }

    /** Limits at or above this are "unlimited": v1 writes its page-rounded {@code LONG_MAX}. */
    static final long UNLIMITED_FROM = 1L << 62;

    private static final int HIERARCHICAL = -2;

    private final Version version;
    private final Path directory;
    private final File usageFile;
    private final File statFile;
    private final File eventsFile;
    private final File[] limitFiles;
    private final String[] limitSources;
    private final String hierarchicalSource;
    private final String detectionProblem;
    private final ProcFile file = new ProcFile(16 * 1024);
    private int limitFrom;

    /**
     * @param limitDirectories for v2 the cgroup's directory and its parents up to the mount point, nearest
     *                         first; for v1 the cgroup's directory alone
     * @param problem          a note from detection, or {@code null}
     */
    CgroupMemory(Version version, Path directory, List<Path> limitDirectories, String problem) {
        this.version = version;
        this.directory = directory;
        this.detectionProblem = problem;
        String limitName = version == Version.V1 ? "memory.limit_in_bytes" : "memory.max";
        String label = version == Version.V1 ? "cgroup v1 " : "cgroup v2 ";
        limitFiles = new File[limitDirectories.size()];
        limitSources = new String[limitDirectories.size()];
        for (int i = 0; i < limitFiles.length; i++) {
            Path limit = limitDirectories.get(i).resolve(limitName);
            limitFiles[i] = limit.toFile();
            limitSources[i] = label + limit + (i > 0 ? " (set on a parent cgroup)" : "");
        }
        if (directory == null) {
            usageFile = statFile = eventsFile = null;
            hierarchicalSource = null;
        } else {
            usageFile = directory.resolve(version == Version.V1 ? "memory.usage_in_bytes" : "memory.current").toFile();
            statFile = directory.resolve("memory.stat").toFile();
            eventsFile = directory.resolve(version == Version.V1 ? "memory.oom_control" : "memory.events").toFile();
            hierarchicalSource = label + statFile + " hierarchical_memory_limit (set on a parent cgroup)";
        }
    }

    /** This process's memory cgroup on the running system: {@code detect(Path.of("/"), Path.of("/proc/self"))}. */
    public static CgroupMemory detect() {
        return detect(Path.of("/"), Path.of("/proc/self"));
    }

    /** The memory cgroup of the process at {@code root/proc/self}, with mount points resolved under {@code root}. */
    public static CgroupMemory detect(Path root) {
        return detect(root, root.resolve("proc/self"));
    }

    /**
     * The memory cgroup of a process. Reads {@code cgroup} and {@code mountinfo} in {@code procDir} and
     * checks the directories it finds. Allocates freely; never throws: when nothing is found the result's
     * version is {@code NONE} and {@link #lastProblem()} says why.
     *
     * @param root    the file-system root under which mount points are resolved: {@code /}, or a fixture tree
     * @param procDir {@code /proc/self}, {@code /proc/<pid>} for another process, or its fixture copy
     */
    public static CgroupMemory detect(Path root, Path procDir) {
        return CgroupLocator.locate(root, procDir);
    }

    static CgroupMemory none(String why) {
        return new CgroupMemory(Version.NONE, null, List.of(), why);
    }

    public Version version() {
        return version;
    }

    /** The cgroup's directory (e.g. {@code /sys/fs/cgroup/memory/app}), or {@code null} when the version is {@code NONE}. */
    public Path directory() {
        return directory;
    }

    /**
     * The effective memory limit in bytes (see the class comment for how parents count), or -1 when no
     * limit applies or it cannot be read.
     */
    public long limitBytes() {
        if (version == Version.NONE) {
            return -1;
        }
        long limit = -1;
        limitFrom = 0;
        for (int i = 0; i < limitFiles.length; i++) {
            long v = readFirst(limitFiles[i]);
            if (v >= 0 && v < UNLIMITED_FROM && (limit < 0 || v < limit)) {
                limit = v;
                limitFrom = i;
            }
        }
        if (version == Version.V1) {
            long hierarchical = readKeyed(statFile, "hierarchical_memory_limit");
            if (hierarchical >= 0 && hierarchical < UNLIMITED_FROM && (limit < 0 || hierarchical < limit)) {
                limit = hierarchical;
                limitFrom = HIERARCHICAL;
            }
        }
        return limit;
    }

    /**
     * Where {@link #limitBytes()} finds the limit, for the log header: e.g.
     * {@code cgroup v1 /sys/fs/cgroup/memory/app/memory.limit_in_bytes}, {@code cgroup v2
     * /sys/fs/cgroup/app.slice/memory.max (set on a parent cgroup)}, {@code ... (no limit set)} or
     * {@code no memory cgroup}. Reads the limit files.
     */
    public String limitSource() {
        if (version == Version.NONE) {
            return "no memory cgroup";
        }
        long limit = limitBytes();
        if (limitFrom == HIERARCHICAL) {
            return hierarchicalSource;
        }
        return limit < 0 ? limitSources[0] + " (no limit set)" : limitSources[limitFrom];
    }

    /** The cgroup's memory usage in bytes, page cache included ({@code memory.usage_in_bytes}, {@code memory.current}), or -1. */
    public long usageBytes() {
        return version == Version.NONE ? -1 : readFirst(usageFile);
    }

    /**
     * The working set in bytes as kubelet and cAdvisor compute it: usage minus inactive file pages
     * ({@code total_inactive_file} in v1, {@code inactive_file} in v2), at least 0 — the memory the kernel
     * cannot simply drop before it turns to the OOM killer. Usage when {@code memory.stat} cannot be
     * read; -1 when usage cannot be read. Two file reads.
     */
    public long workingSetBytes() {
        long usage = usageBytes();
        if (usage < 0) {
            return -1;
        }
        long inactive = readKeyed(statFile, version == Version.V1 ? "total_inactive_file" : "inactive_file");
        return inactive < 0 ? usage : Math.max(0, usage - inactive);
    }

    /**
     * How many processes of this cgroup the OOM killer has killed ({@code oom_kill} in v1
     * {@code memory.oom_control}, kernel 4.13 and later; in v2 {@code memory.events}), or -1 if unknown.
     */
    public long oomKillCount() {
        return version == Version.NONE ? -1 : readKeyed(eventsFile, "oom_kill");
    }

    /**
     * How many times this cgroup reached its limit and could not reclaim enough (v2 {@code oom} in
     * {@code memory.events}; counted where the limit is, so 0 here when a parent's limit was hit), or -1:
     * always for v1, which has no such counter.
     */
    public long oomCount() {
        return version == Version.V2 ? readKeyed(eventsFile, "oom") : -1;
    }

    /**
     * Whether the cgroup is out of memory right now with its OOM killer disabled (v1 {@code under_oom}
     * in {@code memory.oom_control}): 1 or 0, or -1 for v2 and when unknown.
     */
    public int underOom() {
        long v = version == Version.V1 ? readKeyed(eventsFile, "under_oom") : -1;
        return v < 0 ? -1 : v > 0 ? 1 : 0;
    }

    /**
     * The most recent problem met while reading (e.g. {@code cannot read /sys/fs/cgroup/memory.events (No
     * such file or directory)}, {@code no oom_kill in .../memory.oom_control}), kept after later reads
     * succeed; else the note left by detection (why no cgroup was found, or which fallback was taken); else
     * {@code null}.
     */
    public String lastProblem() {
        String reading = file.problem();
        return reading != null ? reading : detectionProblem;
    }

    private long readFirst(File f) {
        return file.readFirstLong(f);
    }

    private long readKeyed(File f, String key) {
        return file.readKeyedLong(f, key);
    }

    @Override
    public String toString() {
        return version == Version.NONE ? "no memory cgroup (" + detectionProblem + ")" : "cgroup " + version + " " + directory;
    }
}
