package dev.memdebug.log;

import dev.memdebug.ops.Operation;
import dev.memdebug.ops.PreviousJournal;
import dev.memdebug.sample.MemoryBreakdown;
import dev.memdebug.sample.MemorySnapshot;
import dev.memdebug.sample.MetricValue;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of {@code memory_debug.log}: the user's guide's example, line for line where it has one
 * (UTF-8, the emoji markers, {@code ├─}/{@code └─} snapshot blocks), and the JSON line for each event.
 * The analyzer reads exactly these shapes; change them together.
 *
 * <p>Stateless apart from the time zone; thread-safe.
 */
public final class LogLayout {

    public static final String RULE = "=".repeat(80);
    public static final String SEPARATOR = "-".repeat(80);
    public static final String SIRENS = "🚨".repeat(40);
    public static final String HEADER_TITLE = "MEMORY DEBUG LOG - ";
    public static final String CLEAN_SHUTDOWN = "✅ CLEAN SHUTDOWN";
    public static final String RESTARTED = "🔄 RESTARTED at ";
    /** Heads the previous run's last operations from its journal in the restart marker. */
    public static final String JOURNAL_TITLE = "Last operations its threads recorded (from the operation journal, stored at each call, so newer than the log can be):";
    /** Starts the breakdown's growth line in snapshot blocks. */
    public static final String GROWN_SINCE = "Grown since ";

    private final LocalClock clock;

    public LogLayout(ZoneId zone) {
        this.clock = new LocalClock(zone);
    }

    public String stamp(long millis) {
        return clock.dateTime(millis);
    }

    public LogEvent header(HeaderInfo h) {
        StringBuilder t = new StringBuilder(1024);
        t.append(RULE).append('\n');
        t.append(HEADER_TITLE).append(h.appName()).append(" (memdebug ").append(h.version()).append(")\n");
        t.append("Started: ").append(stamp(h.startMillis())).append(" | PID ").append(h.pid()).append(" | Host ").append(h.host()).append('\n');
        t.append(RULE).append('\n');
        t.append("JVM: ").append(h.jvm()).append('\n');
        t.append("JVM memory flags: ").append(h.jvmFlags()).append('\n');
        t.append("Platform: ").append(h.platform()).append('\n');
        t.append("Memory limit: ").append(Mb.limit(h.limitBytes())).append(" (").append(h.limitSource()).append(")\n");
        t.append("Measured: ").append(h.measured()).append('\n');
        t.append("Thresholds: ").append(h.thresholds()).append('\n');
        t.append("Checks: ").append(h.checks()).append('\n');
        t.append("Log: ").append(h.logDescription()).append('\n');
        t.append("Config: ").append(h.configSources()).append('\n');
        if (h.oomKillsSoFar() >= 0) {
            t.append("OOM kills counted by the cgroup so far: ").append(h.oomKillsSoFar()).append('\n');
        }
        for (String note : h.notes()) {
            t.append(note).append('\n');
        }
        t.append('\n');
        t.append("This file captures critical memory events to help debug OOM crashes.\n");
        t.append("Check this file after crashes to see what happened before running out of RAM.\n");
        t.append(SEPARATOR).append('\n').append('\n');
        JsonLine j = new JsonLine().put("ts", h.startMillis()).put("type", "start").put("app", h.appName())
                .put("version", h.version()).put("pid", h.pid()).put("host", h.host()).put("jvm", h.jvm()).put("jvm_flags", h.jvmFlags())
                .put("platform", h.platform()).put("limit_mb", Mb.number(h.limitBytes()))
                .put("limit_source", h.limitSource()).put("thresholds", h.thresholds())
                .put("oom_kills", h.oomKillsSoFar());
        return new LogEvent(t.toString(), j.toString());
    }

    /** The guide's compact periodic line, with the counters and a JVM summary beneath. */
    public LogEvent periodic(MemorySnapshot s) {
        StringBuilder t = new StringBuilder(256);
        t.append('[').append(stamp(s.timeMillis())).append("] 📊 Periodic Snapshot: ").append(Mb.of(s.usedBytes()))
                .append(" / ").append(Mb.limit(s.limitBytes())).append('\n');
        String metrics = metricsLine(s.metrics());
        if (!metrics.isEmpty()) {
            t.append("   ").append(metrics).append('\n');
        }
        t.append("   ").append(jvmLine(s)).append('\n');
        if (s.baseline() != null) {
            t.append("   ").append(growthLine(s)).append('\n');
        }
        t.append('\n');
        return new LogEvent(t.toString(), snapshotJson(s, "periodic", null).toString());
    }

