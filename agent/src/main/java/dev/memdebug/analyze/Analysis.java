package dev.memdebug.analyze;

import java.util.List;

/** What {@link Analyzer} concluded: the runs, the ranked findings and what the reader skipped. Immutable. */
public record Analysis(List<String> files, List<RunRecord> runs, List<Finding> findings, List<LogParser.Issue> issues,
                       int foreignLines, boolean stream) {

    /** Whether any run ended without a clean shutdown (a crash, most likely). */
    public boolean crashFound() {
        for (RunRecord r : runs) {
            if (r.ending() != RunRecord.Ending.CLEAN && r.ending() != RunRecord.Ending.RUNNING) {
                return true;
            }
        }
        return false;
    }
}
