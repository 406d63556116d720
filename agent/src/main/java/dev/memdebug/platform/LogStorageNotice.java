package dev.memdebug.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the log header says about where the log lives, so the user learns before a crash, not after,
 * whether {@code cat memory_debug.log} will still work once the platform has restarted the service.
 *
 * <p>Lines start with {@link #STORAGE} or, when the log will not survive the restart that follows an
 * OOM kill, with {@link #WARNING}; both are mirrored to stderr with the header. Immutable.
 *
 * @param lines      the header lines, in order
 * @param willBeLost whether the log will not survive a restart (the warning case)
 */
public record LogStorageNotice(List<String> lines, boolean willBeLost) {

    /** The start of the line that says where the log lives. */
    public static final String STORAGE = "Log storage: ";
    /** The start of the line that warns that the log will be lost. */
    public static final String WARNING = "⚠️ LOG WILL NOT SURVIVE A RESTART: ";

    public LogStorageNotice {
        lines = List.copyOf(lines);
    }

    /**
     * @param where       what {@link LogPersistence#check} said of the log's directory
     * @param platform    where the process runs
     * @param logPath     the log file
     * @param logExisted  whether the log file was there when the agent started
     * @param streamOn    whether warnings and CRITICAL blocks are mirrored to stderr ({@code log.stderr})
     */
    public static LogStorageNotice of(DirectoryPersistence where, Platform platform, Path logPath, boolean logExisted,
                                      boolean streamOn) {
        List<String> lines = new ArrayList<>(3);
        String stream = streamOn
                ? " Meanwhile every warning and CRITICAL block also goes to stderr, each line prefixed with [memdebug], and the platform's log viewer keeps that across restarts."
                : " log.stderr=false, so nothing of this log will be left anywhere after a restart.";
        boolean lost = where.survival() == DirectoryPersistence.Survival.EPHEMERAL;
        switch (where.survival()) {
            case EPHEMERAL -> lines.add(WARNING + where.reason() + " " + where.fix() + stream);
            case UNKNOWN -> lines.add(STORAGE + "❔ " + where.reason() + " " + where.fix());
            default -> lines.add(STORAGE + where.reason() + (where.fix().isEmpty() ? "" : " " + where.fix()));
        }
        if (!logExisted && (lost || platform.container() && !where.persistent())) {
            lines.add("No earlier log at " + logPath + ": this is the first run here, or the previous run's file was lost"
                    + " with the container's file system; if that run crashed, its last lines are in the platform's log"
                    + " stream (" + streamHint(platform) + ").");
        }
        return new LogStorageNotice(lines, lost);
    }

    private static String streamHint(Platform platform) {
        return switch (platform.kind()) {
            case RENDER -> "the service's Logs tab in the Render dashboard, search memdebug";
            case HEROKU -> "heroku logs | grep memdebug";
            case FLY -> "fly logs | grep memdebug";
            case KUBERNETES -> "kubectl logs --previous POD | grep memdebug";
            case DOCKER -> "docker logs CONTAINER 2>&1 | grep memdebug";
            default -> "grep memdebug in the captured stdout/stderr";
        };
    }
}
