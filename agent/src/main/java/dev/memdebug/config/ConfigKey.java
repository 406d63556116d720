package dev.memdebug.config;

import java.util.Locale;

/**
 * Every fixed configuration key, with its default and the one-line description shown by
 * {@code --help} and in the example {@code agent.properties}. Hook keys ({@code hook.*},
 * {@code gauge.*}, {@code limit.*}, {@code counter.*}) are open-ended and described by
 * {@link HookKeys}.
 */
public enum ConfigKey {
    ENABLED("enabled", "true", Kind.BOOLEAN, "Turns the agent off without removing -javaagent."),
    APP_NAME("app.name", "", Kind.TEXT, "Name shown in the log header; empty means the main class or jar."),
    LOG_PATH("log.path", "memory_debug.log", Kind.TEXT, "The log file; relative paths are taken from the working directory."),
    LOG_JSON("log.json", "true", Kind.BOOLEAN, "Also write JSON lines beside the log (memory_debug.jsonl) for machines."),
    LOG_MAX_SIZE("log.max-size", "10MB", Kind.SIZE, "Size at which the log rotates to <log>.1 (the header context is repeated)."),
    LOG_KEEP("log.keep", "1", Kind.INT, "Rotated files kept (0-9); the oldest is deleted."),
    LOG_STDERR("log.stderr", "true", Kind.BOOLEAN, "Mirror the header, warnings and CRITICAL blocks to stderr, which platforms keep in their log stream."),
    LOG_STDERR_SNAPSHOTS("log.stderr.snapshots", "1", Kind.INT, "Mirror every Nth periodic snapshot to stderr (0 = none, 1 = all)."),
    MEMORY_LIMIT("memory.limit", "auto", Kind.SIZE_OR_AUTO, "The memory limit that kills the process; auto = the cgroup limit, else physical memory."),
    SNAPSHOT_INTERVAL("snapshot.interval", "300s", Kind.DURATION, "Time between periodic snapshots (0 = none)."),
    CHECK_INTERVAL("check.interval", "1s", Kind.DURATION, "Time between memory checks below HIGH (10ms to 60s)."),
    CHECK_INTERVAL_HIGH("check.interval.high", "50ms", Kind.DURATION, "Time between memory checks above HIGH (10ms to 1s); checks also come sooner when memory climbs fast."),
    SPIKE_THRESHOLD("spike.threshold", "50MB", Kind.SIZE, "A rise of more than this within spike.window is logged as a MEMORY SPIKE (as CRITICAL if it is half the room left to CRITICAL or more and at its pace covers it within 200ms)."),
    SPIKE_WINDOW("spike.window", "10s", Kind.DURATION, "The window over which a rise counts as a spike."),
    HIGH_THRESHOLD("high.threshold", "80%", Kind.THRESHOLD, "HIGH MEMORY above this share of the limit (or an absolute size such as 410MB)."),
    CRITICAL_THRESHOLD("critical.threshold", "94%", Kind.THRESHOLD, "CRITICAL MEMORY - CRASH IMMINENT above this (94% of 512 MB is 481 MB)."),
    ALARM_REARM("alarm.rearm", "5%", Kind.THRESHOLD, "Memory must fall this far below a threshold before crossing it again is logged again."),
    ALARM_REPEAT("alarm.repeat", "60s", Kind.DURATION, "A HIGH or CRITICAL episode that lasts is logged again after this quiet period."),
    OPERATIONS_SHOWN("operations.shown", "5", Kind.INT, "Recent operations listed in HIGH and CRITICAL blocks (1-100)."),
    OPERATIONS_CAPACITY("operations.capacity", "4096", Kind.INT, "Operation records that may wait between the app's threads and the writer (64-1048576)."),
    OPERATIONS_JOURNAL("operations.journal", "true", Kind.BOOLEAN, "With hooks, the app's threads also store each operation at the call in a 26 KB memory-mapped file beside the log (memory_debug.ops), so the last ones survive a kill that stalls the whole JVM; the next start lists them in its restart marker."),
    CONTEXT_REDACT("context.redact", "true", Kind.BOOLEAN, "Mask what looks like a token, password, e-mail address or phone number in hook contexts (hook.NAME.redact overrides it per hook)."),
    HOOKS_REPORT_AFTER("hooks.report-after", "30s", Kind.DURATION, "When hooks that matched nothing are reported, counted from start."),
    GC_SUMMARY_INTERVAL("gc.summary.interval", "60s", Kind.DURATION, "Collections other than full GCs and long pauses are summed up in one GC summary line per this interval (0 = none, else at least 1s)."),
    GC_LONG_PAUSE("gc.long-pause", "500ms", Kind.DURATION, "A collection pause at least this long is logged at once, like every full GC (0 = only full GCs; at most 60s); ZGC and Shenandoah cycles run beside the app and do not count."),
    CRITICAL_HISTOGRAM("critical.histogram", "true", Kind.BOOLEAN, "After a CRITICAL block, log the top 10 classes by heap bytes (a class histogram: stops the app for one full GC)."),
    CRITICAL_HISTOGRAM_INTERVAL("critical.histogram.interval", "10m", Kind.DURATION, "At most one class histogram per this period, and at most one per CRITICAL episode."),
    CRITICAL_HISTOGRAM_MAX_HEAP("critical.histogram.max-heap", "2GB", Kind.SIZE, "No class histogram while the heap in use is larger than this: its pause grows with the heap."),
    RELIEF_GC("relief.gc", "false", Kind.BOOLEAN, "At HIGH, run System.gc() and log what it freed (Auto GC triggered at ...)."),
    RELIEF_TRIM("relief.trim", "false", Kind.BOOLEAN, "At HIGH, have the JVM return free malloc memory to the OS (System.trim_native_heap, JDK 17.0.9+ and 21+) and log the RSS it freed."),
    ALERT_URL("alert.url", "", Kind.TEXT, "Opt-in: POST the CRITICAL block, once per episode, to this http(s) URL (e.g. a chat webhook); empty = the agent sends nothing anywhere. Shown only as scheme://host/…"),
    ALERT_FORMAT("alert.format", "text", Kind.TEXT, "Body of the alert: text (the block), json ({\"type\":\"critical\",\"text\":...}) or chat (a Slack/Discord webhook message)."),
    ALERT_TIMEOUT("alert.timeout", "5s", Kind.DURATION, "Connect and read time-out of the alert request (100ms to 30s); a failed alert is logged, never retried.");

    /** The shapes a value can take; each has its parser in {@link ValueParser}. */
    public enum Kind { BOOLEAN, TEXT, SIZE, SIZE_OR_AUTO, DURATION, THRESHOLD, INT }

    private final String key;
    private final String defaultValue;
    private final Kind kind;
    private final String description;

    ConfigKey(String key, String defaultValue, Kind kind, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets this key: {@code log.max-size} is {@code MEMDEBUG_LOG_MAX_SIZE}. */
    public String environmentName() {
        return environmentName(key);
    }

    static String environmentName(String key) {
        return "MEMDEBUG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static ConfigKey byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
