package dev.memdebug.platform;

import dev.memdebug.platform.DirectoryPersistence.Survival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out from the mount table whether the log's directory survives the restart that follows an OOM
 * kill, and which mounts would.
 *
 * <p>The directory belongs to the mount with the longest mount point containing it (a later mount at
 * the same point hides an earlier one). Then, in order:
 * <ul>
 *   <li>on Heroku nothing survives a dyno restart;</li>
 *   <li>{@code tmpfs}/{@code ramfs}: in memory, lost with the container (on a host: kept until reboot);</li>
 *   <li>{@code overlay}/{@code aufs}, or a disk file system at {@code /} inside a container: the
 *       container's writable layer, kept when the same Docker container restarts, lost on Render, Fly.io
 *       and Kubernetes, which restart from the image;</li>
 *   <li>a mount whose root is a Kubernetes {@code emptyDir}
 *       ({@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~empty-dir/...}): survives a container
 *       restart in the same pod, not the pod's deletion or rescheduling;</li>
 *   <li>a disk or network file system mounted anywhere else (a volume, a Render disk, a PVC), or at
 *       {@code /} on a host: persistent;</li>
 *   <li>anything else: unknown.</li>
 * </ul>
 *
 * <p>Allocates freely; meant for start-up. Never throws. Immutable after construction; thread-safe.
 */
public final class LogPersistence {

    /** The log file name used in suggestions. */
    static final String LOG_NAME = "memory_debug.log";

