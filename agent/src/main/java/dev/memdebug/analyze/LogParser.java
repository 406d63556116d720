package dev.memdebug.analyze;

import dev.memdebug.log.LogLayout;
import dev.memdebug.log.StderrMirror;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code memory_debug.log} text back into runs and events: whole logs, rotated files given in
 * order, several runs separated by restart markers, a last line cut off by a crash, lines of older
 * versions and foreign lines (which are skipped and counted), and a captured log stream ({@code docker
 * logs}, Render's log viewer) where memdebug's lines carry the {@code [memdebug]} prefix among the app's
 * own lines and platform time stamps. Never throws on bad input: problems become {@link Issue}s naming
 * the line. Stateless apart from one parse; not thread-safe.
 */
public final class LogParser {

    /** Something in the input the reader had to skip or could not trust, with its line. */
    public record Issue(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** What a parse produced. */
    public record Result(List<RunRecord> runs, List<Issue> issues, int foreignLines, boolean stream) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** An operation the restart marker lists from the journal: {@code   5. [05:59:44] Chunk - 151.2 MB - op 85}. */
    private static final Pattern LISTED_OPERATION = Pattern.compile("^  \\d+\\. (\\[\\d{2}:\\d{2}:\\d{2}\\] .*)$");
    private static final Pattern HEAD = Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\] (.*)$");
    /**
     * A mirrored header rule or event head: what makes a text a captured stream. The prefix alone is not
     * enough, since a log file may quote it (the header's note on the log stream, an app's context value).
     */
    private static final Pattern STREAM_LINE = Pattern.compile(Pattern.quote(StderrMirror.PREFIX) + "(?:={20}|\\[\\d{4}-\\d{2}-\\d{2} )");
    private static final Pattern LOOKS_LIKE_HEAD = Pattern.compile("^\\[[^\\]]{8,30}\\] ");
    private static final Pattern FIGURE_OF = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) MB / ([0-9]+(?:\\.[0-9]+)?) MB");
    private static final Pattern RISE = Pattern.compile("MEMORY SPIKE: \\+([0-9.]+) MB");
    private static final Pattern LIMIT = Pattern.compile("LIMIT EXCEEDED: (.+) (\\d+) > (\\d+)");
    private static final Pattern STARTED = Pattern.compile("^Started: ([0-9-]+ [0-9:]+)(?: \\| PID (\\d+))?");
    private static final Pattern PLAIN_FIGURE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) MB");
    private static final Pattern MEMORY_LIMIT = Pattern.compile("^Memory limit: ([0-9.]+) MB \\((.*)\\)$");
    private static final Pattern THRESHOLDS = Pattern.compile("HIGH ([0-9.]+) MB .*CRITICAL ([0-9.]+) MB");
    private static final Pattern OPERATION = Pattern.compile("^\\s*(?:\\d+\\. |Operation: )\\[(\\d{2}:\\d{2}:\\d{2})\\] (.+?) - ([0-9.]+|\\?) MB(?: - (.*))?$");
    private static final Pattern METRIC = Pattern.compile("([A-Za-z][A-Za-z0-9 _-]*?): (-?\\d+|\\?)(?: [a-z]+)?$");
    private static final Pattern JVM_HEAP = Pattern.compile("heap ([0-9.]+)/");
    private static final Pattern JVM_PART = Pattern.compile("(metaspace|direct|other native) ([0-9.]+) MB");
    private static final Pattern JVM_THREADS = Pattern.compile("threads (\\d+)");
    private static final Pattern GROWTH_PART = Pattern.compile("([a-z][a-z ]*?) ([+-][0-9]+(?:\\.[0-9]+)?) MB");
    private static final Pattern JVM_STACKS = Pattern.compile("\\(~([0-9.]+) MB stacks\\)");
    private static final java.util.Set<String> NOT_METRICS = java.util.Set.of("RAM Usage", "System", "Threads", "Open files",
            "JVM", "Context", "Operation", "Memory");

    private final List<RunRecord> runs = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private RunRecord run;
    private LogEventRecord event;
    private int foreign;
    private String file;
    private boolean inRestart;
    private RunRecord restartedRun;

    /** Parses the given files in order (oldest rotated file first), as one log. */
    public static Result parse(List<Input> inputs) {
        LogParser p = new LogParser();
        boolean stream = false;
        for (Input in : inputs) {
            stream |= p.parseOne(in);
        }
        return new Result(p.runs, p.issues, p.foreign, stream);
    }

    /** One file's name and text. */
    public record Input(String name, String text) {
    }

    private boolean parseOne(Input input) {
        file = input.name();
        String text = input.text();
        boolean stream = STREAM_LINE.matcher(text).find();
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.split("\r?\n", -1);
        int last = torn ? lines.length - 1 : lines.length - 2;
        for (int i = 0; i <= last; i++) {
            String line = lines[i];
            int number = i + 1;
            if (stream) {
                int at = line.indexOf(StderrMirror.PREFIX);
                if (at < 0) {
                    foreign++;
                    continue;
                }
                line = line.substring(at + StderrMirror.PREFIX.length());
            }
            if (line.indexOf('\uFFFD') >= 0) {
                issues.add(new Issue(file, number, "holds bytes that are not UTF-8; read as far as possible"));
            }
            if (i == last && torn) {
                issues.add(new Issue(file, number, "is cut off (the process was killed while writing it); the rest of the log is complete"));
            }
            try {
                line(line, number);
            } catch (RuntimeException e) {
                // A figure too large for its type and the like: the line is named, the rest is still read.
                issues.add(new Issue(file, number, "could not be read (" + e.getClass().getSimpleName() + "); skipped"));
                event = null;
            }
        }
        event = null;
        return stream;
    }

    private void line(String line, int number) {
        if (line.startsWith(LogLayout.HEADER_TITLE)) {
            boolean continued = line.contains("(continued)");
            if (!continued || run == null) {
                run = new RunRecord();
                run.headerLine = number;
                runs.add(run);
            }
            String title = line.substring(LogLayout.HEADER_TITLE.length()).replace("(continued) ", "");
            int paren = title.lastIndexOf(" (memdebug");
            run.app = paren > 0 ? title.substring(0, paren) : title;
            event = null;
            inRestart = false;
            return;
        }
        if (line.startsWith("🔄") && line.contains("RESTARTED at")) {
            inRestart = true;
            restartedRun = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (restartedRun != null && restartedRun.ending == RunRecord.Ending.RUNNING) {
                restartedRun.ending = RunRecord.Ending.UNCLEAN_FAR_FROM_LIMIT;
            }
            event = null;
            return;
        }
        if (inRestart) {
            if (line.equals(LogLayout.RULE)) {
                inRestart = false;
            } else if (restartedRun != null && restartedRun.ending != RunRecord.Ending.CLEAN) {
                Matcher listed = LISTED_OPERATION.matcher(line);
                if (listed.matches()) {
                    restartedRun.journalOperations.add(listed.group(1));
                } else if (line.startsWith("The cgroup counted an OOM kill")) {
                    restartedRun.ending = RunRecord.Ending.OOM_KILL_CONFIRMED;
                    restartedRun.restartVerdict = line;
                } else if (line.startsWith("It ended near the limit")) {
                    restartedRun.ending = RunRecord.Ending.UNCLEAN_NEAR_LIMIT;
                    restartedRun.restartVerdict = line;
                } else if (line.startsWith("It ended far from the limit")) {
                    restartedRun.restartVerdict = line;
                }
            }
            return;
        }
        Matcher head = HEAD.matcher(line);
        if (head.matches()) {
            if (head.group(2).startsWith(LogLayout.SIRENS)) {
                return;
            }
            startEvent(head.group(1), head.group(2), number, line);
            return;
        }
        if (LOOKS_LIKE_HEAD.matcher(line).find()) {
            issues.add(new Issue(file, number, "looks like an event but its time stamp is not yyyy-MM-dd HH:mm:ss; skipped"));
            event = null;
            return;
        }
        if (run != null && event == null) {
            header(line);
            return;
        }
        if (event != null) {
            body(line, number);
            return;
        }
        if (!line.isBlank() && !line.equals(LogLayout.RULE) && !line.equals(LogLayout.SEPARATOR)) {
            foreign++;
        }
    }

    private void header(String line) {
        Matcher m;
        if ((m = STARTED.matcher(line)).find()) {
            run.started = m.group(1);
            run.pid = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
        } else if ((m = MEMORY_LIMIT.matcher(line)).find()) {
            run.limitMb = Double.parseDouble(m.group(1));
            run.limitSource = m.group(2);
        } else if (line.startsWith("Platform: ")) {
            run.platform = line.substring(10);
        } else if (line.startsWith("Thresholds: ") && (m = THRESHOLDS.matcher(line)).find()) {
            run.highMb = Double.parseDouble(m.group(1));
            run.criticalMb = Double.parseDouble(m.group(2));
        } else if (line.startsWith("⚠️") || line.startsWith("❌")) {
            run.notes.add(line);
        }
    }

    private void startEvent(String stamp, String rest, int number, String line) {
        long epoch;
        try {
            epoch = LocalDateTime.parse(stamp, STAMP).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            issues.add(new Issue(file, number, "has an impossible time stamp '" + stamp + "'; skipped"));
            event = null;
            return;
        }
        if (run == null) {
            run = new RunRecord();
            run.headerLine = number;
            runs.add(run);
            issues.add(new Issue(file, number, "events start before any header (the start of the log was rotated away or cut); read as one run"));
        }
        LogEventRecord.Kind kind = kindOf(rest);
        Matcher limit = LIMIT.matcher(rest);
        if (kind == LogEventRecord.Kind.LIMIT && !limit.find()) {
            issues.add(new Issue(file, number, "says LIMIT EXCEEDED but not 'LABEL VALUE > LIMIT'; read as a plain line"));
            kind = LogEventRecord.Kind.OTHER;
        }
        event = new LogEventRecord(kind, file, stamp, epoch, number, line);
        Matcher m = FIGURE_OF.matcher(rest);
        if (m.find()) {
            event.mb = Double.parseDouble(m.group(1));
            event.limitMb = Double.parseDouble(m.group(2));
        } else if (kind != LogEventRecord.Kind.SPIKE && kind != LogEventRecord.Kind.LIMIT && (m = PLAIN_FIGURE.matcher(rest)).find()) {
            event.mb = Double.parseDouble(m.group(1));
        }
        if (kind == LogEventRecord.Kind.SPIKE && (m = RISE.matcher(rest)).find()) {
            event.riseMb = Double.parseDouble(m.group(1));
        }
        if (kind == LogEventRecord.Kind.LIMIT) {
            event.limitLabel = limit.group(1);
            event.limitValue = parseLongOr(limit.group(2), 0);
            event.limitMax = parseLongOr(limit.group(3), 0);
        }
        if (kind == LogEventRecord.Kind.SHUTDOWN) {
            run.ending = RunRecord.Ending.CLEAN;
            Matcher now = Pattern.compile("now ([0-9.]+) MB").matcher(rest);
            if (now.find()) {
                event.mb = Double.parseDouble(now.group(1));
            }
        }
        run.events.add(event);
    }

    private static long parseLongOr(String digits, long fallback) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static LogEventRecord.Kind kindOf(String rest) {
        if (rest.startsWith("📊 Periodic Snapshot")) {
            return LogEventRecord.Kind.PERIODIC;
        }
        if (rest.startsWith("📊 Final Snapshot")) {
            return LogEventRecord.Kind.FINAL;
        }
        if (rest.contains("MEMORY SPIKE")) {
            return LogEventRecord.Kind.SPIKE;
        }
        if (rest.contains("HIGH MEMORY")) {
            return LogEventRecord.Kind.HIGH;
        }
        if (rest.contains("CRITICAL MEMORY")) {
            return LogEventRecord.Kind.CRITICAL;
        }
        if (rest.contains("LIMIT EXCEEDED")) {
            return LogEventRecord.Kind.LIMIT;
        }
        if (rest.contains(LogLayout.CLEAN_SHUTDOWN)) {
            return LogEventRecord.Kind.SHUTDOWN;
        }
        if (rest.startsWith("🗑️")) {
            return LogEventRecord.Kind.GC;
        }
        if (rest.startsWith("ℹ️") || rest.startsWith("⚠️") || rest.startsWith("❌")) {
            return LogEventRecord.Kind.NOTICE;
        }
        return LogEventRecord.Kind.OTHER;
    }

    private void body(String line, int number) {
        String content = line.startsWith("├─ ") || line.startsWith("└─ ") ? line.substring(3) : line.strip();
        Matcher m;
        if ((m = OPERATION.matcher(line)).find()) {
            double mb = m.group(3).equals("?") ? -1 : Double.parseDouble(m.group(3));
            event.operations.add(new LogEventRecord.OperationLine(m.group(1), m.group(2), mb, m.group(4) == null ? "" : m.group(4), file, number));
            return;
        }
        if (content.startsWith("📊 MEMORY SNAPSHOT | Operation: ")) {
            event.operation = content.substring("📊 MEMORY SNAPSHOT | Operation: ".length());
            return;
        }
        if (content.startsWith("Context: ")) {
            event.context = content.substring(9);
            return;
        }
        if (content.startsWith("JVM: ")) {
            jvm(content);
            return;
        }
        if (content.startsWith(LogLayout.GROWN_SINCE)) {
            int colon = content.indexOf(": ");
            Matcher g = GROWTH_PART.matcher(colon < 0 ? "" : content.substring(colon + 2));
            while (g.find()) {
                event.growthMb.put(g.group(1), Double.parseDouble(g.group(2)));
            }
            return;
        }
        if (content.startsWith("RAM Usage") || content.startsWith("System:") || content.startsWith("🚨") || content.startsWith("Last ")
                || content.startsWith("Recent operations") || line.equals(LogLayout.SEPARATOR) || content.isEmpty()) {
            return;
        }
        if (content.contains(": ")) {
            for (String part : content.split(" \\| ")) {
                Matcher metric = METRIC.matcher(part.strip());
                if (metric.matches() && !NOT_METRICS.contains(metric.group(1)) && !metric.group(2).equals("?")) {
                    event.metrics.put(metric.group(1), Long.parseLong(metric.group(2)));
                }
            }
        }
    }

    private void jvm(String content) {
        Matcher m = JVM_HEAP.matcher(content);
        if (m.find()) {
            event.heapUsedMb = Double.parseDouble(m.group(1));
        }
        m = JVM_PART.matcher(content);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "metaspace" -> event.metaspaceMb = v;
                case "direct" -> event.directMb = v;
                default -> event.otherNativeMb = v;
            }
        }
        m = JVM_THREADS.matcher(content);
        if (m.find()) {
            event.threads = Integer.parseInt(m.group(1));
        }
        m = JVM_STACKS.matcher(content);
        if (m.find()) {
            event.stacksMb = Double.parseDouble(m.group(1));
        }
    }
}
