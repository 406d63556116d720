package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.memdebug.it.apps.Hammer;
import dev.memdebug.it.apps.HookedApp;
import dev.memdebug.it.apps.LateApp;
import dev.memdebug.it.support.AgentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks installed by the packaged agent on every kind of target, in forked JVMs. */
class HooksTest {

    /** A limit far below any JVM's footprint, so CRITICAL blocks (with their operation lists) repeat. */
    private static final String ALWAYS_CRITICAL = "memory.limit=32MB,alarm.repeat=300ms,operations.shown=30,check.interval=50ms,snapshot.interval=1h";

    @TempDir
    Path dir;

    @Test
    void everyKindOfTargetIsHookedWithCountersGaugesAndLimits() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.put.method = dev.memdebug.it.apps.HookedApp$Store#put",
                "hook.put.label = Store Put",
                "hook.put.context = {arg0} (puts: {count:puts})",
                "hook.put.counter = puts +1",
                "hook.task.method = dev.memdebug.it.apps.HookedApp$Task#run(int)",
                "hook.task.label = Task",
                "hook.task.log = both",
                "hook.task.context = n={arg0} -> {return}",
                "hook.static.method = dev.memdebug.it.apps.HookedApp#staticWork",
                "hook.static.label = Static Work",
                "hook.static.context = User {arg0.userId} - {arg0.name}",
                "hook.fail.method = dev.memdebug.it.apps.HookedApp#fail",
                "hook.fail.label = Fail",
                "hook.fail.context = {thrown}",
                "hook.fail.counter = failures +1 on fail",
                "hook.plugin.method = dev.memdebug.it.apps.plugin.PluginWork#work",
                "hook.plugin.label = Plugin Work",
                "hook.plugin.context = {arg0} -> {return}",
                "hook.crc.method = java.util.zip.CRC32#update(byte[], int, int)",
                "hook.crc.log = none",
                "hook.crc.counter = crc-updates +1",
                "gauge.items = dev.memdebug.it.apps.HookedApp$MemoryStore#size",
                "gauge.items.unit = items",
                "gauge.level = dev.memdebug.it.apps.HookedApp#level",
                "limit.puts = 3",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).agentArgs(ALWAYS_CRITICAL).main(HookedApp.class, "1200");
        assertEquals(0, jvm.run(60), jvm.stderr());
        assertTrue(jvm.stdout().contains("plugin said FROM-PLUGIN"), jvm.stdout());
        String log = jvm.logText();
        assertTrue(log.contains("Hooks: 6 hook(s), 3 counter(s), 2 gauge(s)"), log);
        String last = log.substring(log.lastIndexOf("operations before crash:"));
        assertTrue(last.contains("Store Put - ") && last.contains("- key-5 (puts: 5)"), last);
        assertTrue(last.contains("Task Started - ") && last.contains("- n=7 -> ?"), "interface/abstract, enter: " + last);
        assertTrue(last.contains("Task Completed - ") && last.contains("- n=7 -> echo-7"), last);
        assertTrue(last.contains("Static Work - ") && last.contains("- User 12345 - report.pdf"), last);
        assertTrue(last.contains("Fail Failed - ") && last.contains("- IllegalStateException: disk full"), last);
        assertTrue(last.contains("Plugin Work - ") && last.contains("- from-plugin -> FROM-PLUGIN"), "isolated loader: " + last);
        assertTrue(log.contains("⚠️ LIMIT EXCEEDED: Puts 4 > 3\n   Operation: ["), log);
        assertTrue(log.contains("Store Put - ") && log.contains("key-4 (puts: 4)\n"), log);
        String fin = log.substring(log.lastIndexOf("📊 Final Snapshot"));
        assertTrue(fin.contains("Puts: 5 | Failures: 1 | Crc updates: "), fin);
        Matcher crc = Pattern.compile("Crc updates: (\\d+)").matcher(fin);
        assertTrue(crc.find() && Long.parseLong(crc.group(1)) >= 3, "JDK method hooked: " + fin);
        assertTrue(fin.contains("Items: 5 items | Level: 42"), "gauges: " + fin);
    }

    @Test
    void theBootClassPathJarServesTheBridgeWhenUnsafeIsNotUsed() throws Exception {
        // The fallback of BootstrapInjector, forced: the bridge comes from a jar appended to the boot class
        // path, and a JDK class and a class of an isolated loader still reach it.
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.put.method = dev.memdebug.it.apps.HookedApp$Store#put",
                "hook.put.log = none",
                "hook.put.counter = puts +1",
                "hook.plugin.method = dev.memdebug.it.apps.plugin.PluginWork#work",
                "hook.plugin.log = none",
                "hook.plugin.counter = plugin-calls +1",
                "hook.crc.method = java.util.zip.CRC32#update(byte[], int, int)",
                "hook.crc.log = none",
                "hook.crc.counter = crc-updates +1",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Dmemdebug.bootstrap.jar=true").agentArgs("snapshot.interval=1h").main(HookedApp.class, "300");
        assertEquals(0, jvm.run(60), jvm.stderr());
        String log = jvm.logText();
        assertTrue(!log.contains("could not put the hook bridge"), log);
        String fin = log.substring(log.lastIndexOf("📊 Final Snapshot"));
        Matcher crc = Pattern.compile("Puts: 5 \\| Plugin calls: 1 \\| Crc updates: (\\d+)").matcher(fin);
        assertTrue(crc.find() && Long.parseLong(crc.group(1)) >= 3, fin);
    }

    @Test
    void countersStayExactUnderEightThreads() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.hit.method = dev.memdebug.it.apps.Hammer$Counter#hit",
                "hook.hit.label = Hit",
                "hook.hit.counter = hits +1 on enter, inflight +1 on enter, -1 on exit",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).agentArgs("snapshot.interval=1h").main(Hammer.class, "8", "125000");
        assertEquals(0, jvm.run(120), jvm.stderr());
        assertTrue(jvm.stdout().contains("hammered 1000000"));
        String log = jvm.logText();
        assertTrue(log.contains("Hits: 1000000 | Inflight: 0"), log);
        Matcher ops = Pattern.compile("operations recorded: (\\d+), dropped: (\\d+)").matcher(log);
        assertTrue(ops.find(), log);
        assertEquals(1_000_000, Long.parseLong(ops.group(1)) + Long.parseLong(ops.group(2)),
                "every operation was recorded or counted as dropped");
    }

    @Test
    void hooksThatMatchNothingAreReportedWithSuggestions() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.typo.method = dev.memdebug.it.apps.HookedApp$MemoryStore#putt",
                "hook.missing.method = dev.memdebug.it.apps.HookdApp#staticWork",
                "hooks.report-after = 500ms",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).main(HookedApp.class, "1500");
        assertEquals(0, jvm.run(60), jvm.stderr());
        String log = jvm.logText();
        assertTrue(log.contains("hook 'typo' (" + dir.resolve("agent.properties").toAbsolutePath() + ":1) matched nothing: "
                + "dev.memdebug.it.apps.HookedApp$MemoryStore has no method 'putt' - did you mean 'put'?"), log);
        assertTrue(log.contains("hook 'missing'") && log.contains("class dev.memdebug.it.apps.HookdApp has not been loaded - did you mean dev.memdebug.it.apps.HookedApp?"), log);
        assertTrue(jvm.stdout().contains("work done"));
    }

    @Test
    void attachingAtRunTimeRetransformsLoadedClasses() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.beat.method = dev.memdebug.it.apps.LateApp$Worker#beat",
                "hook.beat.log = none",
                "hook.beat.counter = beats +1",
                ""));
        Path go = dir.resolve("go");
        AgentJvm jvm = AgentJvm.in(dir).withoutAgent().main(LateApp.class, "1500", go.toString());
        jvm.start();
        assertTrue(jvm.awaitStdout("ready", 30));
        VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
        try {
            vm.loadAgent(AgentJvm.AGENT_JAR.toString(), "config=" + dir.resolve("agent.properties") + ",snapshot.interval=1h");
        } finally {
            vm.detach();
        }
        Files.createFile(go);
        assertEquals(0, jvm.waitFor(60), jvm.stderr());
        String log = jvm.logText();
        assertTrue(log.contains("(attached at run time; loaded classes retransformed)"), log);
        Matcher beats = Pattern.compile("Beats: (\\d+)").matcher(log.substring(log.lastIndexOf("📊 Final Snapshot")));
        assertTrue(beats.find() && Long.parseLong(beats.group(1)) >= 10, log);
    }
}
