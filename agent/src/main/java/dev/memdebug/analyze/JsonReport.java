package dev.memdebug.analyze;

import dev.memdebug.log.JsonLine;

/** The diagnosis as one JSON document, for scripts. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(Analysis a) {
        StringBuilder runs = new StringBuilder("[");
        for (int i = 0; i < a.runs().size(); i++) {
            RunRecord r = a.runs().get(i);
            if (i > 0) {
                runs.append(',');
            }
            runs.append(new JsonLine().put("run", i + 1).put("app", r.app()).put("started", r.started()).put("pid", r.pid())
                    .put("ending", r.ending().name().toLowerCase(java.util.Locale.ROOT)).put("ending_words", r.ending().words())
                    .put("peak_mb", r.peakMb()).put("limit_mb", Analyzer.limitOf(r)).put("events", r.events().size())
                    .put("last_operations", r.journalOperations()));
        }
        runs.append(']');
        StringBuilder findings = new StringBuilder("[");
        for (int i = 0; i < a.findings().size(); i++) {
            Finding f = a.findings().get(i);
            if (i > 0) {
                findings.append(',');
            }
            findings.append(new JsonLine().put("rank", i + 1).put("kind", f.kind()).put("score", Math.round(f.score() * 100) / 100.0)
                    .put("run", f.run()).put("title", f.title()).put("detail", f.detail()).put("evidence", f.evidence())
                    .put("advice", f.advice()));
        }
        findings.append(']');
        StringBuilder issues = new StringBuilder("[");
        for (int i = 0; i < a.issues().size(); i++) {
            if (i > 0) {
                issues.append(',');
            }
            LogParser.Issue issue = a.issues().get(i);
            issues.append(new JsonLine().put("file", issue.file()).put("line", issue.line()).put("message", issue.message()));
        }
        issues.append(']');
        return new JsonLine().put("crash_found", a.crashFound()).putRaw("runs", runs.toString())
                .putRaw("findings", findings.toString()).putRaw("input_notes", issues.toString()) + "\n";
    }
}
