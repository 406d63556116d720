package dev.memdebug.platform;

import java.nio.file.Path;

/**
 * Whether files written to a directory outlive the restart that follows an OOM kill, and why. Made by
 * {@link LogPersistence#check(Path)}. Immutable.
 *
 * @param survival   how long files there last
 * @param fsType     the type of the file system holding the directory ({@code overlay}, {@code ext4},
 *                   {@code tmpfs}), or {@code unknown}
 * @param mountPoint the mount point of that file system, or {@code null} when unknown
 * @param source     the mount source ({@code /dev/nvme1n1}, {@code overlay}), or empty
 * @param readOnly   whether that file system is mounted read-only, so nothing can be written there
 * @param reason     one plain sentence saying why, for the log header
 * @param fix        what to do so the log survives, for this platform; empty when nothing needs doing
 */
public record DirectoryPersistence(Survival survival, String fsType, Path mountPoint, String source,
                                   boolean readOnly, String reason, String fix) {

    /** How long files in a directory last. */
    public enum Survival {
        /** A disk, volume or network file system: survives restarts, redeploys and (on a host) reboots. */
        PERSISTENT,
        /**
         * Survives a restart of the same container or process, which is what an OOM kill causes, but not
         * the removal of the container, the deletion or rescheduling of the pod, or a reboot: Docker's
         * writable layer, a Kubernetes {@code emptyDir}, a host's {@code tmpfs}.
         */
        SURVIVES_RESTART,
        /** Lost when the container restarts: a platform's fresh file system, a container's {@code tmpfs}. */
        EPHEMERAL,
        /** Cannot tell (mountinfo unreadable, an unfamiliar file system). */
        UNKNOWN
    }

    /** Whether files there outlive restarts, redeploys and reboots. */
    public boolean persistent() {
        return survival == Survival.PERSISTENT;
    }

    /** Whether a log there is still readable after the restart that follows an OOM kill. */
    public boolean survivesRestart() {
        return survival == Survival.PERSISTENT || survival == Survival.SURVIVES_RESTART;
    }
}
