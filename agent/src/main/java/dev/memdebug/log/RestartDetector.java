package dev.memdebug.log;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the end of an existing log to learn how the previous run ended: cleanly (it wrote
 * {@link LogLayout#CLEAN_SHUTDOWN}) or not, with the last figures it recorded. Only the tail is read
 * (the last 1 MB), so a long log costs nothing at start-up. Stateless.
 */
public final class RestartDetector {

    private static final int TAIL_BYTES = 1024 * 1024;
    private static final Pattern STARTED = Pattern.compile("^Started: (.+?) \\| PID (\\d+)");
    private static final Pattern LIMIT = Pattern.compile("^Memory limit: ([0-9.]+) MB");
    private static final Pattern OOM_KILLS = Pattern.compile("^OOM kills counted by the cgroup so far: (\\d+)");
    private static final Pattern FIGURE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) MB");

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
        for (String line : run.split("\n")) {
            Matcher m;
            if ((m = STARTED.matcher(line)).find()) {
                started = m.group(1);
                pid = Long.parseLong(m.group(2));
            } else if ((m = LIMIT.matcher(line)).find()) {
                limitMb = Double.parseDouble(m.group(1));
            } else if ((m = OOM_KILLS.matcher(line)).find()) {
                oomKills = Long.parseLong(m.group(1));
            } else if (line.startsWith("[") && line.indexOf("] ") > 0) {
                if (line.contains(LogLayout.SIRENS)) {
                    continue;
                }
                lastLine = line;
                clean = line.contains(LogLayout.CLEAN_SHUTDOWN);
                Matcher figure = FIGURE.matcher(line);
                if (figure.find()) {
                    lastMb = Double.parseDouble(figure.group(1));
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
