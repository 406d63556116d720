package dev.memdebug.it.support;

import dev.memdebug.analyze.LogParser;
import dev.memdebug.analyze.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A log (with its rotated files, oldest first) read back by the analyzer's own parser, as
 * {@code memdebug analyze} would read it after a crash. {@link #problems()} lists every issue the parser
 * raised except the one a kill may leave: the very last line of the newest file cut short.
 */
public final class ParsedLog {

    private final LogParser.Result result;
    private final List<String> problems = new ArrayList<>();
    private final boolean tornTail;

    private ParsedLog(LogParser.Result result, String lastFile, int lastLine, boolean tornTail) {
        this.result = result;
        this.tornTail = tornTail;
        for (LogParser.Issue issue : result.issues()) {
            boolean allowedTear = tornTail && issue.file().equals(lastFile) && issue.line() == lastLine
                    && issue.message().startsWith("is cut off");
            if (!allowedTear) {
                problems.add(issue.toString());
            }
        }
    }

    /** Parses {@code log} and its rotated siblings {@code log.9} … {@code log.1} that exist. */
    public static ParsedLog read(Path log) throws IOException {
        List<LogParser.Input> inputs = new ArrayList<>();
        for (int n = 9; n >= 1; n--) {
            Path rotated = log.resolveSibling(log.getFileName() + "." + n);
            if (Files.isRegularFile(rotated)) {
                inputs.add(new LogParser.Input(rotated.toString(), Files.readString(rotated, StandardCharsets.UTF_8)));
            }
        }
        String text = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        inputs.add(new LogParser.Input(log.toString(), text));
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        int lastLine = text.split("\r?\n", -1).length;
        return new ParsedLog(LogParser.parse(inputs), log.toString(), lastLine, torn);
    }

    /** The parser's issues that an intact log must not have. */
    public List<String> problems() {
        return problems;
    }

    public List<RunRecord> runs() {
        return result.runs();
    }

    /** Whether the newest file's last line was cut short. */
    public boolean tornTail() {
        return tornTail;
    }

    /** Events across all runs. */
    public int events() {
        return result.runs().stream().mapToInt(r -> r.events().size()).sum();
    }
}
