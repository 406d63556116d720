package dev.memdebug.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the end of an existing log to learn how the previous run ended: cleanly (it wrote
 * {@link LogLayout#CLEAN_SHUTDOWN}) or not, with the last figures it recorded. Only the tail is read
 * (the last 1 MB), so a long log costs nothing at start-up. Stateless.
 */
public final class RestartDetector {

    private static final int TAIL_BYTES = 1024 * 1024;
    private static final String STARTED = "Started: ";
    private static final String PID = " | PID ";
    private static final String LIMIT = "Memory limit: ";
    private static final String OOM_KILLS = "OOM kills counted by the cgroup so far: ";

    private RestartDetector() {
    }

    /** The previous run, or {@code null} when the file does not exist, is empty, or holds no event. */
    public static PreviousRun read(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        String tail;
        boolean torn;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            if (length == 0) {
                return null;
            }
            long start = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            f.seek(start);
            f.readFully(bytes);
            torn = bytes[bytes.length - 1] != '\n';
            tail = new String(bytes, StandardCharsets.UTF_8);
        }
        return parse(tail, torn);
    }

    static PreviousRun parse(String tail, boolean torn) {
        int header = tail.lastIndexOf(LogLayout.HEADER_TITLE);
        String run = header >= 0 ? tail.substring(header) : tail;
        long pid = -1;
        String started = null;
        String lastLine = null;
        String peakLine = null;
        double limitMb = -1;
        double lastMb = -1;
        long oomKills = -1;
        boolean critical = false;
        boolean clean = false;
        // String searches, not regular expressions: this runs at every start, over up to 1 MB of log,
        // alongside the app's own start-up.
        for (String line : run.split("\n")) {
            int pidAt = line.startsWith(STARTED) ? line.indexOf(PID, STARTED.length() + 1) : -1;
            while (pidAt > 0 && digits(line, pidAt + PID.length()) == 0) {
                pidAt = line.indexOf(PID, pidAt + 1);
            }
            int pidDigits = pidAt < 0 ? 0 : digits(line, pidAt + PID.length());
            int limitEnd = line.startsWith(LIMIT) ? limitFigureEnd(line) : -1;
            int killDigits = line.startsWith(OOM_KILLS) ? digits(line, OOM_KILLS.length()) : 0;
            if (pidDigits > 0) {
                started = line.substring(STARTED.length(), pidAt);
                pid = Long.parseLong(line.substring(pidAt + PID.length(), pidAt + PID.length() + pidDigits));
            } else if (limitEnd > 0) {
                limitMb = Double.parseDouble(line.substring(LIMIT.length(), limitEnd));
            } else if (killDigits > 0) {
                oomKills = Long.parseLong(line.substring(OOM_KILLS.length(), OOM_KILLS.length() + killDigits));
            } else if (line.startsWith("[") && line.indexOf("] ") > 0) {
                if (line.contains(LogLayout.SIRENS)) {
                    continue;
                }
                lastLine = line;
                clean = line.contains(LogLayout.CLEAN_SHUTDOWN);
                String figure = firstFigure(line);
                if (figure != null) {
                    lastMb = Double.parseDouble(figure);
                }
                if (line.contains("CRITICAL MEMORY") || line.contains("HIGH MEMORY")) {
                    peakLine = line;
                    critical |= line.contains("CRITICAL MEMORY");
                }
            }
        }
        if (lastLine == null && pid < 0) {
            return null;
        }
        return new PreviousRun(pid, started, lastLine, lastMb, limitMb, peakLine, critical, torn, oomKills, clean);
    }

    /** How many ASCII digits stand in {@code line} from {@code from}. */
    private static int digits(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Where the {@code [0-9.]+} run after {@code Memory limit: } ends, if {@code " MB"} follows it; else -1. */
    private static int limitFigureEnd(String line) {
        int i = LIMIT.length();
        while (i < line.length() && (line.charAt(i) >= '0' && line.charAt(i) <= '9' || line.charAt(i) == '.')) {
            i++;
        }
        return i > LIMIT.length() && line.startsWith(" MB", i) ? i : -1;
    }

    /** The first figure written as {@code 12} or {@code 12.5} right before {@code " MB"}, or {@code null}. */
    static String firstFigure(String line) {
        for (int mb = line.indexOf(" MB"); mb >= 0; mb = line.indexOf(" MB", mb + 1)) {
            int start = mb;
            while (start > 0 && line.charAt(start - 1) >= '0' && line.charAt(start - 1) <= '9') {
                start--;
            }
            if (start == mb) {
                continue;
            }
            if (start > 1 && line.charAt(start - 1) == '.' && line.charAt(start - 2) >= '0' && line.charAt(start - 2) <= '9') {
                start--;
                while (start > 0 && line.charAt(start - 1) >= '0' && line.charAt(start - 1) <= '9') {
                    start--;
                }
            }
            return line.substring(start, mb);
        }
        return null;
    }

    /**
     * One sentence on why the previous run ended, from the cgroup's OOM kill counter (compared with the
     * count that run recorded at its start) and how close to the limit its last figure was.
     *
     * @param oomKillsNow the cgroup's counter now, or -1 if unknown
     */
    public static String verdict(PreviousRun previous, long oomKillsNow, double criticalPercent) {
        if (oomKillsNow >= 0 && previous.oomKills() >= 0 && oomKillsNow > previous.oomKills()) {
            return "The cgroup counted an OOM kill since that run started (oom_kill " + previous.oomKills() + " -> "
                    + oomKillsNow + "): the kernel's OOM killer ended it.";
        }
        double percent = previous.limitMb() > 0 && previous.lastMb() >= 0 ? previous.lastMb() * 100 / previous.limitMb() : -1;
        String where = percent >= 0 ? " (last figure " + Decimal.one(previous.lastMb()) + " MB, " + Decimal.whole(percent)
                + "% of the " + Decimal.whole(previous.limitMb()) + " MB limit)" : "";
        if (previous.critical() || percent >= criticalPercent) {
            return "It ended near the limit" + where + ": most likely an OOM kill"
                    + (oomKillsNow >= 0 ? " (this cgroup has counted none: a restarted container gets a fresh cgroup)" : "") + ".";
        }
        return "It ended far from the limit" + where + ": something other than memory probably ended it"
                + " (a deploy, a kill, a JVM crash).";
    }
}
