package dev.memdebug.analyze;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar memdebug-agent.jar analyze LOG... [--html FILE] [--json]}. Exit codes: 0 no crash
 * found, 1 a run ended without a clean shutdown (a crash), 2 bad usage or unreadable input.
 */
public final class AnalyzeCommand {

    public static final int NO_CRASH = 0;
    public static final int CRASH_FOUND = 1;
    public static final int USAGE = 2;

    private AnalyzeCommand() {
    }

    public static String usage() {
        return String.join("\n",
                "Usage: java -jar memdebug-agent.jar analyze LOG [LOG...] [--html REPORT.html] [--json]",
                "  LOG          memory_debug.log (its rotated memory_debug.log.1 is read too), memory_debug.jsonl,",
                "               or a captured log stream (docker logs, kubectl logs, Render's log viewer) with [memdebug] lines",
                "  --html FILE  also write a self-contained page with a chart of memory over time and the findings",
                "  --json       print the diagnosis as JSON instead of text",
                "Exit codes: 0 no crash found, 1 a run ended without a clean shutdown, 2 bad usage or unreadable input.",
                "Sessions and Active DLs without a limit in the log are held to the user's guide's Render limit of 3.",
                "");
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> logs = new ArrayList<>();
        Path html = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--html" -> {
                    if (i + 1 >= args.size()) {
                        err.println("memdebug analyze: --html needs a file name");
                        return USAGE;
                    }
                    html = Path.of(args.get(++i));
                }
                case "--json" -> json = true;
                case "--help", "-h" -> {
                    out.print(usage());
                    return NO_CRASH;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("memdebug analyze: unknown option '" + a + "'");
                        err.print(usage());
                        return USAGE;
                    }
                    logs.add(Path.of(a));
                }
            }
        }
        if (logs.isEmpty()) {
            err.println("memdebug analyze: name the log to read, e.g. memory_debug.log");
            err.print(usage());
            return USAGE;
        }
        List<LogParser.Input> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path log : logs) {
            for (Path file : withRotated(log, logs)) {
                String text;
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    if (bytes.length == 0) {
                        err.println("memdebug analyze: " + file + " is empty; nothing to analyse");
                        return USAGE;
                    }
                    for (int k = 0; k < Math.min(bytes.length, 8192); k++) {
                        if (bytes[k] == 0) {
                            err.println("memdebug analyze: " + file + " is not a text log (it holds binary data at byte " + k + ")");
                            return USAGE;
                        }
                    }
                    text = new String(bytes, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("memdebug analyze: cannot read " + file + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
                    return USAGE;
                }
                texts.add(new LogParser.Input(file.toString(), text));
                names.add(file.toString());
            }
        }
        LogParser.Result parsed = parse(texts);
        if (parsed.runs().isEmpty()) {
            err.println("memdebug analyze: " + String.join(", ", names) + " holds no memdebug events"
                    + (parsed.issues().isEmpty() ? "" : " (" + parsed.issues().get(0) + ")"));
            return USAGE;
        }
        Analysis analysis = Analyzer.analyze(names, parsed);
        out.print(json ? JsonReport.render(analysis) : TextReport.render(analysis));
        if (html != null) {
            try {
                Files.writeString(html, HtmlReport.render(analysis), StandardCharsets.UTF_8);
                if (!json) {
                    out.println("HTML report: " + html.toAbsolutePath());
                }
            } catch (IOException e) {
                err.println("memdebug analyze: cannot write " + html + ": " + e.getMessage());
                return USAGE;
            }
        }
        return analysis.crashFound() ? CRASH_FOUND : NO_CRASH;
    }

    static LogParser.Result parse(List<LogParser.Input> texts) {
        boolean allJson = texts.stream().allMatch(t -> JsonLinesReader.looksLikeJsonLines(t.text()));
        if (!allJson) {
            return LogParser.parse(texts);
        }
        List<RunRecord> runs = new ArrayList<>();
        List<LogParser.Issue> issues = new ArrayList<>();
        for (LogParser.Input t : texts) {
            LogParser.Result r = JsonLinesReader.read(t.name(), t.text());
            runs.addAll(r.runs());
            issues.addAll(r.issues());
        }
        return new LogParser.Result(runs, issues, 0, false);
    }

    /** The rotated files of {@code log} (oldest first) that exist and were not named, then the log itself. */
    static List<Path> withRotated(Path log, List<Path> named) {
        List<Path> files = new ArrayList<>();
        for (int n = 9; n >= 1; n--) {
            Path rotated = log.resolveSibling(log.getFileName() + "." + n);
            if (Files.isRegularFile(rotated) && !named.contains(rotated)) {
                files.add(rotated);
            }
        }
        files.add(log);
        return files;
    }
}