    public LogEvent spike(MemorySnapshot s, long riseBytes, long riseMillis, Operation latest, List<Operation> recent) {
        String title = "⚠️ MEMORY SPIKE: " + Mb.rise(riseBytes) + " in " + Decimal.seconds(riseMillis);
        JsonLine j = snapshotJson(s, "spike", latest).put("rise_mb", Mb.number(riseBytes)).put("rise_ms", riseMillis);
        return warningBlock(s, title, latest, recent, "Recent operations:", j);
    }

    public LogEvent high(MemorySnapshot s, Operation latest, List<Operation> recent) {
        String title = "⚠️ HIGH MEMORY: " + Mb.of(s.usedBytes()) + " / " + Mb.limit(s.limitBytes());
        return warningBlock(s, title, latest, recent, "Recent operations:", snapshotJson(s, "high", latest));
    }

    public LogEvent critical(MemorySnapshot s, Operation latest, List<Operation> recent) {
        return critical(s, latest, recent, 0);
    }

    public LogEvent critical(MemorySnapshot s, Operation latest, List<Operation> recent, double bytesPerSecond) {
        return critical(s, latest, recent, bytesPerSecond, 0);
    }

    /**
     * The CRITICAL block; a positive {@code bytesPerSecond} adds how fast memory was climbing, a positive
     * {@code collectionStepBytes} that the next young collection may add that much at once (the reason
     * for a CRITICAL below the threshold).
     */
    public LogEvent critical(MemorySnapshot s, Operation latest, List<Operation> recent, double bytesPerSecond,
                             long collectionStepBytes) {
        String figure = Mb.of(s.usedBytes()) + " / " + Mb.limit(s.limitBytes());
        String climbing = bytesPerSecond >= 1024 * 1024
                ? " - climbing " + Mb.of((long) bytesPerSecond) + "/s" : "";
        if (collectionStepBytes > 0) {
            climbing += " - next young GC may add " + Mb.of(collectionStepBytes);
        }
        String ts = "[" + stamp(s.timeMillis()) + "] ";
        StringBuilder t = new StringBuilder(2048);
        t.append(ts).append(SIRENS).append('\n');
        t.append(ts).append("🚨 CRITICAL MEMORY - CRASH IMMINENT: ").append(figure).append(climbing).append('\n');
        t.append("🚨 CRITICAL: CRASH IMMINENT! ").append(figure).append('\n');
        String metrics = metricsLine(s.metrics());
        if (!metrics.isEmpty()) {
            t.append(metrics).append('\n');
        }
        snapshotBlock(t, s, latest);
        t.append("Last ").append(recent.size()).append(" operations before crash:\n");
        operations(t, recent);
        t.append(SIRENS).append('\n').append('\n');
        JsonLine j = snapshotJson(s, "critical", latest).put("climb_mb_per_s", Mb.number((long) bytesPerSecond))
                .put("gc_step_mb", Mb.number(collectionStepBytes))
                .putRaw("recent", operationsJson(recent));
        return new LogEvent(t.toString(), j.toString());
    }

