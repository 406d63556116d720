package dev.memdebug.analyze;

import java.util.ArrayList;
import java.util.List;

/** One run of the app as the log tells it: from its header (or the start of the file) to the next one. */
public final class RunRecord {

    /** How a run ended. */
    public enum Ending {
        CLEAN("ended with a clean shutdown"),
        OOM_KILL_CONFIRMED("killed by the kernel's OOM killer (confirmed by the cgroup's counter)"),
        UNCLEAN_NEAR_LIMIT("ended without a shutdown near the memory limit: most likely an OOM kill"),
        UNCLEAN_FAR_FROM_LIMIT("ended without a shutdown far from the limit: something other than memory ended it"),
        RUNNING("still running (or cut off) when the log was read");

        private final String words;

        Ending(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    String app = "?";
    String started;
    long pid = -1;
    int headerLine;
    double limitMb = -1;
    String limitSource = "";
    String platform = "";
    double criticalMb = -1;
    double highMb = -1;
    Ending ending = Ending.RUNNING;
    String restartVerdict;
    final List<LogEventRecord> events = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** The last operations the restart marker after this run lists from its operation journal, as logged. */
    final List<String> journalOperations = new ArrayList<>();

    public String app() { return app; }
    public String started() { return started; }
    public long pid() { return pid; }
    public double limitMb() { return limitMb; }
    public Ending ending() { return ending; }
    public List<LogEventRecord> events() { return events; }
    /** {@code [05:59:44] Chunk - 151.2 MB - op 85}, oldest first; empty when the log has none. */
    public List<String> journalOperations() { return journalOperations; }

    /** The highest figure any event recorded. */
    public double peakMb() {
        double peak = -1;
        for (LogEventRecord e : events) {
            peak = Math.max(peak, e.mb);
        }
        return peak;
    }

    /** The last event with a figure, or {@code null}. */
    public LogEventRecord lastFigure() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).mb >= 0) {
                return events.get(i);
            }
        }
        return null;
    }
}
