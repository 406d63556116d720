package dev.memdebug.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a {@code memory_debug.log} is intact: every event but the last is complete (a CRITICAL
 * block has its closing siren line, a snapshot block its separator), every event head has a valid time
 * stamp, and at most the very last line is cut short. Used after real {@code kill -9}s.
 */
public final class LogChecker {

    private static final String SIRENS = "🚨".repeat(40);
    private static final String SEPARATOR = "-".repeat(80);
    private static final Pattern HEAD = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\] \\S.*");

    private LogChecker() {
    }

    /** The defects found; empty when the log is intact. */
    public static List<String> defects(String log) {
        List<String> defects = new ArrayList<>();
        boolean torn = !log.isEmpty() && !log.endsWith("\n");
        String[] lines = log.split("\n", -1);
        int last = lines.length - 1;
        if (!torn) {
            last--;
        }
        String openBlock = null;
        int openLine = -1;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            boolean isLast = i == last;
            if (line.startsWith("[")) {
                if (!HEAD.matcher(line).matches() && !(isLast && torn)) {
                    defects.add("line " + (i + 1) + " is not a valid event head: " + line);
                }
                if (line.contains("CRITICAL MEMORY - CRASH IMMINENT") || line.contains("HIGH MEMORY") || line.contains("MEMORY SPIKE")) {
                    if (openBlock != null && !line.contains("CRITICAL MEMORY - CRASH IMMINENT")) {
                        defects.add("line " + (openLine + 1) + ": block '" + openBlock + "' was not closed before line " + (i + 1));
                    }
                    if (openBlock == null || !openBlock.contains(SIRENS)) {
                        openBlock = line;
                        openLine = i;
                    }
                } else if (line.endsWith(SIRENS) && openBlock == null) {
                    openBlock = line;
                    openLine = i;
                } else if (openBlock != null && !line.endsWith(SIRENS)) {
                    defects.add("line " + (openLine + 1) + ": block '" + openBlock + "' was not closed before line " + (i + 1));
                    openBlock = null;
                }
            } else if (openBlock != null && (line.equals(SEPARATOR) || line.equals(SIRENS))) {
                openBlock = null;
            }
            if (line.contains("\uFFFD")) {
                defects.add("line " + (i + 1) + " has invalid UTF-8");
            }
        }
        if (openBlock != null && !torn) {
            // An unclosed block at the very end can only be an event cut by the kill: allowed once.
            return defects;
        }
        return defects;
    }

    /** Counts event heads containing {@code marker}. */
    public static int count(String log, String marker) {
        int n = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("[") && line.contains(marker)) {
                n++;
            }
        }
        return n;
    }
}