    /**
     * A short record written while a CRITICAL episode lasts, for the operations that came after its block:
     * {@code [ts] 🚨 STILL CRITICAL: 131.0 MB / 160 MB - 3 operation(s) since the last record}, then the
     * newest of them. The last operation before a kill is named even when the block came long before it.
     */
    public LogEvent criticalTrail(long timeMillis, long usedBytes, long limitBytes, long newOperations, List<Operation> newest) {
        StringBuilder t = new StringBuilder(256);
        t.append('[').append(stamp(timeMillis)).append("] 🚨 STILL CRITICAL: ").append(Mb.of(usedBytes)).append(" / ")
                .append(Mb.limit(limitBytes)).append(" - ").append(newOperations).append(" operation(s) since the last record\n");
        for (Operation op : newest) {
            t.append("   Operation: ").append(operation(op)).append('\n');
        }
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "critical_trail").put("mb", Mb.number(usedBytes))
                .put("limit_mb", Mb.number(limitBytes)).put("operations", newOperations).putRaw("recent", operationsJson(newest));
        return new LogEvent(t.toString(), j.toString());
    }

    public LogEvent limitExceeded(long timeMillis, long usedBytes, String label, long value, long limit, Operation cause) {
        StringBuilder t = new StringBuilder(256);
        t.append('[').append(stamp(timeMillis)).append("] ⚠️ LIMIT EXCEEDED: ").append(label).append(' ')
                .append(value).append(" > ").append(limit).append('\n');
        if (cause != null) {
            t.append("   Operation: ").append(operation(cause)).append('\n');
        } else {
            t.append("   Memory: ").append(Mb.of(usedBytes)).append('\n');
        }
        t.append(SEPARATOR).append('\n').append('\n');
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "limit").put("metric", label)
                .put("value", value).put("limit", limit).put("mb", Mb.number(usedBytes));
        if (cause != null) {
            j.put("op", operationJson(cause));
        }
        return new LogEvent(t.toString(), j.toString());
    }

    /** An agent message: {@code ℹ️} information, {@code ⚠️} a warning about the set-up, {@code ❌} an error. */
    public LogEvent notice(long timeMillis, String marker, String kind, String message) {
        String text = "[" + stamp(timeMillis) + "] " + marker + " " + message + "\n";
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "notice").put("level", kind).put("message", message);
        return new LogEvent(text, j.toString());
    }

    public LogEvent cleanShutdown(long timeMillis, long uptimeMillis, long peakBytes, long limitBytes, long lastUsedBytes,
                                  long operations, long dropped) {
        String text = "[" + stamp(timeMillis) + "] " + CLEAN_SHUTDOWN + " after " + uptime(uptimeMillis)
                + " - now " + Mb.of(lastUsedBytes) + ", peak " + Mb.of(peakBytes) + " / " + Mb.limit(limitBytes)
                + (operations > 0 || dropped > 0 ? " - operations recorded: " + operations + ", dropped: " + dropped : "") + "\n\n";
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "shutdown").put("uptime_ms", uptimeMillis)
                .put("mb", Mb.number(lastUsedBytes)).put("peak_mb", Mb.number(peakBytes)).put("limit_mb", Mb.number(limitBytes))
                .put("operations", operations).put("dropped", dropped);
        return new LogEvent(text, j.toString());
    }

    /** The snapshot written at a clean shutdown, in the periodic layout. */
    public LogEvent finalSnapshot(MemorySnapshot s) {
        LogEvent periodic = periodic(s);
        return new LogEvent(periodic.text().replaceFirst("📊 Periodic Snapshot:", "📊 Final Snapshot:"),
                periodic.json().replaceFirst("\"type\":\"periodic\"", "\"type\":\"final\""));
    }

    /** The marker written when the previous run in this log ended without a clean shutdown. */
    /**
     * The restart marker, with the last {@code shown} operations of the previous run's journal when there is
     * one: those its threads stored at the call, which may be newer than anything its log holds.
     */
    public LogEvent restarted(long timeMillis, PreviousRun previous, String cgroupVerdict, PreviousJournal journal, int shown) {
        StringBuilder t = new StringBuilder(512);
        t.append(RULE).append('\n');
        t.append(RESTARTED).append(stamp(timeMillis)).append('\n');
        t.append("Previous run");
        if (previous.pid() > 0) {
            t.append(" (PID ").append(previous.pid());
            if (previous.started() != null) {
                t.append(", started ").append(previous.started());
            }
            t.append(')');
        }
        t.append(" ended without a clean shutdown - check logs above\n");
        if (previous.lastLine() != null) {
            t.append("Last record before it ended: ").append(previous.lastLine()).append('\n');
        }
        if (previous.peakLine() != null && !previous.peakLine().equals(previous.lastLine())) {
            t.append("Highest alarm of that run: ").append(previous.peakLine()).append('\n');
        }
        if (previous.tornLine()) {
            t.append("Its last line was cut off mid-write by the crash (kept above as it was).\n");
        }
        t.append(cgroupVerdict).append('\n');
        List<PreviousJournal.Entry> last = journal == null ? List.of() : journal.last(shown);
        if (!last.isEmpty()) {
            t.append(JOURNAL_TITLE).append('\n');
            for (int i = 0; i < last.size(); i++) {
                t.append("  ").append(i + 1).append(". ").append(last.get(i).asLogged()).append('\n');
            }
        }
        if (journal != null && journal.torn() > 0) {
            t.append("(").append(journal.torn()).append(" journal line(s) cut off by the kill or by two threads at once were skipped)\n");
        }
        t.append(RULE).append('\n');
        JsonLine j = new JsonLine().put("ts", timeMillis).put("type", "restart").put("previous_pid", previous.pid())
                .put("previous_last", previous.lastLine()).put("verdict", cgroupVerdict).put("torn", previous.tornLine());
        if (!last.isEmpty()) {
            List<String> ops = new ArrayList<>(last.size());
            for (PreviousJournal.Entry e : last) {
                ops.add(e.timestamp() + " " + e.operation());
            }
            j.put("previous_operations", ops);
        }
        return new LogEvent(t.toString(), j.toString());
    }

    /** {@code 14:46:42] Session Created - 456.2 MB - User 77777} without the leading bracket. */
    public String operation(Operation op) {
        StringBuilder b = new StringBuilder(96);
        b.append('[').append(clock.time(op.timeMillis())).append("] ").append(op.label())
                .append(" - ").append(Mb.of(op.memoryBytes()));
        if (!op.context().isEmpty()) {
            b.append(" - ").append(op.context());
        }
        return b.toString();
    }

    private LogEvent warningBlock(MemorySnapshot s, String title, Operation latest, List<Operation> recent,
                                  String recentTitle, JsonLine json) {
        StringBuilder t = new StringBuilder(1024);
        t.append('[').append(stamp(s.timeMillis())).append("] ").append(title).append('\n');
        snapshotBlock(t, s, latest);
        if (!recent.isEmpty()) {
            t.append(recentTitle).append('\n');
            operations(t, recent);
        }
        t.append(SEPARATOR).append('\n').append('\n');
        json.putRaw("recent", operationsJson(recent));
        return new LogEvent(t.toString(), json.toString());
    }

    private void snapshotBlock(StringBuilder t, MemorySnapshot s, Operation latest) {
        t.append("📊 MEMORY SNAPSHOT | Operation: ").append(latest == null ? "none yet" : latest.label()).append('\n');
        List<String> lines = new ArrayList<>();
        lines.add("RAM Usage: " + Mb.of(s.rssBytes()) + " (Virtual: " + Mb.of(s.virtualBytes()) + ")");
        lines.add("System: " + Decimal.one(s.percentOfLimit()) + "% used ("
                + Mb.of(s.availableBytes()) + " available of " + Mb.limit(s.limitBytes()) + ")");
        List<MetricValue> metrics = s.metrics();
        if (!metrics.isEmpty()) {
            int split = metrics.size() > 3 ? 3 : metrics.size();
            lines.add(join(metrics.subList(0, split)));
            StringBuilder rest = new StringBuilder(join(metrics.subList(split, metrics.size())));
            if (rest.length() > 0) {
                rest.append(" | ");
            }
            rest.append("Threads: ").append(s.threads()).append(" | Open files: ").append(s.openFiles());
            lines.add(rest.toString());
        } else {
            lines.add("Threads: " + s.threads() + " | Open files: " + s.openFiles());
        }
        lines.add(jvmLine(s));
        if (s.baseline() != null) {
            lines.add(growthLine(s));
        }
        if (latest != null && !latest.context().isEmpty()) {
            lines.add("Context: " + latest.context());
        }
        for (int i = 0; i < lines.size(); i++) {
            t.append(i == lines.size() - 1 ? "└─ " : "├─ ").append(lines.get(i)).append('\n');
        }
    }

    private void operations(StringBuilder t, List<Operation> recent) {
        for (int i = 0; i < recent.size(); i++) {
            t.append("  ").append(i + 1).append(". ").append(operation(recent.get(i))).append('\n');
        }
    }

    /**
     * {@code JVM: heap 120.3/256.0 MB (max 1024 MB) ~180.0 MB touched | metaspace ... | other native ...}: heap used/committed,
     * and the resident estimate when it differs from the committed size.
     */
    public static String jvmLine(MemorySnapshot s) {
        StringBuilder b = new StringBuilder(200);
        b.append("JVM: heap ").append(number(s.heapUsed())).append('/').append(Mb.of(s.heapCommitted()));
        if (s.heapMax() > 0) {
            b.append(" (max ").append(Mb.limit(s.heapMax())).append(')');
        }
        if (s.heapTouchedBytes() != s.heapCommitted()) {
            b.append(" ~").append(Mb.of(s.heapTouchedBytes())).append(" touched");
        }
        b.append(" | metaspace ").append(Mb.of(s.metaspaceUsed()))
                .append(" | code ").append(Mb.of(s.codeCacheUsed()))
                .append(" | direct ").append(Mb.of(s.directBytes()))
                .append(" | mapped ").append(Mb.of(s.mappedBytes()))
                .append(" | threads ").append(s.threads()).append(" (~").append(Mb.of(s.stackBytesEstimate())).append(" stacks)")
                .append(" | other native ").append(Mb.of(s.otherNativeBytes()));
        return b.toString();
    }

    /**
     * {@code Grown since 14:35:22: heap +250.3 MB (largest) | other native +12.0 MB | metaspace -1.1 MB}:
     * each part of {@link MemoryBreakdown} that changed since the run's first snapshot, largest growth first.
     */
    public String growthLine(MemorySnapshot s) {
        StringBuilder b = new StringBuilder(160);
        b.append(GROWN_SINCE).append(clock.time(s.baseline().timeMillis())).append(": ");
        List<MemoryBreakdown.Part> growth = MemoryBreakdown.growth(s.baseline(), s);
        if (growth.isEmpty()) {
            return b.append("no part changed by 1 MB or more").toString();
        }
        for (int i = 0; i < growth.size(); i++) {
            MemoryBreakdown.Part p = growth.get(i);
            if (i > 0) {
                b.append(" | ");
            }
            b.append(p.name()).append(' ').append(Mb.rise(p.bytes()));
            if (i == 0 && p.bytes() > 0) {
                b.append(" (largest)");
            }
        }
        return b.toString();
    }

    private static String number(long bytes) {
        String mb = Mb.of(bytes);
        return mb.substring(0, mb.length() - 3);
    }

    static String metricsLine(List<MetricValue> metrics) {
        return join(metrics);
    }

    private static String join(List<MetricValue> metrics) {
        StringBuilder b = new StringBuilder();
        for (MetricValue m : metrics) {
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(m.display());
        }
        return b.toString();
    }

    private JsonLine snapshotJson(MemorySnapshot s, String type, Operation latest) {
        JsonLine metrics = new JsonLine();
        for (MetricValue m : s.metrics()) {
            metrics.put(m.label(), m.value() == MetricValue.UNREADABLE ? -1 : m.value());
        }
        JsonLine j = new JsonLine().put("ts", s.timeMillis()).put("type", type)
                .put("mb", Mb.number(s.usedBytes())).put("limit_mb", Mb.number(s.limitBytes()))
                .put("rss_mb", Mb.number(s.rssBytes())).put("virtual_mb", Mb.number(s.virtualBytes()))
                .put("container_mb", Mb.number(s.containerUsageBytes())).put("available_mb", Mb.number(s.availableBytes()))
                .put("heap_used_mb", Mb.number(s.heapUsed())).put("heap_committed_mb", Mb.number(s.heapCommitted()))
                .put("heap_max_mb", Mb.number(s.heapMax())).put("heap_touched_mb", Mb.number(s.heapTouchedBytes())).put("metaspace_mb", Mb.number(s.metaspaceUsed()))
                .put("code_mb", Mb.number(s.codeCacheUsed())).put("nonheap_committed_mb", Mb.number(s.nonHeapCommitted()))
                .put("direct_mb", Mb.number(s.directBytes())).put("mapped_mb", Mb.number(s.mappedBytes()))
                .put("threads", s.threads()).put("stacks_mb", Mb.number(s.stackBytesEstimate()))
                .put("other_native_mb", Mb.number(s.otherNativeBytes())).put("open_files", s.openFiles())
                .put("metrics", metrics);
        if (s.baseline() != null) {
            JsonLine growth = new JsonLine();
            for (MemoryBreakdown.Part p : MemoryBreakdown.growth(s.baseline(), s)) {
                growth.put(p.name().replace(' ', '_') + "_mb", Mb.number(Math.abs(p.bytes())) * Long.signum(p.bytes()));
            }
            j.put("growth", growth);
        }
        if (latest != null) {
            j.put("op", operationJson(latest));
        }
        return j;
    }

    private static JsonLine operationJson(Operation op) {
        return new JsonLine().put("ts", op.timeMillis()).put("label", op.label())
                .put("mb", Mb.number(op.memoryBytes())).put("context", op.context());
    }

    private static String operationsJson(List<Operation> ops) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(operationJson(ops.get(i)));
        }
        return b.append(']').toString();
    }

    static String uptime(long millis) {
        long s = millis / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + twoDigits(s % 60) + "s";
        }
        return (s / 3600) + "h " + twoDigits((s / 60) % 60) + "m " + twoDigits(s % 60) + "s";
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
