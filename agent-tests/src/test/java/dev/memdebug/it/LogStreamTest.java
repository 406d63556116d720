package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.AnalyzeCommand;
import dev.memdebug.analyze.LogEventRecord;
import dev.memdebug.analyze.LogParser;
import dev.memdebug.analyze.RunRecord;
import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.support.AgentJvm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log stream as a second black box: what the agent mirrors to stderr, as a platform's log viewer
 * keeps it (interleaved with the app's own output, with the platform's timestamps in front), tells the
 * same events as the file, and {@code memdebug analyze} reads it to the same diagnosis.
 */
class LogStreamTest {

    @TempDir
    Path dir;

    @Test
    void theStreamAndTheFileTellTheSameEvents() throws Exception {
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g")
                .agentArgs("memory.limit=320MB,snapshot.interval=500ms,check.interval=50ms,spike.threshold=60MB,spike.window=2s")
                .main(Allocator.class, "10", "30", "60", "1000");
        assertEquals(0, jvm.run(60), jvm.stderr());

        // What `docker logs --timestamps` or a platform's viewer keeps: both streams, each line stamped.
        List<String> captured = new ArrayList<>();
        for (String line : (jvm.stdout() + jvm.stderr()).split("\n")) {
            captured.add("2026-11-26T04:00:00.000000000Z " + line);
        }
        Path stream = Files.write(dir.resolve("captured-stream.txt"), captured, StandardCharsets.UTF_8);

        List<String> fromFile = events(jvm.log());
        List<String> fromStream = events(stream);
        assertTrue(fromFile.size() >= 5, fromFile.toString());
        assertTrue(fromFile.stream().anyMatch(e -> e.startsWith("CRITICAL ")), fromFile.toString());
        assertTrue(fromFile.stream().anyMatch(e -> e.startsWith("SHUTDOWN ")), fromFile.toString());
        assertEquals(fromFile, fromStream, "the stream tells the same events as the file");

        String fileReport = analyze(jvm.log());
        String streamReport = analyze(stream);
        // The same findings on the same evidence; only where the evidence stands (file and line) differs.
        assertEquals(fileReport.replace(jvm.log().toString(), "LOG").replaceAll("LOG:\\d+", "LOG:n"),
                streamReport.replace(stream.toString(), "LOG").replaceAll("LOG:\\d+", "LOG:n"));
        assertTrue(fileReport.contains("\"ending\":\"clean\""), fileReport);
    }

    /** Each event as kind, time, figure and headline, from the analyzer's own parser. */
    private static List<String> events(Path file) throws Exception {
        LogParser.Result result = LogParser.parse(List.of(new LogParser.Input(file.toString(), Files.readString(file))));
        assertEquals(1, result.runs().size(), "one run in " + file);
        RunRecord run = result.runs().get(0);
        List<String> events = new ArrayList<>();
        for (LogEventRecord e : run.events()) {
            events.add(e.kind() + " " + e.stamp() + " " + e.mb() + " " + e.head());
        }
        events.add("ENDING " + run.ending());
        return events;
    }

    private static String analyze(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(List.of(file.toString(), "--json"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(AnalyzeCommand.NO_CRASH, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
