package dev.memdebug.agent;

import dev.memdebug.config.AgentConfig;
import dev.memdebug.config.ConfigLoader;
import dev.memdebug.config.ConfigProblem;
import dev.memdebug.config.ValueParser;
import dev.memdebug.instrument.BootstrapInjector;
import dev.memdebug.log.HeaderInfo;
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
import dev.memdebug.monitor.PromotionForecast;
import dev.memdebug.monitor.MemoryMonitor;
import dev.memdebug.monitor.SpikeDetector;
import dev.memdebug.ops.RecentOperations;
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

    private AgentRuntime() {
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (!STARTED.compareAndSet(false, true)) {
            System.err.println(StderrMirror.PREFIX + "⚠️ the agent is already running in this JVM; ignoring the second start");
            return;
        }
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
        AppActivity app = Hooks.install(config, instrumentation, attached, notes);
        CountDownLatch ready = new CountDownLatch(1);
        MemoryMonitor[] monitorRef = new MemoryMonitor[1];
        Thread thread = new Thread(() -> {
            MemoryMonitor monitor;
            try {
                monitor = prepare(config, loaded, mirror, notes, app, env);
                monitorRef[0] = monitor;
            } catch (Throwable t) {
                System.err.println(StderrMirror.PREFIX + "❌ the agent could not start its monitor and is disabled; the application is unaffected: " + t);
                return;
            } finally {
                ready.countDown();
            }
            monitor.run();
        }, "memdebug-monitor");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (ready.await(2, TimeUnit.SECONDS) && monitorRef[0] != null) {
                    monitorRef[0].writeShutdown();
                }
            } catch (Throwable ignored) {
                // The JVM is going down; a missing shutdown line reads as an unclean end, which is honest.
            }
        }, "memdebug-shutdown"));
    }

    private static MemoryMonitor prepare(AgentConfig config, ConfigLoader.Result loaded, StderrMirror mirror,
                                         List<String> notes, AppActivity app, Map<String, String> env) {
        long start = System.currentTimeMillis();
        CgroupMemory cgroup = CgroupMemory.detect();
        ProcessMemory process = new ProcessMemory(Path.of("/proc/self"));
        HostMemory host = new HostMemory(Path.of("/proc/meminfo"));
        Platform platform = Platform.detect(env, Path.of("/"));
        MemoryLimit limit = MemoryLimit.resolve(config.memoryLimit(), cgroup, host);
        long high = config.high().resolve(limit.bytes());
        long critical = config.critical().resolve(limit.bytes());
        if (high >= critical || critical > limit.bytes()) {
            notes.add("⚠️ CONFIG: high.threshold " + config.high() + " (" + Mb.of(high) + ") and critical.threshold "
                    + config.critical() + " (" + Mb.of(critical) + ") do not fit the " + Mb.limit(limit.bytes())
                    + " limit; using 80% and 94%");
            high = Math.round(limit.bytes() * 0.80);
            critical = Math.round(limit.bytes() * 0.94);
        }
        Path logPath = config.logPath();
        Path jsonPath = config.logJson() ? jsonPathFor(logPath) : null;
        LogWriter writer = new LogWriter(logPath, jsonPath, config.logMaxSize(), config.logKeep(), mirror);
        LogLayout layout = new LogLayout(ZoneId.systemDefault());

        PreviousRun previous = null;
        try {
            previous = RestartDetector.read(logPath);
        } catch (Exception e) {
            notes.add("⚠️ could not read the previous log to check for a crash: " + e);
        }
        long oomKills = cgroup.oomKillCount();
        if (previous != null && !previous.clean()) {
            String verdict = RestartDetector.verdict(previous, oomKills, config.critical().isPercent() ? config.critical().percent() : 94);
            LogEvent marker = layout.restarted(start, previous, verdict);
            writer.write((previous.tornLine() ? "\n" : "") + marker.text(), marker.json(), true);
        }

        HeaderInfo header = new HeaderInfo(
                appName(config),
                Version.current(),
                start,
                ProcessHandle.current().pid(),
                hostName(env),
                JvmDescription.describe(),
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
                logPath + (jsonPath != null ? " (+ " + jsonPath.getFileName() + ")" : "") + ", rotates at "
                        + ValueParser.formatSize(config.logMaxSize()) + " keeping " + config.logKeep()
                        + " | stderr mirror " + (mirror != null ? "on" : "off"),
                loaded.sources().isEmpty() ? "defaults" : String.join(", ", loaded.sources()),
                oomKills,
                notes);
        LogEvent headerEvent = layout.header(header);
        writer.write(headerEvent.text(), headerEvent.json(), true);
        writer.setContinuation(headerEvent.text().replaceFirst(LogLayout.HEADER_TITLE, LogLayout.HEADER_TITLE + "(continued) "));

        RecentOperations recent = new RecentOperations(Math.max(64, config.operationsShown() * 4));
        SnapshotReader reader = new SnapshotReader(cgroup, process, host, limit, app::metrics);
        AlarmState alarm = new AlarmState(high, critical, config.rearm().resolve(limit.bytes()), config.alarmRepeatMillis());
        SpikeDetector spikes = new SpikeDetector(config.spikeThresholdBytes(), config.spikeWindowMillis());
        PromotionForecast promotion = PromotionForecast.forThisJvm();
        MemoryMonitor monitor = new MemoryMonitor(reader, writer, layout, recent, app, alarm, spikes, promotion,
                config.checkIntervalMillis(), config.checkIntervalHighMillis(), config.snapshotIntervalMillis(),
                config.operationsShown(), config.logStderrSnapshots());
        GcListener.register(recent, monitor, promotion);
        Hooks.bind(app, monitor, config.hooksReportAfterMillis());
        return monitor;
    }

    static Path jsonPathFor(Path logPath) {
        String name = logPath.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        return logPath.resolveSibling(base + ".jsonl");
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
