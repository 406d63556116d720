package dev.memdebug.agent;

import dev.memdebug.alert.AlertSender;
import dev.memdebug.config.AgentConfig;
import dev.memdebug.config.ConfigLoader;
import dev.memdebug.config.ConfigProblem;
import dev.memdebug.config.ValueParser;
import dev.memdebug.instrument.BootstrapInjector;
import dev.memdebug.instrument.HookRuntime;
import dev.memdebug.jvm.DiagnosticCommands;
import dev.memdebug.jvm.JvmFlags;
import dev.memdebug.log.HeaderInfo;
import dev.memdebug.log.JvmLayout;
import dev.memdebug.log.LogEvent;
import dev.memdebug.log.LogLayout;
import dev.memdebug.log.LogWriter;
import dev.memdebug.log.Mb;
import dev.memdebug.log.PreviousRun;
import dev.memdebug.log.RestartDetector;
import dev.memdebug.log.StderrMirror;
import dev.memdebug.monitor.AlarmState;
import dev.memdebug.monitor.AppActivity;
import dev.memdebug.monitor.GcListener;
import dev.memdebug.monitor.HeapReserve;
import dev.memdebug.monitor.JvmDiagnosis;
import dev.memdebug.monitor.PromotionForecast;
import dev.memdebug.monitor.MemoryMonitor;
import dev.memdebug.monitor.SpikeDetector;
import dev.memdebug.ops.OperationJournal;
import dev.memdebug.ops.PreviousJournal;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.platform.DirectoryPersistence;
import dev.memdebug.platform.LogPersistence;
import dev.memdebug.platform.LogStorageNotice;
import dev.memdebug.platform.Platform;
import dev.memdebug.sample.CgroupMemory;
import dev.memdebug.sample.HostMemory;
import dev.memdebug.sample.MemoryLimit;
import dev.memdebug.sample.ProcessMemory;
import dev.memdebug.sample.SnapshotReader;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wires the agent together. On the caller's thread (premain) it only reads the configuration and
 * installs hooks, which must be in place before the app's classes load; everything else (cgroup
 * detection, the restart check, the header) happens on the monitor thread, so start-up stays short.
 *
 * <p>Started at most once per JVM; a second {@code -javaagent} or attach is reported and ignored.
 */
public final class AgentRuntime {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile long PID = -1;

