package dev.memdebug.analyze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event read back from a log: its kind, time, figures and the lines it came from (the evidence a
 * finding cites). Mutable while the parser fills it, read-only afterwards.
 */
public final class LogEventRecord {

    /** The kinds of event the analyzer understands; anything else is {@link #OTHER}. */
    public enum Kind { PERIODIC, FINAL, SPIKE, HIGH, CRITICAL, LIMIT, GC, NOTICE, SHUTDOWN, OTHER }

    final Kind kind;
    final String file;
    final String stamp;
    final long epochSecond;
    final int line;
    final String head;
    double mb = -1;
    double limitMb = -1;
    double riseMb = -1;
    double heapUsedMb = -1;
    double directMb = -1;
    double metaspaceMb = -1;
    double otherNativeMb = -1;
    int threads = -1;
    /** The breakdown's estimate of thread stacks; -1 in logs that predate it. */
    double stacksMb = -1;
    /** The agent's growth line (part to MB since the run's first snapshot, largest growth first); empty in older logs. */
    final Map<String, Double> growthMb = new LinkedHashMap<>();
    String operation;
    String context;
    String limitLabel;
    long limitValue;
    long limitMax;
    final Map<String, Long> metrics = new LinkedHashMap<>();
    final List<OperationLine> operations = new ArrayList<>();

    LogEventRecord(Kind kind, String file, String stamp, long epochSecond, int line, String head) {
        this.kind = kind;
        this.file = file;
        this.stamp = stamp;
        this.epochSecond = epochSecond;
        this.line = line;
        this.head = head;
    }

    public Kind kind() { return kind; }
    public String stamp() { return stamp; }
    public long epochSecond() { return epochSecond; }
    /** The 1-based line number of the event's first line in its file. */
    public int line() { return line; }
    public String file() { return file; }
    public String head() { return head; }
    public double mb() { return mb; }
    public double limitMb() { return limitMb; }
    public Map<String, Long> metrics() { return metrics; }
    public List<OperationLine> operations() { return operations; }
    public String operation() { return operation; }

    /** One {@code [14:46:42] Session Created - 456.2 MB - User 77777} line of an event. */
    public record OperationLine(String clock, String label, double mb, String context, String file, int line) {
    }
}
