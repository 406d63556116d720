package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void argumentsSplitWhereTheRegularExpressionTheySplitWithBeforeDid() {
        java.util.regex.Pattern former = java.util.regex.Pattern.compile(",(?=\\s*[A-Za-z][A-Za-z0-9._-]*\\s*=)");
        String alphabet = "a=Z9._-, \t=,x";
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            List<String> expected = new java.util.ArrayList<>(List.of(former.split(text)));
            List<String> actual = new java.util.ArrayList<>(ConfigLoader.splitArguments(text));
            // Pattern.split drops trailing empty parts, and parseArguments skips empty parts either way.
            expected.removeIf(String::isBlank);
            actual.removeIf(String::isBlank);
            assertEquals(expected, actual, "'" + text + "'");
        }
        assertEquals(List.of("config=a.properties", "log.path=/x,y.log", " high.threshold = 80%"),
                ConfigLoader.splitArguments("config=a.properties,log.path=/x,y.log, high.threshold = 80%"));
    }

    @TempDir
    Path dir;

    @Test
    void defaultsWhenNothingIsGiven() {
        ConfigLoader.Result r = ConfigLoader.load(null, Map.of(), dir);
        AgentConfig c = r.config();
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(dir.resolve("memory_debug.log"), c.logPath());
        assertEquals(300_000, c.snapshotIntervalMillis());
        assertEquals(80.0, c.high().percent());
        assertEquals(94.0, c.critical().percent());
        assertEquals(5, c.operationsShown());
        assertEquals(AgentConfig.LIMIT_AUTO, c.memoryLimit());
        assertFalse(c.logPathExplicit());
    }

    @Test
    void laterSourcesWin() throws IOException {
        Files.writeString(dir.resolve("agent.properties"), "check.interval = 2s\nspike.threshold = 30MB\nlog.path = from-file.log\n");
        ConfigLoader.Result r = ConfigLoader.load("spike.threshold=40MB,log.path=from-args.log", Map.of("MEMDEBUG_LOG_PATH", "from-env.log"), dir);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(2000, r.config().checkIntervalMillis());
        assertEquals(40L * 1024 * 1024, r.config().spikeThresholdBytes());
        assertEquals(dir.resolve("from-env.log"), r.config().logPath());
        assertTrue(r.config().logPathExplicit());
        assertEquals(List.of(dir.resolve("agent.properties").toString(), "agent arguments", "environment"), r.sources());
    }

    @Test
    void configArgumentNamesTheFile() throws IOException {
        Path file = dir.resolve("conf/my.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "operations.shown = 7\n");
        ConfigLoader.Result r = ConfigLoader.load("config=conf/my.properties", Map.of(), dir);
        assertEquals(7, r.config().operationsShown());
    }

    @Test
    void unknownKeyGetsSuggestionWithLine() throws IOException {
        Files.writeString(dir.resolve("agent.properties"), "# comment\nhihg.threshold = 70%\n");
        ConfigLoader.Result r = ConfigLoader.load(null, Map.of(), dir);
        assertEquals(1, r.problems().size());
        String line = r.problems().get(0).describe();
        assertTrue(line.contains("agent.properties:2"), line);
        assertTrue(line.contains("'hihg.threshold'"), line);
        assertTrue(line.contains("did you mean 'high.threshold'"), line);
        assertEquals(80.0, r.config().high().percent());
    }

    @Test
    void invalidValueKeepsDefaultAndSaysWhatWasExpected() {
        ConfigLoader.Result r = ConfigLoader.load("high.threshold=-5%,check.interval=abc", Map.of(), dir);
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).describe().contains("percentage above 0%"), r.problems().get(0).describe());
        assertTrue(r.problems().get(0).describe().contains("using the default '80%'"), r.problems().get(0).describe());
        assertTrue(r.problems().get(1).describe().contains("duration"), r.problems().get(1).describe());
        assertEquals(80.0, r.config().high().percent());
        assertEquals(1000, r.config().checkIntervalMillis());
    }

    @Test
    void unknownEnvironmentVariableIsReportedButToolingOnesAreNot() {
        ConfigLoader.Result r = ConfigLoader.load(null, Map.of("MEMDEBUG_LOG_PAHT", "x.log", "MEMDEBUG_REQUIRE_DOCKER", "true"), dir);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).describe().contains("did you mean MEMDEBUG_LOG_PATH"), r.problems().get(0).describe());
    }

    @Test
    void missingConfigFileIsReportedAndDefaultsApply() {
        ConfigLoader.Result r = ConfigLoader.load("config=nope.properties", Map.of(), dir);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).describe().contains("does not exist"), r.problems().get(0).describe());
        assertTrue(r.config().enabled());
    }

    @Test
    void highAboveCriticalFallsBackToDefaults() {
        ConfigLoader.Result r = ConfigLoader.load("high.threshold=95%", Map.of(), dir);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).describe().contains("must be below critical.threshold"));
        assertEquals(80.0, r.config().high().percent());
    }

    @Test
    void hookKeysArePassedOnInOrder() throws IOException {
        Files.writeString(dir.resolve("agent.properties"),
                "hook.a.method = x.Y#z\nhook.a.context = Total: {count:n}, more\nlimit.n = 3\n", StandardCharsets.UTF_8);
        ConfigLoader.Result r = ConfigLoader.load(null, Map.of(), dir);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        List<ConfigEntry> hooks = r.config().hookEntries();
        assertEquals(List.of("hook.a.method", "hook.a.context", "limit.n"), hooks.stream().map(ConfigEntry::key).toList());
        assertEquals("Total: {count:n}, more", hooks.get(1).value());
    }

    @Test
    void agentArgumentValuesMayContainCommas() {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        List<ConfigEntry> entries = ConfigLoader.parseArguments("app.name=a, b,log.path=x.log", problems);
        assertEquals(2, entries.size());
        assertEquals("a, b", entries.get(0).value());
        assertTrue(problems.isEmpty());
    }

    @Test
    void malformedArgumentIsReported() {
        ConfigLoader.Result r = ConfigLoader.load("justaword", Map.of(), dir);
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).describe().contains("is not key=value"));
    }

    @Test
    void alertSettingsAreCheckedAndTheUrlIsNeverRepeated() {
        ConfigLoader.Result ok = ConfigLoader.load("alert.url=https://hooks.slack.com/services/T0/B0/SECRET,alert.format=chat", Map.of(), dir);
        assertEquals(List.of(), ok.problems());
        assertEquals("https://hooks.slack.com/…", ok.config().alertTarget().display());
        assertEquals(dev.memdebug.alert.AlertFormat.CHAT, ok.config().alertFormat());
        assertEquals(5000, ok.config().alertTimeoutMillis());
        assertEquals(null, ConfigLoader.load(null, Map.of(), dir).config().alertTarget(), "alerts are opt-in");

        ConfigLoader.Result bad = ConfigLoader.load("alert.url=https://hooks.slack.com/services/SECRET,alert.format=slack,alert.timeout=1m",
                Map.of("MEMDEBUG_ALERT_URL", "ftp://files/SECRET2"), dir);
        String all = bad.problems().stream().map(ConfigProblem::describe).toList().toString();
        assertEquals(3, bad.problems().size(), all);
        assertTrue(all.contains("'alert.url' expects an http:// or https:// URL, not one with scheme 'ftp'; using the earlier value 'https://hooks.slack.com/…'"), all);
        assertTrue(all.contains("'alert.format' expects one of text, json, chat, not 'slack'"), all);
        assertTrue(all.contains("'alert.timeout' expects a duration from 100ms to 30s"), all);
        assertTrue(!all.contains("SECRET"), all);
        assertEquals("https://hooks.slack.com/…", bad.config().alertTarget().display());
    }

    @Test
    void jvmDiagnosisKeysHaveCheapDefaultsAndRanges() {
        AgentConfig d = ConfigLoader.load(null, Map.of(), dir).config();
        assertEquals(60_000, d.gcSummaryIntervalMillis());
        assertEquals(500, d.gcLongPauseMillis());
        assertTrue(d.criticalHistogram());
        assertEquals(600_000, d.criticalHistogramIntervalMillis());
        assertEquals(2L << 30, d.criticalHistogramMaxHeap());
        assertFalse(d.reliefGc(), "relief actions stop the app, so they are opt-in");
        assertFalse(d.reliefTrim());

        ConfigLoader.Result r = ConfigLoader.load("gc.summary.interval=200ms,gc.long-pause=2m,critical.histogram.max-heap=10KB,relief.gc=yes please",
                Map.of("MEMDEBUG_RELIEF_TRIM", "true", "MEMDEBUG_GC_SUMMARY_INTERVAL", "0"), dir);
        List<String> problems = r.problems().stream().map(ConfigProblem::describe).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'gc.summary.interval' expects a duration from 1s to"), problems.get(0));
        assertTrue(problems.get(1).contains("'gc.long-pause' expects a duration from 0s to 60s"), problems.get(1));
        assertTrue(problems.get(2).contains("'critical.histogram.max-heap' expects a size of at least 1MB"), problems.get(2));
        assertTrue(problems.get(3).contains("'relief.gc'"), problems.get(3));
        assertEquals(0, r.config().gcSummaryIntervalMillis(), "the environment's 0 (no summaries) is valid and wins");
        assertTrue(r.config().reliefTrim());
        assertEquals(500, r.config().gcLongPauseMillis());
    }
}
