package dev.memdebug.analyze;

import java.util.Locale;

/** The diagnosis for people: how each run ended, its peak and alarms, then the findings with evidence. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(Analysis a) {
        StringBuilder b = new StringBuilder();
        int events = a.runs().stream().mapToInt(r -> r.events().size()).sum();
        b.append("memdebug analyze: ").append(String.join(", ", a.files())).append(" (").append(a.runs().size())
                .append(a.runs().size() == 1 ? " run, " : " runs, ").append(events).append(" events")
                .append(a.stream() ? ", read from a captured log stream" : "")
                .append(a.foreignLines() > 0 ? ", " + a.foreignLines() + " other lines skipped" : "").append(")\n\n");
        for (int i = 0; i < a.runs().size(); i++) {
            RunRecord r = a.runs().get(i);
            b.append("Run ").append(i + 1).append(": ").append(r.app());
            if (r.started() != null) {
                b.append(", started ").append(r.started());
            }
            if (r.pid() > 0) {
                b.append(" (PID ").append(r.pid()).append(')');
            }
            b.append('\n');
            b.append("  Ended: ").append(r.ending().words()).append('\n');
            if (!r.journalOperations().isEmpty()) {
                b.append("  Last operations (from its operation journal, listed at the restart):\n");
                for (String op : r.journalOperations()) {
                    b.append("    ").append(op).append('\n');
                }
            }
            double limit = Analyzer.limitOf(r);
            double peak = r.peakMb();
            if (peak >= 0) {
                b.append("  Peak: ").append(Analyzer.fmt(peak)).append(" MB");
                if (limit > 0) {
                    b.append(" of ").append(Analyzer.fmt(limit)).append(" MB (").append(String.format(Locale.ROOT, "%.0f%%", peak * 100 / limit)).append(')');
                }
                b.append('\n');
            }
            StringBuilder timeline = new StringBuilder();
            for (LogEventRecord e : r.events()) {
                String what = switch (e.kind()) {
                    case HIGH -> "HIGH " + Analyzer.fmt(e.mb) + " MB";
                    case CRITICAL -> "CRITICAL " + Analyzer.fmt(e.mb) + " MB";
                    case LIMIT -> "LIMIT EXCEEDED " + e.limitLabel + " " + e.limitValue + " > " + e.limitMax;
                    default -> null;
                };
                if (what != null) {
                    timeline.append("    ").append(e.stamp()).append("  ").append(what).append('\n');
                }
            }
            if (timeline.length() > 0) {
                b.append("  Timeline:\n").append(timeline);
            }
            b.append('\n');
        }
        if (a.findings().isEmpty()) {
            b.append("No finding: nothing in this log points at a cause.\n");
        } else {
            b.append("Findings, most likely cause first:\n");
            for (int i = 0; i < a.findings().size(); i++) {
                Finding f = a.findings().get(i);
                b.append("  ").append(i + 1).append(". ").append(f.title());
                if (a.runs().size() > 1) {
                    b.append("  [run ").append(f.run()).append(']');
                }
                b.append('\n');
                b.append("     ").append(f.detail()).append('\n');
                if (!f.evidence().isEmpty()) {
                    b.append("     Evidence:\n");
                    for (String line : f.evidence()) {
                        b.append("       ").append(line).append('\n');
                    }
                }
                b.append("     Fix: ").append(f.advice()).append("\n\n");
            }
        }
        if (!a.issues().isEmpty()) {
            b.append("Notes on the input:\n");
            for (LogParser.Issue issue : a.issues()) {
                b.append("  ").append(issue).append('\n');
            }
        }
        return b.toString();
    }
}