    private AgentRuntime() {
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (!STARTED.compareAndSet(false, true)) {
            System.err.println(StderrMirror.PREFIX + "⚠️ the agent is already running in this JVM; ignoring the second start");
            return;
        }
        // Read here, on the caller's thread before the app's main: the monitor thread prepares alongside an
        // app that may already fill the heap, and a JDK class whose initialiser fails then stays broken.
        PID = ownPid();
        Map<String, String> env = System.getenv();
        Path workingDir = Path.of("").toAbsolutePath();
        ConfigLoader.Result loaded = ConfigLoader.load(arguments, env, workingDir);
        AgentConfig config = loaded.config();
        if (!config.enabled()) {
            System.err.println(StderrMirror.PREFIX + "ℹ️ disabled by enabled=false (" + String.join(", ", loaded.sources()) + ")");
            return;
        }
        StderrMirror mirror = config.logStderr() ? new StderrMirror() : null;
        List<String> notes = new ArrayList<>();
        for (ConfigProblem problem : loaded.problems()) {
            notes.add("⚠️ CONFIG: " + problem.describe());
        }
        if (!config.hookEntries().isEmpty()) {
            String bridgeProblem = BootstrapInjector.prepare(instrumentation);
            if (bridgeProblem != null) {
                notes.add(bridgeProblem);
            }
        }
        HeapReserve.claim();
        AppActivity app = Hooks.install(config, instrumentation, attached, notes);
        CountDownLatch ready = new CountDownLatch(1);
        MemoryMonitor[] monitorRef = new MemoryMonitor[1];
        // Anonymous classes, not lambdas, for the two threads: premain would otherwise link each lambda
        // (the agent's premain has none left), before the app's main runs.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                MemoryMonitor monitor;
                try {
                    monitor = prepareDespiteFullHeap(config, loaded, mirror, notes, app, env);
                    monitorRef[0] = monitor;
                } catch (Throwable t) {
                    System.err.println(StderrMirror.PREFIX + "❌ the agent could not start its monitor and is disabled; the application is unaffected: " + t);
                    return;
                } finally {
                    ready.countDown();
                }
                monitor.run();
            }
        }, "memdebug-monitor");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    if (ready.await(2, TimeUnit.SECONDS) && monitorRef[0] != null) {
                        monitorRef[0].writeShutdown();
                    }
                } catch (Throwable ignored) {
                    // The JVM is going down; a missing shutdown line reads as an unclean end, which is honest.
                }
            }
        }, "memdebug-shutdown"));
    }

    /**
     * An app that fills its heap from its first instant must not switch the agent off: an
     * OutOfMemoryError during start-up releases the reserve and start-up is tried again, a little later,
     * for up to a minute. The steps that write (restart marker, header) are done once only.
     */
    private static MemoryMonitor prepareDespiteFullHeap(AgentConfig config, ConfigLoader.Result loaded, StderrMirror mirror,
                                                        List<String> notes, AppActivity app, Map<String, String> env)
            throws InterruptedException {
        Startup startup = new Startup();
        for (int attempt = 1; ; attempt++) {
            try {
                return prepare(config, loaded, mirror, notes, app, env, startup);
            } catch (OutOfMemoryError e) {
                HeapReserve.release();
                if (attempt >= 600) {
                    throw e;
                }
                Thread.sleep(100);
                HeapReserve.claim();
            }
        }
    }

    /** What start-up has done already, so a retry after an OutOfMemoryError writes nothing twice. */
    private static final class Startup {
        long start = System.currentTimeMillis();
        boolean markerDone;
        boolean headerDone;
        LogWriter writer;
        boolean journalDone;
        /** Whether the earlier run's journal was read already (it was when this run writes one). */
        boolean previousOpsRead;
        PreviousJournal previousOps;
        OperationJournal journal;
    }

    private static MemoryMonitor prepare(AgentConfig config, ConfigLoader.Result loaded, StderrMirror mirror,
                                         List<String> notes, AppActivity app, Map<String, String> env, Startup startup) {
        long start = startup.start;
        if (!startup.journalDone) {
            // First, so the app's threads journal their calls as early as possible. Here rather than in premain:
            // the journal needs the time zone (the JDK reads its zone database for that), a file mapping and the
            // earlier run's journal read back, about 15 ms that would otherwise hold up the app's main. Calls
            // made before it is attached are in the log, not the journal. The earlier run's journal must be
            // read before this run empties it; a run without a journal of its own reads it only when a restart
            // marker needs it.
            if (config.operationsJournal() && app instanceof HookRuntime runtime) {
                if (!startup.previousOpsRead) {
                    startup.previousOps = readJournal(journalPath(config), notes);
                    startup.previousOpsRead = true;
                }
                startup.journal = createJournal(journalPath(config), config.operationsShown(), notes);
                runtime.attachJournal(startup.journal);
            }
            startup.journalDone = true;
        }
        CgroupMemory cgroup = CgroupMemory.detect();
        ProcessMemory process = new ProcessMemory(Path.of("/proc/self"));
        HostMemory host = new HostMemory(Path.of("/proc/meminfo"));
        Platform platform = Platform.detect(env, Path.of("/"));
        MemoryLimit limit = MemoryLimit.resolve(config.memoryLimit(), cgroup, host);
        String procNote = process.headerNote(limit.fromCgroup());
        if (procNote != null && !notes.contains(procNote)) {
            notes.add(procNote);
        }
        long high = config.high().resolve(limit.bytes());
        long critical = config.critical().resolve(limit.bytes());
        if (high >= critical || critical > limit.bytes()) {
            String note = "⚠️ CONFIG: high.threshold " + config.high() + " (" + Mb.of(high) + ") and critical.threshold "
                    + config.critical() + " (" + Mb.of(critical) + ") do not fit the " + Mb.limit(limit.bytes())
                    + " limit; using 80% and 94%";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            high = Math.round(limit.bytes() * 0.80);
            critical = Math.round(limit.bytes() * 0.94);
        }
        JvmFlags flags = JvmFlags.read();
        notes.addAll(flags.warnings(limit.bytes(), nativeNow()));
        Path logPath = config.logPath();
        boolean logExisted = Files.exists(logPath);
        DirectoryPersistence where = LogPersistence.read(Path.of("/proc/self/mountinfo"), platform)
                .check(existingDirectory(logPath.getParent()));
        LogStorageNotice storage = LogStorageNotice.of(where, platform, logPath, logExisted, mirror != null);
        notes.addAll(storage.lines());
        if (storage.willBeLost() && mirror == null) {
            // With the mirror on, the header (and this warning in it) reaches stderr anyway.
            new StderrMirror().write(storage.lines().get(0));
        }
        Path jsonPath = config.logJson() ? besideLog(logPath, ".jsonl") : null;
        if (startup.writer == null) {
            startup.writer = new LogWriter(logPath, jsonPath, config.logMaxSize(), config.logKeep(), mirror);
        }
        LogWriter writer = startup.writer;
        LogLayout layout = new LogLayout(ZoneId.systemDefault());

        PreviousRun previous = null;
        if (!startup.markerDone) {
            try {
                previous = RestartDetector.read(logPath);
            } catch (Exception e) {
                notes.add("⚠️ could not read the previous log to check for a crash: " + e);
            }
        }
        long oomKills = cgroup.oomKillCount();
        if (previous != null && !previous.clean() && !startup.markerDone) {
            String verdict = RestartDetector.verdict(previous, oomKills, config.critical().isPercent() ? config.critical().percent() : 94);
            PreviousJournal ops = startup.previousOpsRead ? startup.previousOps : readJournal(journalPath(config), notes);
            boolean sameRun = ops != null && (previous.pid() < 0 || ops.pid() < 0 || ops.pid() == previous.pid());
            LogEvent marker = layout.restarted(start, previous, verdict, sameRun ? ops : null, config.operationsShown());
            writer.write((previous.tornLine() ? "\n" : "") + marker.text(), marker.json(), true);
        }
        startup.markerDone = true;

        if (config.alertTarget() != null) {
            notes.add("Alert: each CRITICAL episode's block is also sent to " + config.alertTarget().display() + " (format "
                    + config.alertFormat().id() + ", time-out " + ValueParser.formatDuration(config.alertTimeoutMillis()) + ", no retries)");
        }
        HeaderInfo header = new HeaderInfo(
                appName(config),
                Version.current(),
                start,
                PID,
                hostName(env),
                JvmDescription.describe(),
                flags.describe(),
                platform.describe(),
                limit.bytes(),
                limit.source(),
                limit.fromCgroup() ? "container working set (cgroup usage minus inactive file cache); RSS shown beside it"
                        : "process RSS (resident memory)",
                "HIGH " + Mb.of(high) + " (" + config.high() + ") | CRITICAL " + Mb.of(critical) + " (" + config.critical()
                        + ") | SPIKE " + Mb.rise(config.spikeThresholdBytes()) + " within " + ValueParser.formatDuration(config.spikeWindowMillis()),
                "every " + ValueParser.formatDuration(config.checkIntervalMillis()) + ", every "
                        + ValueParser.formatDuration(config.checkIntervalHighMillis()) + " above HIGH | Periodic snapshots every "
                        + ValueParser.formatDuration(config.snapshotIntervalMillis()),
                logPath + sideFiles(jsonPath, startup.journal) + ", rotates at "
                        + ValueParser.formatSize(config.logMaxSize()) + " keeping " + config.logKeep()
                        + " | stderr mirror " + (mirror != null ? "on" : "off"),
                loaded.sources().isEmpty() ? "defaults" : String.join(", ", loaded.sources()),
                oomKills,
                notes);
        if (!startup.headerDone) {
            LogEvent headerEvent = layout.header(header);
            String continuation = headerEvent.text().replaceFirst(LogLayout.HEADER_TITLE, LogLayout.HEADER_TITLE + "(continued) ");
            writer.write(headerEvent.text(), headerEvent.json(), true);
            writer.setContinuation(continuation);
            startup.headerDone = true;
        }

        RecentOperations recent = new RecentOperations(Math.max(64, config.operationsShown() * 4));
        SnapshotReader reader = new SnapshotReader(cgroup, process, host, limit, app::metrics);
        AlarmState alarm = new AlarmState(high, critical, config.rearm().resolve(limit.bytes()), config.alarmRepeatMillis());
        SpikeDetector spikes = new SpikeDetector(config.spikeThresholdBytes(), config.spikeWindowMillis());
        JvmDiagnosis jvm = new JvmDiagnosis(new JvmLayout(layout), reader, config.gcSummaryIntervalMillis(),
                config.gcLongPauseMillis(), config.criticalHistogram(), config.criticalHistogramIntervalMillis(),
                config.criticalHistogramMaxHeap(), flags.nmtOn(), config.reliefGc(), config.reliefTrim(), new DiagnosticCommands());
        PromotionForecast promotion = PromotionForecast.forThisJvm();
        MemoryMonitor monitor = new MemoryMonitor(reader, writer, layout, recent, app, alarm, spikes, promotion,
                config.checkIntervalMillis(), config.checkIntervalHighMillis(), config.snapshotIntervalMillis(),
                config.operationsShown(), config.logStderrSnapshots(), jvm);
        if (config.alertTarget() != null) {
            AlertSender sender = new AlertSender(config.alertTarget(), config.alertFormat(), config.alertTimeoutMillis(),
                    header.appName(), header.host(), (ok, message) -> {
                        LogEvent e = layout.notice(System.currentTimeMillis(), ok ? "📣" : "⚠️", ok ? "info" : "warn", message);
                        writer.write(e.text(), e.json(), true);
                    });
            sender.start();
            monitor.setAlerts(sender);
        }
        jvm.listen(GcListener.register(monitor::wake, promotion));
        Hooks.bind(app, monitor, config.hooksReportAfterMillis());
        return monitor;
    }

    /** {@code dir} with links resolved, or its nearest existing ancestor: the mount table speaks of real paths. */
    static Path existingDirectory(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                return p.toRealPath();
            } catch (Exception e) {
                // Not there (yet): the log writer creates it; its parent decides the mount.
            }
        }
        return dir;
    }

    /** What the JVM holds outside the heap at start: non-heap pools and the threads' stacks. */
    private static long nativeNow() {
        java.lang.management.MemoryUsage nonHeap = java.lang.management.ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        return nonHeap.getCommitted() + java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount() * 1024L * 1024;
    }

    /** {@code  (+ memory_debug.jsonl, memory_debug.ops)}: the files written beside the log, or nothing. */
    private static String sideFiles(Path jsonPath, OperationJournal journal) {
        List<String> names = new ArrayList<>();
        if (jsonPath != null) {
            names.add(jsonPath.getFileName().toString());
        }
        if (journal != null) {
            names.add(journal.path().getFileName() + " (last operations, written at the call)");
        }
        return names.isEmpty() ? "" : " (+ " + String.join(", ", names) + ")";
    }

    /**
     * The earlier run's journal, read before this run empties it; {@code null} if there is none. A
     * journal that cannot be read costs only its lines in the restart marker.
     */
    private static PreviousJournal readJournal(Path path, List<String> notes) {
        try {
            return PreviousJournal.read(path);
        } catch (Exception | LinkageError e) {
            notes.add("⚠️ could not read the previous run's operation journal " + path + " (" + e + "); its last operations are in the log only");
            return null;
        }
    }

    private static OperationJournal createJournal(Path path, int shown, List<String> notes) {
        try {
            return OperationJournal.create(path, PID, System.currentTimeMillis(), Math.max(OperationJournal.DEFAULT_SLOTS, shown),
                    ZoneId.systemDefault());
        } catch (Exception | LinkageError e) {
            notes.add("⚠️ operation journal off: could not create " + path + " (" + e + "); operations are named in the log only,"
                    + " which the agent's own thread writes (set operations.journal=false to silence this)");
            return null;
        }
    }

    /**
     * This process's id. From {@code /proc/self}, which needs nothing new: {@code ProcessHandle.current()}
     * initialises the JDK's process support, its reaper thread pool included (about 8 ms of premain,
     * measured); it is the fallback where {@code /proc} is not mounted.
     */
    static long ownPid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (Exception | LinkageError e) {
            return ProcessHandle.current().pid();
        }
    }

    private static Path journalPath(AgentConfig config) {
        return besideLog(config.logPath(), ".ops");
    }

    /** The file beside the log with {@code extension} in place of {@code .log}: {@code memory_debug.jsonl}, {@code memory_debug.ops}. */
    static Path besideLog(Path logPath, String extension) {
        String name = logPath.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return logPath.resolveSibling(base + extension);
    }

    private static String appName(AgentConfig config) {
        if (!config.appName().isEmpty()) {
            return config.appName();
        }
        String command = System.getProperty("sun.java.command", "");
        String first = command.isBlank() ? "java" : command.strip().split("\\s+")[0];
        return first.endsWith(".jar") ? Path.of(first).getFileName().toString() : first;
    }

    private static String hostName(Map<String, String> env) {
        String name = env.get("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
