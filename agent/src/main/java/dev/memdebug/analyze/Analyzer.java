package dev.memdebug.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds, in a parsed log, the patterns the user's guide asks people to spot by eye, and ranks them by
 * how likely they caused the crash: a counter or gauge over its limit, memory not freed after an
 * operation, a gradual leak, a spike during one operation type, and where the growth was (heap or
 * native). Each finding cites its lines and carries the guide's fix. Stateless.
 */
public final class Analyzer {

    /**
     * The user's guide's Render limits, used for a metric only when the log states no limit for it
     * (logs written without {@code limit.*}, like the guide's own example).
     */
    static final Map<String, Long> GUIDE_LIMITS = Map.of("Sessions", 3L, "Active DLs", 3L);

    private Analyzer() {
    }

    public static Analysis analyze(List<String> files, LogParser.Result parsed) {
        List<Finding> findings = new ArrayList<>();
        List<RunRecord> runs = parsed.runs();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            settleEnding(run, i == runs.size() - 1);
            boolean crashed = run.ending() != RunRecord.Ending.CLEAN && run.ending() != RunRecord.Ending.RUNNING;
            limits(run, i + 1, crashed, findings);
            notFreed(run, i + 1, findings);
            leak(run, i + 1, crashed, findings);
            spikes(run, i + 1, crashed, findings);
            heapOrNative(run, i + 1, crashed, findings);
            growingMetrics(run, i + 1, crashed, findings);
        }
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        return new Analysis(files, runs, findings, parsed.issues(), parsed.foreignLines(), parsed.stream());
    }

    private static void settleEnding(RunRecord run, boolean last) {
        if (run.ending == RunRecord.Ending.CLEAN || run.ending == RunRecord.Ending.OOM_KILL_CONFIRMED
                || run.ending == RunRecord.Ending.UNCLEAN_NEAR_LIMIT) {
            return;
        }
        LogEventRecord lastFigure = run.lastFigure();
        boolean restarted = run.ending == RunRecord.Ending.UNCLEAN_FAR_FROM_LIMIT || !last;
        double limit = limitOf(run);
        boolean near = lastFigure != null && (lastFigure.kind == LogEventRecord.Kind.CRITICAL
                || (limit > 0 && lastFigure.mb >= (run.criticalMb > 0 ? run.criticalMb : 0.94 * limit)));
        if (restarted) {
            run.ending = near ? RunRecord.Ending.UNCLEAN_NEAR_LIMIT : RunRecord.Ending.UNCLEAN_FAR_FROM_LIMIT;
        } else if (near) {
            run.ending = RunRecord.Ending.UNCLEAN_NEAR_LIMIT;
        }
    }

    static double limitOf(RunRecord run) {
        if (run.limitMb > 0) {
            return run.limitMb;
        }
        for (LogEventRecord e : run.events) {
            if (e.limitMb > 0) {
                return e.limitMb;
            }
        }
        return -1;
    }

    private static void limits(RunRecord run, int index, boolean crashed, List<Finding> out) {
        Map<String, long[]> worst = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (LogEventRecord e : run.events) {
            if (e.kind == LogEventRecord.Kind.LIMIT) {
                long[] w = worst.computeIfAbsent(e.limitLabel, k -> new long[] {0, e.limitMax});
                w[0] = Math.max(w[0], e.limitValue);
                evidence.computeIfAbsent(e.limitLabel, k -> new ArrayList<>()).add(cite(e.file, e.line, e.head));
                for (LogEventRecord.OperationLine op : e.operations) {
                    evidence.get(e.limitLabel).add(cite(op.file(), op.line(), "   Operation: [" + op.clock() + "] " + op.label() + " - " + op.context()));
                }
            }
        }
        for (LogEventRecord e : run.events) {
            for (Map.Entry<String, Long> m : e.metrics.entrySet()) {
                long[] w = worst.get(m.getKey());
                Long guideLimit = GUIDE_LIMITS.get(m.getKey());
                if (w == null && guideLimit != null && m.getValue() > guideLimit) {
                    w = new long[] {0, guideLimit};
                    worst.put(m.getKey(), w);
                }
                if (w != null && m.getValue() > w[1]) {
                    if (m.getValue() > w[0]) {
                        w[0] = m.getValue();
                    }
                    List<String> cites = evidence.computeIfAbsent(m.getKey(), k -> new ArrayList<>());
                    if (e.kind == LogEventRecord.Kind.CRITICAL || cites.size() < 3) {
                        cites.add(cite(e.file, e.line, e.head + "  ->  " + m.getKey() + ": " + m.getValue()));
                    }
                }
            }
        }
        for (Map.Entry<String, long[]> w : worst.entrySet()) {
            String label = w.getKey();
            long value = w.getValue()[0];
            long limit = w.getValue()[1];
            String needle = label.toLowerCase(Locale.ROOT) + ": " + (limit + 1);
            java.util.Set<String> cited = new java.util.HashSet<>();
            for (LogEventRecord e : run.events) {
                for (LogEventRecord.OperationLine op : e.operations) {
                    if (op.context().toLowerCase(Locale.ROOT).contains(needle) && cited.add(op.clock() + op.label())) {
                        evidence.computeIfAbsent(label, k -> new ArrayList<>()).add(cite(op.file(), op.line(),
                                "[" + op.clock() + "] " + op.label() + " - " + fmt(op.mb()) + " MB - " + op.context()));
                    }
                }
            }
            boolean atCritical = false;
            for (LogEventRecord e : run.events) {
                Long v = e.metrics.get(label);
                atCritical |= e.kind == LogEventRecord.Kind.CRITICAL && v != null && v > limit;
            }
            double score = (crashed ? 0.75 : 0.45) + (atCritical ? 0.2 : 0);
            String source = GUIDE_LIMITS.containsKey(label) && run.events.stream().noneMatch(e -> label.equals(e.limitLabel))
                    ? " (the guide's Render limit; the log states none)" : "";
            out.add(new Finding("limit", score, index, label + ": " + value + " with a limit of " + limit,
                    label + " reached " + value + ", over its limit of " + limit + source
                            + (atCritical ? ", and was still over it when memory turned CRITICAL." : "."),
                    evidence.getOrDefault(label, List.of()), adviceForLimit(label)));
        }
    }

    static String adviceForLimit(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("session")) {
            return "Session limit not working - check the session manager's MAX_SESSIONS; on Render make sure "
                    + "RENDER=true is set so the app uses its Render limits (3), then redeploy and watch this log.";
        }
        if (l.contains("dl") || l.contains("download")) {
            return "Download limit not working - check max_concurrent in the queue manager (3 on Render).";
        }
        if (l.contains("cache")) {
            return "The cache is not bounded - give it a maximum size or an eviction policy.";
        }
        if (l.contains("queue")) {
            return "Work piles up faster than it is done - bound the queue and refuse or shed work when it is full.";
        }
        return "Enforce the limit on " + label + " where they are created.";
    }

    private static void notFreed(RunRecord run, int index, List<Finding> out) {
        Map<String, LogEventRecord.OperationLine> started = new LinkedHashMap<>();
        Map<String, List<double[]>> kept = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LogEventRecord e : run.events) {
            for (LogEventRecord.OperationLine op : e.operations) {
                if (!seen.add(op.clock() + "|" + op.label() + "|" + op.context()) || op.mb() < 0) {
                    continue;
                }
                String label = op.label();
                String subject = subject(op.context());
                if (label.endsWith(" Started")) {
                    started.put(label.substring(0, label.length() - 8) + "|" + subject, op);
                } else if (label.endsWith(" Completed")) {
                    String type = label.substring(0, label.length() - 10);
                    LogEventRecord.OperationLine s = started.remove(type + "|" + subject);
                    if (s != null) {
                        kept.computeIfAbsent(type, k -> new ArrayList<>()).add(new double[] {s.mb(), op.mb()});
                        List<String> cites = evidence.computeIfAbsent(type, k -> new ArrayList<>());
                        if (cites.size() < 4) {
                            cites.add(cite(s.file(), s.line(), "[" + s.clock() + "] " + s.label() + " - " + s.mb() + " MB - " + s.context()));
                            cites.add(cite(op.file(), op.line(), "[" + op.clock() + "] " + op.label() + " - " + op.mb() + " MB - " + op.context()));
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<double[]>> k : kept.entrySet()) {
            List<double[]> pairs = k.getValue();
            double sum = 0;
            int rose = 0;
            for (double[] p : pairs) {
                sum += p[1] - p[0];
                if (p[1] - p[0] > 1) {
                    rose++;
                }
            }
            double avg = sum / pairs.size();
            if (pairs.size() >= 2 && avg >= 5 && rose * 2 > pairs.size()) {
                out.add(new Finding("not-freed", Math.min(0.85, 0.45 + avg / 100), index,
                        "Memory not freed after " + k.getKey() + ": +" + fmt(avg) + " MB kept per call",
                        rose + " of " + pairs.size() + " '" + k.getKey() + "' operations ended higher than they started, "
                                + fmt(avg) + " MB on average.",
                        evidence.get(k.getKey()),
                        "Files or buffers are not cleaned up after '" + k.getKey() + "' - release them when it completes "
                                + "(close streams, drop buffer references, run the cleanup task)."));
            }
        }
    }

    /** The part of a context that names who or what an operation was for, to pair a start with its end. */
    private static String subject(String context) {
        int bar = context.indexOf(" | Active");
        String s = bar >= 0 ? context.substring(0, bar) : context;
        int dash = s.indexOf(" - Total");
        return dash >= 0 ? s.substring(0, dash) : s;
    }

    private static void leak(RunRecord run, int index, boolean crashed, List<Finding> out) {
        List<LogEventRecord> periodic = new ArrayList<>();
        for (LogEventRecord e : run.events) {
            if (e.kind == LogEventRecord.Kind.PERIODIC && e.mb >= 0) {
                periodic.add(e);
            }
        }
        if (periodic.size() < 4) {
            return;
        }
        double n = periodic.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        long t0 = periodic.get(0).epochSecond;
        for (LogEventRecord e : periodic) {
            double x = (e.epochSecond - t0) / 3600.0;
            sx += x;
            sy += e.mb;
            sxx += x * x;
            sxy += x * e.mb;
            syy += e.mb * e.mb;
        }
        double varX = sxx - sx * sx / n;
        if (varX <= 0) {
            return;
        }
        double slope = (sxy - sx * sy / n) / varX;
        double varY = syy - sy * sy / n;
        double r2 = varY <= 0 ? 0 : Math.pow(sxy - sx * sy / n, 2) / (varX * varY);
        LogEventRecord first = periodic.get(0);
        LogEventRecord lastP = periodic.get(periodic.size() - 1);
        double growth = lastP.mb - first.mb;
        double limit = limitOf(run);
        if (slope <= 0 || r2 < 0.7 || growth < Math.max(20, 0.05 * Math.max(limit, 0))) {
            return;
        }
        String toLimit = limit > 0 && lastP.mb < limit ? "; at that rate the limit of " + fmt(limit) + " MB is reached in "
                + duration((limit - lastP.mb) / slope) : "";
        List<String> evidence = new ArrayList<>();
        int step = Math.max(1, periodic.size() / 4);
        for (int i = 0; i < periodic.size(); i += step) {
            evidence.add(cite(periodic.get(i).file, periodic.get(i).line, periodic.get(i).head));
        }
        if ((periodic.size() - 1) % step != 0) {
            evidence.add(cite(lastP.file, lastP.line, lastP.head));
        }
        out.add(new Finding("leak", crashed ? 0.7 : 0.5, index,
                "Gradual leak: +" + (slope >= 600 ? fmt(slope / 60) + " MB/min" : fmt(slope) + " MB/hour"),
                "Periodic snapshots climb steadily (" + periodic.size() + " snapshots, " + fmt(first.mb) + " MB to "
                        + fmt(lastP.mb) + " MB, fit R² " + String.format(Locale.ROOT, "%.2f", r2) + ")" + toLimit + ".",
                evidence, "Something accumulates over time - check what operations repeated before each increase "
                        + "(the 'Recent operations' of the blocks in between) and what they keep."));
    }

    private static void spikes(RunRecord run, int index, boolean crashed, List<Finding> out) {
        double limit = limitOf(run);
        Map<String, double[]> byOperation = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (LogEventRecord e : run.events) {
            if (e.kind != LogEventRecord.Kind.SPIKE || e.operation == null || e.operation.equals("none yet")
                    || e.operation.equals("Periodic Check") || e.operation.equals("Garbage Collection")) {
                continue;
            }
            double[] s = byOperation.computeIfAbsent(e.operation, k -> new double[3]);
            s[0]++;
            s[1] += Math.max(0, e.riseMb);
            s[2] = Math.max(s[2], e.riseMb);
            List<String> cites = evidence.computeIfAbsent(e.operation, k -> new ArrayList<>());
            if (cites.size() < 3) {
                cites.add(cite(e.file, e.line, e.head + (e.context != null ? "  (" + e.context + ")" : "")));
            }
        }
        for (Map.Entry<String, double[]> s : byOperation.entrySet()) {
            double count = s.getValue()[0];
            double rise = s.getValue()[1];
            double share = limit > 0 ? Math.min(0.3, s.getValue()[2] / limit) : 0.1;
            out.add(new Finding("spike", (crashed ? 0.45 : 0.3) + share + Math.min(0.05, count * 0.01), index,
                    "Spikes during " + s.getKey() + ": " + (int) count + " spike(s), +" + fmt(rise) + " MB in all",
                    "Memory jumped while '" + s.getKey() + "' was the latest operation.",
                    evidence.get(s.getKey()), "That operation is the problem - optimise it (stream instead of buffering "
                            + "whole files) or limit how many run at once."));
        }
    }

    private static void heapOrNative(RunRecord run, int index, boolean crashed, List<Finding> out) {
        if (fromGrowthLine(run, index, crashed, out)) {
            return;
        }
        LogEventRecord first = null;
        LogEventRecord last = null;
        for (LogEventRecord e : run.events) {
            if (e.heapUsedMb >= 0) {
                if (first == null) {
                    first = e;
                }
                last = e;
            }
        }
        if (first == null || first == last) {
            return;
        }
        Map<String, Double> growth = new LinkedHashMap<>();
        growth.put("heap", last.heapUsedMb - first.heapUsedMb);
        growth.put("direct buffers", last.directMb - first.directMb);
        growth.put("metaspace", last.metaspaceMb - first.metaspaceMb);
        growth.put("other native memory", last.otherNativeMb - first.otherNativeMb);
        boolean stacksInMb = first.stacksMb >= 0 && last.stacksMb >= 0;
        if (stacksInMb) {
            growth.put("thread stacks", last.stacksMb - first.stacksMb);
        } else if (first.threads >= 0 && last.threads >= 0) {
            growth.put("thread stacks", (last.threads - first.threads) * 1.0);
        }
        Map.Entry<String, Double> top = growth.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (top.getValue() < 20) {
            return;
        }
        StringBuilder detail = new StringBuilder("From the first to the last breakdown: ");
        growth.forEach((k, v) -> detail.append(k).append(' ').append(v >= 0 ? "+" : "").append(fmt(v)).append(" MB, "));
        detail.setLength(detail.length() - 2);
        String advice = growthAdvice(top.getKey());
        out.add(new Finding("heap-or-native", crashed ? 0.4 : 0.25, index,
                "Growth was mostly in " + top.getKey() + ": +" + fmt(top.getValue()) + (top.getKey().equals("thread stacks") && !stacksInMb ? " threads" : " MB"),
                detail.toString() + ".",
                List.of(cite(first.file, first.line, first.head), cite(last.file, last.line, last.head)), advice));
    }

    /**
     * The agent's own verdict, when the log has growth lines: the last CRITICAL block's (else the last
     * event's) growth since the run's first snapshot, whose heap figure is the resident estimate rather
     * than the used figure of the moment. Returns whether it made the finding.
     */
    private static boolean fromGrowthLine(RunRecord run, int index, boolean crashed, List<Finding> out) {
        LogEventRecord chosen = null;
        for (LogEventRecord e : run.events) {
            if (!e.growthMb.isEmpty() && (chosen == null || chosen.kind != LogEventRecord.Kind.CRITICAL
                    || e.kind == LogEventRecord.Kind.CRITICAL)) {
                chosen = e;
            }
        }
        if (chosen == null) {
            return false;
        }
        Map.Entry<String, Double> top = chosen.growthMb.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (top.getValue() < 20) {
            return true;
        }
        String part = switch (top.getKey()) {
            case "direct" -> "direct buffers";
            case "mapped" -> "mapped buffers";
            case "code" -> "code cache";
            case "other native" -> "other native memory";
            default -> top.getKey();
        };
        StringBuilder detail = new StringBuilder("The agent's breakdown at " + chosen.stamp + ", growth since the run's first snapshot: ");
        chosen.growthMb.forEach((k, v) -> detail.append(k).append(' ').append(v >= 0 ? "+" : "").append(fmt(v)).append(" MB, "));
        detail.setLength(detail.length() - 2);
        out.add(new Finding("heap-or-native", crashed ? 0.4 : 0.25, index, "Growth was mostly in " + part + ": +" + fmt(top.getValue()) + " MB",
                detail + ".", List.of(cite(chosen.file, chosen.line, chosen.head)), growthAdvice(part)));
        return true;
    }

    private static String growthAdvice(String part) {
        return switch (part) {
            case "heap" -> "The heap grew most: look at what the app keeps (a class histogram, a heap dump before HIGH); "
                    + "also make sure the max heap leaves room for native memory in the container.";
            case "direct buffers" -> "Direct buffers grew most: they live outside the heap and count against the container "
                    + "but not -Xmx. Release them, pool them, or cap them with -XX:MaxDirectMemorySize so the JVM fails "
                    + "with an OutOfMemoryError instead of being killed.";
            case "metaspace" -> "Metaspace grew most: classes are generated or loaded repeatedly; cap it with -XX:MaxMetaspaceSize.";
            case "thread stacks" -> "Thread count grew (stacks are reserved at -Xss each and resident as far as they are used): "
                    + "a pool without a bound; bound it or lower -Xss.";
            case "code cache" -> "The code cache grew most: much generated or JIT-compiled code; cap it with -XX:ReservedCodeCacheSize.";
            case "mapped buffers" -> "Memory-mapped files grew most: their touched pages count against the container; map smaller windows or unmap sooner.";
            default -> "Native memory outside the JVM's pools grew most (malloc arenas, JNI): try MALLOC_ARENA_MAX=2, "
                    + "relief.trim=true, and Native Memory Tracking (-XX:NativeMemoryTracking=summary) to see which part.";
        };
    }

    /** A counter or gauge that keeps growing across snapshots while memory grows: an unbounded collection. */
    private static void growingMetrics(RunRecord run, int index, boolean crashed, List<Finding> out) {
        java.util.Set<String> limited = new java.util.HashSet<>();
        for (Finding f : out) {
            if (f.run() == index && f.kind().equals("limit")) {
                limited.add(f.title().substring(0, f.title().indexOf(':')));
            }
        }
        Map<String, List<LogEventRecord>> series = new LinkedHashMap<>();
        for (LogEventRecord e : run.events) {
            if (e.kind == LogEventRecord.Kind.PERIODIC || e.kind == LogEventRecord.Kind.FINAL || e.kind == LogEventRecord.Kind.CRITICAL) {
                for (String label : e.metrics.keySet()) {
                    series.computeIfAbsent(label, k -> new ArrayList<>()).add(e);
                }
            }
        }
        for (Map.Entry<String, List<LogEventRecord>> s : series.entrySet()) {
            List<LogEventRecord> points = s.getValue();
            if (points.size() < 4 || limited.contains(s.getKey())) {
                continue;
            }
            LogEventRecord first = points.get(0);
            LogEventRecord last = points.get(points.size() - 1);
            long from = first.metrics.get(s.getKey());
            long to = last.metrics.get(s.getKey());
            int rising = 0;
            for (int k = 1; k < points.size(); k++) {
                if (points.get(k).metrics.get(s.getKey()) >= points.get(k - 1).metrics.get(s.getKey())) {
                    rising++;
                }
            }
            boolean memoryRose = last.mb - first.mb >= 20;
            if (to - from >= 10 && to >= 2 * Math.max(1, from) && rising * 10 >= (points.size() - 1) * 8 && memoryRose) {
                out.add(new Finding("growing", crashed ? 0.65 : 0.55, index,
                        s.getKey() + " keeps growing: " + from + " to " + to,
                        s.getKey() + " rose in " + rising + " of " + (points.size() - 1) + " snapshots, from " + from + " to " + to
                                + ", while memory went from " + fmt(first.mb) + " MB to " + fmt(last.mb) + " MB.",
                        List.of(cite(first.file, first.line, first.head + "  ->  " + s.getKey() + ": " + from),
                                cite(last.file, last.line, last.head + "  ->  " + s.getKey() + ": " + to)),
                        adviceForLimit(s.getKey())));
            }
        }
    }

    static String cite(String file, int line, String text) {
        return file + ":" + line + "  " + text;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String duration(double hours) {
        if (hours < 1) {
            return Math.max(1, Math.round(hours * 60)) + " min";
        }
        if (hours < 48) {
            return String.format(Locale.ROOT, "%.1f h", hours);
        }
        return String.format(Locale.ROOT, "%.0f days", hours / 24);
    }
}
