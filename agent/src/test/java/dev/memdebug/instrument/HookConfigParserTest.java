package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.config.ConfigEntry;
import dev.memdebug.config.ConfigProblem;
import dev.memdebug.config.PropertiesFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookConfigParserTest {

    static HookPlan parse(String... lines) {
        List<ConfigEntry> entries = PropertiesFile.parse(String.join("\n", lines), "agent.properties").entries();
        return HookConfigParser.parse(entries);
    }

    @Test
    void theSampleBotsHooks() {
        HookPlan plan = parse(
                "hook.session-created.method  = com.example.bot.SessionManager#createSession",
                "hook.session-created.label   = Session Created",
                "hook.session-created.context = User {arg0} - Total sessions: {count:sessions}",
                "hook.session-created.counter = sessions +1",
                "hook.download.method  = com.example.bot.Downloader#download(com.example.bot.DownloadJob)",
                "hook.download.label   = Download",
                "hook.download.log     = both",
                "hook.download.counter = active-downloads +1 on enter, -1 on exit",
                "counter.active-downloads.label = Active DLs",
                "gauge.queue = com.example.bot.DownloadQueue#size",
                "gauge.cache = com.example.bot.ResultCache#size()",
                "gauge.cache.unit = items",
                "limit.sessions = 3",
                "snapshot.metrics = sessions, queue, active-downloads, cache");
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
        assertEquals(2, plan.hooks().size());
        HookSpec created = plan.hooks().get(0);
        assertNull(created.logEnter());
        assertEquals("Session Created", created.logReturn());
        assertEquals("Session Created Failed", created.logFail());
        assertTrue(created.needsValues());
        HookSpec download = plan.hooks().get(1);
        assertEquals("Download Started", download.logEnter());
        assertEquals("Download Completed", download.logReturn());
        assertEquals("Download Failed", download.logFail());
        assertEquals(List.of("com.example.bot.DownloadJob"), download.target().parameterTypes());
        assertEquals(List.of(new CounterChange("active-downloads", 1, CounterChange.Phase.ENTER),
                new CounterChange("active-downloads", -1, CounterChange.Phase.EXIT)), download.changes());
        assertEquals(List.of("sessions", "active-downloads"), plan.counters());
        assertEquals(List.of("Sessions", "Queue", "Active DLs", "Cache"), plan.metrics().stream().map(MetricSpec::label).toList());
        assertEquals(3, plan.metrics().get(0).limit());
        assertEquals("items", plan.metrics().get(3).unit());
        assertEquals(List.of("size"), List.of(plan.gauges().get(1).path()));
    }

    @Test
    void mistakesAreNamedByLineAndKey() {
        HookPlan plan = parse(
                "hook.a.method = com.example.Foo#bar",
                "hook.a.contxt = x",
                "hook.a.counter = sessions ++1",
                "hook.b.label = orphan",
                "hook.c.method = com.example.Foo",
                "hook.d.method = com.example.Foo#baz",
                "hook.d.context = {arg0.} and {nope}",
                "limit.sesions = 3",
                "gauge.q = NoHash");
        List<String> lines = plan.problems().stream().map(ConfigProblem::describe).toList();
        assertTrue(lines.get(0).startsWith("agent.properties:2: 'hook.a.contxt' has the unknown attribute 'contxt' - did you mean 'context'?"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("agent.properties:3: 'hook.a.counter'") && l.contains("+1 or -1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("hook.b.method' is missing")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("agent.properties:5") && l.contains("expects Class#method")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("agent.properties:7") && l.contains("logged without context")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("agent.properties:8") && l.contains("neither a counter nor a gauge")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("agent.properties:9") && l.contains("expects Class#member")), lines.toString());
        assertEquals(List.of("a", "d"), plan.hooks().stream().map(HookSpec::name).toList());
        assertNull(plan.hooks().get(1).context());
    }

    @Test
    void unknownPlaceholderAndCounterAreExplained() {
        HookPlan plan = parse(
                "hook.a.method = x.Y#z",
                "hook.a.counter = sessions +1",
                "hook.a.context = {count:sesions} {user}");
        String line = plan.problems().get(0).describe();
        assertTrue(line.contains("did you mean 'sessions'"), line);
        HookPlan plan2 = parse("hook.a.method = x.Y#z", "hook.a.context = {user}");
        assertTrue(plan2.problems().get(0).describe().contains("unknown placeholder '{user}'"), plan2.problems().toString());
        assertNotNull(plan2.hooks().get(0));
    }

    @Test
    void defaultLabelsComeFromNames() {
        assertEquals("Active downloads", HookConfigParser.defaultLabel("active-downloads"));
        HookPlan plan = parse("hook.a.method = com.example.Foo#bar");
        assertEquals("Foo.bar", plan.hooks().get(0).logReturn());
    }

    @Test
    void contextValuesAreMaskedUnlessTheHookOrTheSettingSaysNo() {
        String[] lines = {
                "hook.a.method = com.example.A#run",
                "hook.a.context = {arg0}",
                "hook.b.method = com.example.B#run",
                "hook.b.context = {arg0}",
                "hook.b.redact = false",
                "hook.c.method = com.example.C#run",
                "hook.c.context = {arg0}",
                "hook.c.redact = maybe"};
        HookPlan plan = parse(lines);
        assertTrue(plan.hooks().get(0).context().redacts());
        assertTrue(!plan.hooks().get(1).context().redacts());
        assertTrue(plan.hooks().get(2).context().redacts(), "a bad value keeps the mask on");
        assertEquals(1, plan.problems().size(), plan.problems().toString());
        assertTrue(plan.problems().get(0).describe().contains("agent.properties:8: 'hook.c.redact' expects true or false, not 'maybe'; values are masked"),
                plan.problems().get(0).describe());
        List<ConfigEntry> entries = PropertiesFile.parse(String.join("\n", lines), "agent.properties").entries();
        HookPlan off = HookConfigParser.parse(entries, false);
        assertTrue(!off.hooks().get(0).context().redacts(), "context.redact = false");
        assertTrue(off.hooks().get(2).context().redacts(), "a hook's own bad value still masks");
    }

    @Test
    void contextCaptureIsOptInPerHook() {
        HookPlan plan = parse("hook.a.method = com.example.A#run(java.lang.String)", "hook.a.counter = runs +1");
        assertNull(plan.hooks().get(0).context(), "no template, no argument is ever read");
    }
}
