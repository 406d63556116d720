package dev.memdebug.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.config.ConfigEntry;
import dev.memdebug.config.ConfigKey;
import dev.memdebug.config.ConfigLoader;
import dev.memdebug.config.PropertiesFile;
import dev.memdebug.instrument.HookConfigParser;
import dev.memdebug.instrument.HookPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped examples and help stay in step with the code. */
class ExampleConfigTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theCommittedExampleIsWhatTheCodeRenders() throws Exception {
        String committed = Files.readString(PROJECT.resolve("agent.properties.example"));
        assertEquals(ExampleConfig.render(), committed, "regenerate with: java -jar agent/target/memdebug-agent.jar example-config > agent.properties.example");
    }

    @Test
    void everyKeyIsInTheExampleAndTheHelp() {
        String example = ExampleConfig.render();
        String help = Main.help();
        for (ConfigKey key : ConfigKey.values()) {
            assertTrue(example.contains("#" + key.key() + " = " + key.defaultValue()), key.key());
            assertTrue(help.contains(key.key()), key.key());
        }
    }

    @Test
    void theExampleUncommentedIsAValidConfiguration() {
        List<ConfigEntry> entries = new ArrayList<>();
        for (ConfigEntry e : PropertiesFile.parse(ExampleConfig.render().replaceAll("(?m)^#([a-z][a-z.-]+ = )", "$1"), "example").entries()) {
            entries.add(e);
        }
        assertEquals(ConfigKey.values().length, entries.size());
        StringBuilder args = new StringBuilder();
        for (ConfigEntry e : entries) {
            if (!e.value().isEmpty()) {
                args.append(args.length() == 0 ? "" : ",").append(e.key()).append('=').append(e.value());
            }
        }
        assertTrue(ConfigLoader.load(args.toString(), Map.of(), PROJECT).problems().isEmpty());
    }

    @Test
    void theSampleBotsConfigurationHasNoProblems() throws Exception {
        Path file = PROJECT.resolve("sample-bot/agent.properties");
        ConfigLoader.Result r = ConfigLoader.load("config=" + file, Map.of(), PROJECT);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        HookPlan plan = HookConfigParser.parse(r.config().hookEntries());
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
        assertEquals(4, plan.hooks().size());
    }

    @Test
    void unknownCommandIsAClearUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"analyze-this"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'analyze-this'"));
    }
}
