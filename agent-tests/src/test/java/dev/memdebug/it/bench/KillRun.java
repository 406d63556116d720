package dev.memdebug.it.bench;

import dev.memdebug.analyze.LogParser;
import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.apps.CaptureApp;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.CgroupSandbox;
import dev.memdebug.it.support.LogChecker;
import dev.memdebug.log.LogLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One induced OOM kill: the {@link CaptureApp} with the packaged agent (and, when asked, the JDK Flight
 * Recorder in continuous disk mode) in a fresh cgroup v1 memory cgroup, run until the kernel kills it,
 * then what its log and the JFR repository hold, measured against the kill, and what the restart
 * marker names after the agent starts again in the same directory. Each instance owns its
 * directory and cgroup; instances run in parallel on separate threads.
 */
final class KillRun {

    private static final long MB = 1024 * 1024;
    private static final Pattern CHUNK = Pattern.compile("Chunk - (?:[0-9.]+|\\?) MB - op (\\d+)");
    private static final Pattern ENTER = Pattern.compile("(?m)^enter (\\d+) (\\d+)$");
    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");
    private static final Pattern FIGURE = Pattern.compile("\"mb\":([0-9.]+)");
    /**
     * The app's class path: where {@link CaptureApp} was loaded from, alone. The bench's own class path
     * holds the agent's unshaded classes, which would shadow the agent jar's in the app.
     */
    private static final String APP_CLASS_PATH = classPathOf(CaptureApp.class);

    /** A growth scenario: its cgroup limit, where the fast pre-fill stops, and the hooked growth after it. */
    record Scenario(String name, int limitMb, int prefillPercent, double rateMbPerSecond, int opKb, long ops) {
        long timeoutSeconds() {
            double climb = rateMbPerSecond > 0 ? limitMb * (100 - prefillPercent) / 100.0 / rateMbPerSecond : 5;
            return (long) (climb * 2) + 60;
        }
    }

    /** What one kill left behind. Times are wall-clock milliseconds; ages are kill time minus the record's time. */
    record Result(Scenario scenario, int index, Path dir, int exit, long oomKills, long killMillis,
                  boolean criticalBlock, long lastEntered, long lastEnteredMillis, long lastNamed, double lastFigureMb, double limitMb,
                  long lastRecordAgeMillis, long criticalLeadMillis, List<String> parseProblems, boolean tornLastLine,
                  JfrRepository jfr, String note, long lastNamedAfterRestart) {

        boolean oomKilled() {
            return exit == 137 && oomKills == 1;
        }

        boolean lastOperationNamed() {
            return lastEntered > 0 && lastNamed >= lastEntered;
        }

        /** Named in the log once the app was started again: in the log before the kill, or in the restart marker (from the journal). */
        boolean lastOperationNamedAfterRestart() {
            return lastOperationNamed() || lastEntered > 0 && lastNamedAfterRestart >= lastEntered;
        }

        Result withRestart(long named) {
            return new Result(scenario, index, dir, exit, oomKills, killMillis, criticalBlock, lastEntered, lastEnteredMillis, lastNamed,
                    lastFigureMb, limitMb, lastRecordAgeMillis, criticalLeadMillis, parseProblems, tornLastLine, jfr, note, named);
        }

        double belowLimitMb() {
            return lastFigureMb < 0 ? Double.NaN : limitMb - lastFigureMb;
        }

        /** How long before the kill the last operation was entered, or -1. */
        long lastEnteredAgeMillis() {
            return lastEnteredMillis < 0 ? -1 : killMillis - lastEnteredMillis;
        }

        long jfrLastEventAgeMillis() {
            return jfr == null || jfr.lastEventMillis() < 0 ? -1 : killMillis - jfr.lastEventMillis();
        }
    }

    private KillRun() {
    }

