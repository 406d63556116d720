package dev.memdebug.analyze;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code memory_debug.jsonl} (the agent's JSON lines) into the same runs and events as the text
 * log, so the analyzer gives the same findings for either. A line that is not valid JSON (a last line
 * cut by a crash, a foreign line) becomes an {@link LogParser.Issue} naming it. Stateless.
 */
final class JsonLinesReader {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private JsonLinesReader() {
    }

    static boolean looksLikeJsonLines(String text) {
        String t = text.stripLeading();
        return t.startsWith("{\"ts\":");
    }

    static LogParser.Result read(String file, String text) {
        List<RunRecord> runs = new ArrayList<>();
        List<LogParser.Issue> issues = new ArrayList<>();
        RunRecord run = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<?, ?> o;
            try {
                Object v = JsonValue.parse(line);
                if (!(v instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                o = m;
            } catch (IllegalArgumentException e) {
                issues.add(new LogParser.Issue(file, i + 1, (i == lines.length - 1 ? "is cut off (the process was killed while writing it): "
                        : "is not a memdebug JSON line: ") + e.getMessage()));
                continue;
            }
            String type = String.valueOf(o.get("type"));
            long ts = (long) num(o, "ts");
            if (type.equals("start")) {
                run = new RunRecord();
                run.headerLine = i + 1;
                run.app = String.valueOf(o.get("app"));
                run.pid = (long) num(o, "pid");
                run.limitMb = num(o, "limit_mb");
                run.limitSource = String.valueOf(o.get("limit_source"));
                run.started = STAMP.format(Instant.ofEpochMilli(ts));
                runs.add(run);
                continue;
            }
            if (run == null) {
                run = new RunRecord();
                runs.add(run);
                issues.add(new LogParser.Issue(file, i + 1, "events start before any start record; read as one run"));
            }
            if (type.equals("restart")) {
                RunRecord previous = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                String verdict = String.valueOf(o.get("verdict"));
                if (previous != null && previous.ending != RunRecord.Ending.CLEAN) {
                    previous.ending = verdict.startsWith("The cgroup counted") ? RunRecord.Ending.OOM_KILL_CONFIRMED
                            : verdict.startsWith("It ended near") ? RunRecord.Ending.UNCLEAN_NEAR_LIMIT : RunRecord.Ending.UNCLEAN_FAR_FROM_LIMIT;
                }
                continue;
            }
            LogEventRecord.Kind kind = switch (type) {
                case "periodic" -> LogEventRecord.Kind.PERIODIC;
                case "final" -> LogEventRecord.Kind.FINAL;
                case "spike" -> LogEventRecord.Kind.SPIKE;
                case "high" -> LogEventRecord.Kind.HIGH;
                case "critical" -> LogEventRecord.Kind.CRITICAL;
                case "limit" -> LogEventRecord.Kind.LIMIT;
                case "shutdown" -> LogEventRecord.Kind.SHUTDOWN;
                case "notice", "gc_thrashing" -> LogEventRecord.Kind.NOTICE;
                case "gc", "gc_summary", "relief_gc" -> LogEventRecord.Kind.GC;
                default -> LogEventRecord.Kind.OTHER;
            };
            String stamp = STAMP.format(Instant.ofEpochMilli(ts));
            LogEventRecord e = new LogEventRecord(kind, file, stamp, ts / 1000, i + 1, "[" + stamp + "] " + type + " " + line);
            e.mb = num(o, "mb");
            e.limitMb = num(o, "limit_mb");
            e.riseMb = num(o, "rise_mb");
            e.heapUsedMb = num(o, "heap_used_mb");
            e.directMb = num(o, "direct_mb");
            e.metaspaceMb = num(o, "metaspace_mb");
            e.otherNativeMb = num(o, "other_native_mb");
            e.threads = (int) num(o, "threads");
            e.stacksMb = num(o, "stacks_mb");
            if (o.get("metrics") instanceof Map<?, ?> metrics) {
                for (Map.Entry<?, ?> m : metrics.entrySet()) {
                    if (m.getValue() instanceof Double d && d >= 0) {
                        e.metrics.put(labelOf(String.valueOf(m.getKey())), d.longValue());
                    }
                }
            }
            if (o.get("growth") instanceof Map<?, ?> growth) {
                for (Map.Entry<?, ?> g : growth.entrySet()) {
                    String key = String.valueOf(g.getKey());
                    if (g.getValue() instanceof Double d && key.endsWith("_mb")) {
                        e.growthMb.put(key.substring(0, key.length() - 3).replace('_', ' '), d);
                    }
                }
            }
            if (o.get("op") instanceof Map<?, ?> op) {
                e.operation = String.valueOf(op.get("label"));
                e.context = String.valueOf(op.get("context"));
            }
            if (o.get("recent") instanceof List<?> recent) {
                for (Object r : recent) {
                    if (r instanceof Map<?, ?> op) {
                        String clock = STAMP.format(Instant.ofEpochMilli((long) num(op, "ts"))).substring(11);
                        e.operations.add(new LogEventRecord.OperationLine(clock, String.valueOf(op.get("label")), num(op, "mb"),
                                String.valueOf(op.get("context")), file, i + 1));
                    }
                }
            }
            if (kind == LogEventRecord.Kind.LIMIT) {
                e.limitLabel = String.valueOf(o.get("metric"));
                e.limitValue = (long) num(o, "value");
                e.limitMax = (long) num(o, "limit");
            }
            if (kind == LogEventRecord.Kind.SHUTDOWN) {
                run.ending = RunRecord.Ending.CLEAN;
            }
            run.events.add(e);
        }
        return new LogParser.Result(runs, issues, 0, false);
    }

    /** JSON metrics are keyed by name ({@code active-downloads}); the text shows labels. Keep names readable. */
    private static String labelOf(String name) {
        return name;
    }

    private static double num(Map<?, ?> o, String key) {
        return o.get(key) instanceof Double d ? d : -1;
    }
}
