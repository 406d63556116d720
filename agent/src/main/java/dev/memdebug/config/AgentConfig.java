package dev.memdebug.config;

import dev.memdebug.alert.AlertFormat;
import dev.memdebug.alert.AlertTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration in effect: every fixed key parsed to its type, plus the hook entries in file order.
 * Immutable and safe to share between threads. Built by {@link ConfigLoader}, which guarantees that
 * each value here is valid (an invalid source value was reported and replaced by the default).
 */
public final class AgentConfig {

    /** The {@code memory.limit} value that means "detect it". */
    public static final long LIMIT_AUTO = -1;

    private final boolean enabled;
    private final String appName;
    private final Path logPath;
    private final boolean logJson;
    private final long logMaxSize;
    private final int logKeep;
    private final boolean logStderr;
    private final int logStderrSnapshots;
    private final long memoryLimit;
    private final long snapshotIntervalMillis;
    private final long checkIntervalMillis;
    private final long checkIntervalHighMillis;
    private final long spikeThresholdBytes;
    private final long spikeWindowMillis;
    private final Threshold high;
    private final Threshold critical;
    private final Threshold rearm;
    private final long alarmRepeatMillis;
    private final int operationsShown;
    private final int operationsCapacity;
    private final long hooksReportAfterMillis;
    private final AlertTarget alertTarget;
    private final AlertFormat alertFormat;
    private final long alertTimeoutMillis;
    private final boolean contextRedact;
    private final boolean operationsJournal;
    private final long gcSummaryIntervalMillis;
    private final long gcLongPauseMillis;
    private final boolean criticalHistogram;
    private final long criticalHistogramIntervalMillis;
    private final long criticalHistogramMaxHeap;
    private final boolean reliefGc;
    private final boolean reliefTrim;
    private final boolean logPathExplicit;
    private final List<ConfigEntry> hookEntries;

    AgentConfig(Values v, Path workingDir, boolean logPathExplicit, List<ConfigEntry> hookEntries) {
        this.enabled = v.bool(ConfigKey.ENABLED);
        this.appName = v.text(ConfigKey.APP_NAME);
        this.logPath = workingDir.resolve(v.text(ConfigKey.LOG_PATH)).toAbsolutePath().normalize();
        this.logJson = v.bool(ConfigKey.LOG_JSON);
        this.logMaxSize = v.size(ConfigKey.LOG_MAX_SIZE);
        this.logKeep = v.integer(ConfigKey.LOG_KEEP);
        this.logStderr = v.bool(ConfigKey.LOG_STDERR);
        this.logStderrSnapshots = v.integer(ConfigKey.LOG_STDERR_SNAPSHOTS);
        this.memoryLimit = v.sizeOrAuto(ConfigKey.MEMORY_LIMIT);
        this.snapshotIntervalMillis = v.duration(ConfigKey.SNAPSHOT_INTERVAL);
        this.checkIntervalMillis = v.duration(ConfigKey.CHECK_INTERVAL);
        this.checkIntervalHighMillis = v.duration(ConfigKey.CHECK_INTERVAL_HIGH);
        this.spikeThresholdBytes = v.size(ConfigKey.SPIKE_THRESHOLD);
        this.spikeWindowMillis = v.duration(ConfigKey.SPIKE_WINDOW);
        this.high = v.threshold(ConfigKey.HIGH_THRESHOLD);
        this.critical = v.threshold(ConfigKey.CRITICAL_THRESHOLD);
        this.rearm = v.threshold(ConfigKey.ALARM_REARM);
        this.alarmRepeatMillis = v.duration(ConfigKey.ALARM_REPEAT);
        this.operationsShown = v.integer(ConfigKey.OPERATIONS_SHOWN);
        this.operationsCapacity = v.integer(ConfigKey.OPERATIONS_CAPACITY);
        this.operationsJournal = v.bool(ConfigKey.OPERATIONS_JOURNAL);
        this.hooksReportAfterMillis = v.duration(ConfigKey.HOOKS_REPORT_AFTER);
        String alertUrl = v.text(ConfigKey.ALERT_URL);
        this.alertTarget = alertUrl.isEmpty() ? null : AlertTarget.parse(alertUrl);
        this.alertFormat = AlertFormat.byId(v.text(ConfigKey.ALERT_FORMAT));
        this.alertTimeoutMillis = v.duration(ConfigKey.ALERT_TIMEOUT);
        this.contextRedact = v.bool(ConfigKey.CONTEXT_REDACT);
        this.gcSummaryIntervalMillis = v.duration(ConfigKey.GC_SUMMARY_INTERVAL);
        this.gcLongPauseMillis = v.duration(ConfigKey.GC_LONG_PAUSE);
        this.criticalHistogram = v.bool(ConfigKey.CRITICAL_HISTOGRAM);
        this.criticalHistogramIntervalMillis = v.duration(ConfigKey.CRITICAL_HISTOGRAM_INTERVAL);
        this.criticalHistogramMaxHeap = v.size(ConfigKey.CRITICAL_HISTOGRAM_MAX_HEAP);
        this.reliefGc = v.bool(ConfigKey.RELIEF_GC);
        this.reliefTrim = v.bool(ConfigKey.RELIEF_TRIM);
        this.logPathExplicit = logPathExplicit;
        this.hookEntries = List.copyOf(hookEntries);
    }