    private static final Set<String> DISK = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "jfs",
            "reiserfs", "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "bcachefs");
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "glusterfs",
            "lustre", "gpfs", "beegfs", "9p", "virtiofs", "fuse");
    private static final List<String> SYSTEM = List.of("/proc", "/sys", "/dev", "/run", "/var/run", "/etc", "/boot",
            "/snap", "/usr", "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers", "/var/lib/kubelet");

    private final List<Mount> mounts;
    private final Platform platform;
    private final String problem;

    /**
     * @param mounts   the mount table ({@link Mount#readAll}), in the file's order
     * @param platform where the process runs; decides what a container's own file system is worth
     */
    public LogPersistence(List<Mount> mounts, Platform platform) {
        this(mounts, platform, null);
    }

    private LogPersistence(List<Mount> mounts, Platform platform, String problem) {
        Map<String, Mount> visible = new LinkedHashMap<>();
        for (Mount m : mounts) {
            visible.remove(m.mountPoint());
            visible.put(m.mountPoint(), m);
        }
        this.mounts = List.copyOf(visible.values());
        this.platform = platform;
        this.problem = problem;
    }

    /** Reads {@code mountInfo} ({@code /proc/self/mountinfo}); when it cannot, every check is {@code UNKNOWN}. */
    public static LogPersistence read(Path mountInfo, Platform platform) {
        try {
            return new LogPersistence(Mount.readAll(mountInfo), platform, null);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof NoSuchFileException ? "it does not exist" : e.toString();
            return new LogPersistence(List.of(), platform, "cannot read " + mountInfo + " (" + why + ")");
        }
    }

    /**
     * Whether files in {@code directory} survive a restart. Give an absolute path with symbolic links
     * resolved ({@link Path#toRealPath}) where possible: a relative one is taken from the working directory.
     */
    public DirectoryPersistence check(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Mount mount = containing(dir);
        if (mount == null) {
            String why = problem != null ? problem : "no mount in the mount table contains " + dir;
            return new DirectoryPersistence(Survival.UNKNOWN, "unknown", null, "", false,
                    "Cannot tell whether " + dir + " survives a restart: " + why + ".", fix(Survival.UNKNOWN));
        }
        Survival survival = classify(mount);
        String reason = reason(dir, mount, survival);
        if (mount.readOnly()) {
            reason = reason.substring(0, reason.length() - 1) + "; it is mounted read-only, so the log cannot be written there.";
        }
        return new DirectoryPersistence(survival, mount.fsType(), Path.of(mount.mountPoint()), mount.source(),
                mount.readOnly(), reason, survival == Survival.PERSISTENT && !mount.readOnly() ? "" : fix(survival));
    }

    /**
     * Writable mounts, other than {@code /}, that keep files across restarts: where the log could go
     * (e.g. a Render disk at {@code /var/data}). System mounts are left out: {@code /etc/hosts},
     * {@code /etc/resolv.conf}, {@code /etc/hostname} and all of {@code /etc}, {@code /dev}, {@code /proc},
     * {@code /sys}, {@code /run}, {@code /boot}, {@code /usr}, {@code /snap} and container-runtime state
     * under {@code /var/lib}; so are mounts of single files ({@code -v ./app.conf:/app/app.conf}) where
     * the mount point is a file on this machine. In mount-table order.
     */
    public List<Path> persistentMountCandidates() {
        List<Path> candidates = new ArrayList<>();
        for (Mount m : mounts) {
            if (!m.mountPoint().equals("/") && !m.readOnly() && !system(m.mountPoint()) && classify(m) == Survival.PERSISTENT
                    && !Files.isRegularFile(Path.of(m.mountPoint()))) {
                candidates.add(Path.of(m.mountPoint()));
            }
        }
        return candidates;
    }

    /** Whether {@code fsType} is a container's image-plus-writable-layer file system. */
    static boolean isContainerLayer(String fsType) {
        return fsType.equals("overlay") || fsType.equals("overlayfs") || fsType.equals("aufs")
                || fsType.equals("fuse.fuse-overlayfs");
    }

    private Mount containing(Path dir) {
        Mount best = null;
        int bestDepth = -1;
        for (Mount m : mounts) {
            Path point = Path.of(m.mountPoint());
            if (dir.startsWith(point) && point.getNameCount() > bestDepth) {
                best = m;
                bestDepth = point.getNameCount();
            }
        }
        return best;
    }

    private Survival classify(Mount m) {
        String fs = m.fsType();
        Platform.Kind kind = platform.kind();
        if (kind == Platform.Kind.HEROKU) {
            return Survival.EPHEMERAL;
        }
        if (fs.equals("tmpfs") || fs.equals("ramfs")) {
            return kind == Platform.Kind.HOST ? Survival.SURVIVES_RESTART : Survival.EPHEMERAL;
        }
        boolean stored = DISK.contains(fs) || network(fs);
        if (isContainerLayer(fs) || stored && m.mountPoint().equals("/") && platform.container()) {
            return switch (kind) {
                case DOCKER, CONTAINER, HOST -> Survival.SURVIVES_RESTART;
                default -> Survival.EPHEMERAL;
            };
        }
        if (m.root().contains("kubernetes.io~empty-dir")) {
            return Survival.SURVIVES_RESTART;
        }
        return stored ? Survival.PERSISTENT : Survival.UNKNOWN;
    }

    private String reason(Path dir, Mount m, Survival survival) {
        String fs = m.fsType();
        String where = dir + " is on " + describe(m);
        if (platform.kind() == Platform.Kind.HEROKU) {
            return where + ", but Heroku gives a dyno a fresh file system at every restart, so nothing written survives.";
        }
        if (fs.equals("tmpfs") || fs.equals("ramfs")) {
            return survival == Survival.SURVIVES_RESTART
                    ? where + ", which is kept in memory: it survives a restart of the process but not a reboot."
                    : where + ", which is kept in memory: it is lost when the container restarts, and what is written counts against the memory limit.";
        }
        if (m.root().contains("kubernetes.io~empty-dir") && survival == Survival.SURVIVES_RESTART) {
            return where + ", a Kubernetes emptyDir volume: it survives a container restart in the same pod (what an OOM kill causes) but not the pod's deletion, eviction or rescheduling.";
        }
        if (survival == Survival.PERSISTENT) {
            if (m.mountPoint().equals("/")) {
                return where + ", this machine's root file system, which survives restarts.";
            }
            return where + ", " + kindOfMount(m) + ", which survives restarts and redeploys.";
        }
        if (survival == Survival.SURVIVES_RESTART) {
            return where + ", the container's own writable layer: kept when the same container restarts (docker restart, a --restart policy after an OOM kill) but lost when the container is removed or recreated (a new image, a redeploy).";
        }
        if (survival == Survival.EPHEMERAL) {
            return where + ", the container's own writable layer, which " + restartsFromImage() + ".";
        }
        return where + ", and whether a " + fs + " file system survives a restart is unknown.";
    }

    private String restartsFromImage() {
        return switch (platform.kind()) {
            case RENDER -> "Render discards at every restart and deploy";
            case FLY -> "Fly.io resets from the image at every Machine restart";
            case KUBERNETES -> "is lost when Kubernetes restarts the container from its image";
            default -> "is lost when the container restarts";
        };
    }

    private static String describe(Mount m) {
        String source = m.source();
        boolean named = !source.isEmpty() && !source.equals(m.fsType()) && !source.equals("none");
        if (m.mountPoint().equals("/")) {
            return "the root file system (" + m.fsType() + (named ? " on " + source : "") + ")";
        }
        return "the " + m.fsType() + " mount at " + m.mountPoint() + (named ? " (" + source + ")" : "");
    }

    private String kindOfMount(Mount m) {
        if (m.root().contains("/docker/volumes/")) {
            return "a Docker volume";
        }
        if (network(m.fsType())) {
            return "a network file system";
        }
        if (m.root().contains("kubernetes.io~")) {
            return "a Kubernetes persistent volume";
        }
        if (!m.root().equals("/")) {
            return platform.container() ? "a directory of the host (" + m.root() + ") mounted into the container"
                    : "a bind mount of " + m.root();
        }
        return "a separate disk";
    }

    private String fix(Survival survival) {
        Platform.Kind kind = platform.kind();
        if (kind == Platform.Kind.HEROKU) {
            return "Heroku dyno file systems are always ephemeral: read the log stream instead (heroku logs --tail | grep memdebug) or ship the logs to a log drain.";
        }
        List<Path> candidates = persistentMountCandidates();
        if (!candidates.isEmpty()) {
            Path target = candidates.get(0);
            return "Set MEMDEBUG_LOG_PATH=" + target.resolve(LOG_NAME) + ": " + target + " is a mount that survives restarts.";
        }
        return switch (kind) {
            case RENDER -> "Attach a disk in the Render dashboard (for example at /var/data) and set MEMDEBUG_LOG_PATH=/var/data/" + LOG_NAME + ".";
            case FLY -> "Create a volume (fly volumes create memdebug_data), mount it in fly.toml ([mounts] destination = \"/data\") and set MEMDEBUG_LOG_PATH=/data/" + LOG_NAME + ".";
            case KUBERNETES -> survival == Survival.SURVIVES_RESTART
                    ? "For a log that also outlives the pod, mount a PersistentVolumeClaim (for example at /var/log/memdebug) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/" + LOG_NAME + "."
                    : "Mount a PersistentVolumeClaim (for example at /var/log/memdebug) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/" + LOG_NAME
                            + "; an emptyDir volume would survive container restarts but not the pod's deletion or rescheduling.";
            case DOCKER, CONTAINER -> "Mount a volume (docker run -v memdebug:/var/log/memdebug ...) and set MEMDEBUG_LOG_PATH=/var/log/memdebug/" + LOG_NAME + ".";
            default -> "Set MEMDEBUG_LOG_PATH to a file on a disk, for example /var/log/memdebug/" + LOG_NAME + ".";
        };
    }

    private static boolean network(String fsType) {
        return NETWORK.contains(fsType) || fsType.startsWith("fuse.") && !isContainerLayer(fsType);
    }

    private static boolean system(String mountPoint) {
        for (String prefix : SYSTEM) {
            if (mountPoint.equals(prefix) || mountPoint.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