    static Result run(Scenario s, int index, Path dir, boolean withJfr) throws Exception {
        Files.createDirectories(dir);
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "hook.chunk.method = " + CaptureApp.class.getName() + "#allocateChunk",
                "hook.chunk.label = Chunk",
                "hook.chunk.log = enter",
                "hook.chunk.context = op {arg0}",
                ""));
        Path jfrRepo = dir.resolve("jfr-repository");
        int exit;
        long oomKills;
        long killMillis;
        String note = "";
        try (CgroupSandbox cgroup = CgroupSandbox.create("capture", s.limitMb() * MB)) {
            AgentJvm jvm = AgentJvm.in(dir).prefix(cgroup.prefix())
                    .agentArgs("config=" + config)
                    .env("MEMDEBUG_LOG_STDERR", "false");
            if (withJfr) {
                Files.createDirectories(jfrRepo);
                jvm.jvmArg("-XX:FlightRecorderOptions=repository=" + jfrRepo,
                        "-XX:StartFlightRecording=disk=true,maxage=10m,settings=default");
            }
            jvm.jvmArg("-Xmx" + (2 * s.limitMb()) + "m", "-Xms16m", "-XX:+UseSerialGC")
                    .main(APP_CLASS_PATH, CaptureApp.class, cgroup.directory().resolve("memory.usage_in_bytes").toString(),
                            Long.toString(s.limitMb() * MB * s.prefillPercent() / 100), Double.toString(s.rateMbPerSecond()),
                            Integer.toString(s.opKb()), Long.toString(s.ops()));
            jvm.start();
            int code;
            try {
                code = jvm.waitFor(s.timeoutSeconds());
            } catch (AssertionError e) {
                code = -1;
                note = "did not end within " + s.timeoutSeconds() + " s";
            }
            killMillis = System.currentTimeMillis();
            exit = code;
            oomKills = cgroup.oomKills();
        }
        Result result = measure(s, index, dir, exit, oomKills, killMillis, withJfr ? JfrRepository.read(jfrRepo) : null, note);
        return result.withRestart(restart(dir));
    }

    /**
     * Starts the agent once more in the same directory, as a platform restarts the app, and returns the
     * newest operation its restart marker names (0 if none): what the user reads after the restart.
     */
    private static long restart(Path dir) throws Exception {
        if (Files.exists(dir.resolve("stdout.txt"))) {
            Files.copy(dir.resolve("stdout.txt"), dir.resolve("killed-stdout.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        int before = read(dir.resolve("memory_debug.log")).length();
        AgentJvm again = AgentJvm.in(dir).env("MEMDEBUG_LOG_STDERR", "false")
                .main(APP_CLASS_PATH, Allocator.class, "1", "1", "10", "0");
        again.run(60);
        String after = read(dir.resolve("memory_debug.log")).substring(before);
        int marker = after.indexOf(LogLayout.RESTARTED);
        if (marker < 0) {
            return 0;
        }
        int header = after.indexOf(LogLayout.HEADER_TITLE, marker);
        Matcher m = CHUNK.matcher(header < 0 ? after.substring(marker) : after.substring(marker, header));
        long named = 0;
        while (m.find()) {
            named = Math.max(named, Long.parseLong(m.group(1)));
        }
        return named;
    }

    private static Result measure(Scenario s, int index, Path dir, int exit, long oomKills, long killMillis,
                                  JfrRepository jfr, String note) throws Exception {
        String log = read(dir.resolve("memory_debug.log"));
        String stdout = read(dir.resolve("stdout.txt"));
        String jsonl = read(dir.resolve("memory_debug.jsonl"));

        int critical = log.indexOf("🚨 CRITICAL MEMORY - CRASH IMMINENT");
        boolean criticalBlock = critical >= 0 && log.indexOf("\n" + LogLayout.SIRENS + "\n", critical) > 0;

        long lastEntered = 0;
        long lastEnteredMillis = -1;
        Matcher m = ENTER.matcher(stdout);
        while (m.find()) {
            lastEntered = Long.parseLong(m.group(1));
            lastEnteredMillis = Long.parseLong(m.group(2));
        }
        long lastNamed = 0;
        m = CHUNK.matcher(log);
        while (m.find()) {
            lastNamed = Math.max(lastNamed, Long.parseLong(m.group(1)));
        }

        List<String> problems = new ArrayList<>();
        boolean torn = false;
        LogParser.Result parsed = LogParser.parse(List.of(new LogParser.Input("memory_debug.log", log)));
        for (LogParser.Issue issue : parsed.issues()) {
            if (issue.message().startsWith("is cut off")) {
                torn = true;
            } else {
                problems.add("analyzer: " + issue);
            }
        }
        if (parsed.runs().size() != 1) {
            problems.add("analyzer: " + parsed.runs().size() + " runs instead of 1");
        }
        for (String defect : LogChecker.defects(log)) {
            problems.add("checker: " + defect);
        }
        double limit = s.limitMb();
        if (!parsed.runs().isEmpty() && parsed.runs().get(0).limitMb() > 0) {
            limit = parsed.runs().get(0).limitMb();
        }

        // Figures and times to the millisecond come from the JSON lines written beside each event (the
        // text log stamps seconds); a JSON line the kill cut off is ignored.
        double lastFigure = -1;
        long lastTs = -1;
        long criticalTs = -1;
        for (String line : jsonl.split("\n")) {
            Matcher ts = TS.matcher(line);
            if (line.endsWith("}") && ts.find()) {
                long t = Long.parseLong(ts.group(1));
                lastTs = Math.max(lastTs, t);
                Matcher mb = FIGURE.matcher(line);
                if (mb.find()) {
                    lastFigure = Double.parseDouble(mb.group(1));
                }
                if (criticalTs < 0 && line.contains("\"type\":\"critical\"")) {
                    criticalTs = t;
                }
            }
        }
        return new Result(s, index, dir, exit, oomKills, killMillis, criticalBlock, lastEntered, lastEnteredMillis, lastNamed, lastFigure, limit,
                lastTs < 0 ? -1 : killMillis - lastTs, criticalTs < 0 ? -1 : killMillis - criticalTs, problems, torn, jfr, note, 0);
    }

    private static String classPathOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }
}