    /** The defaults alone, for tests and for a run whose sources could not be read at all. */
    public static AgentConfig defaults(Path workingDir) {
        return new AgentConfig(Values.defaults(), workingDir, false, List.of());
    }

    public boolean enabled() { return enabled; }
    public String appName() { return appName; }
    public Path logPath() { return logPath; }
    /** Whether a source named the log path (else the default in the working directory is in use). */
    public boolean logPathExplicit() { return logPathExplicit; }
    public boolean logJson() { return logJson; }
    public long logMaxSize() { return logMaxSize; }
    public int logKeep() { return logKeep; }
    public boolean logStderr() { return logStderr; }
    public int logStderrSnapshots() { return logStderrSnapshots; }
    /** The configured limit in bytes, or {@link #LIMIT_AUTO}. */
    public long memoryLimit() { return memoryLimit; }
    public long snapshotIntervalMillis() { return snapshotIntervalMillis; }
    public long checkIntervalMillis() { return checkIntervalMillis; }
    public long checkIntervalHighMillis() { return checkIntervalHighMillis; }
    public long spikeThresholdBytes() { return spikeThresholdBytes; }
    public long spikeWindowMillis() { return spikeWindowMillis; }
    public Threshold high() { return high; }
    public Threshold critical() { return critical; }
    public Threshold rearm() { return rearm; }
    public long alarmRepeatMillis() { return alarmRepeatMillis; }
    public int operationsShown() { return operationsShown; }
    public int operationsCapacity() { return operationsCapacity; }
    /** Whether hooked calls are also stored into the memory-mapped operation journal beside the log. */
    public boolean operationsJournal() { return operationsJournal; }
    public long hooksReportAfterMillis() { return hooksReportAfterMillis; }
    /** Where CRITICAL alerts go, or {@code null}: alerts are opt-in. */
    public AlertTarget alertTarget() { return alertTarget; }
    public AlertFormat alertFormat() { return alertFormat; }
    public long alertTimeoutMillis() { return alertTimeoutMillis; }
    /** Whether hook context values are masked by default ({@code context.redact}). */
    public boolean contextRedact() { return contextRedact; }
    public long gcSummaryIntervalMillis() { return gcSummaryIntervalMillis; }
    public long gcLongPauseMillis() { return gcLongPauseMillis; }
    public boolean criticalHistogram() { return criticalHistogram; }
    public long criticalHistogramIntervalMillis() { return criticalHistogramIntervalMillis; }
    public long criticalHistogramMaxHeap() { return criticalHistogramMaxHeap; }
    public boolean reliefGc() { return reliefGc; }
    public boolean reliefTrim() { return reliefTrim; }
    /** The {@code hook.*}, {@code gauge.*}, {@code counter.*}, {@code limit.*} and {@code snapshot.*} entries, in source order. */
    public List<ConfigEntry> hookEntries() { return hookEntries; }
}
