package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noOptionsServeWithTheEnvironmentsSettings() {
        CommandLine options = CommandLine.parse();
        assertFalse(options.help());
        assertEquals(Optional.empty(), options.simulationTime());
        assertEquals(BotSettings.fromEnvironment(Map.of("PORT", "9000")), options.settings(Map.of("PORT", "9000")));
    }

    @Test
    void optionsOverrideTheEnvironment() {
        CommandLine options = CommandLine.parse("--port", "0", "--session-mb=8", "--bandwidth", "0", "--unbounded-cache");
        BotSettings settings = options.settings(Map.of("PORT", "9000", "BOT_FAILURES", "leak-downloads"));
        assertEquals(0, settings.port());
        assertEquals(8, settings.sessionMb());
        assertEquals(0, settings.bandwidthMbPerSecond());
        assertEquals(Set.of(FailurePattern.LEAK_DOWNLOADS, FailurePattern.UNBOUNDED_CACHE), settings.failures());
    }

    @Test
    void aScenarioBringsItsFailurePatternBandwidthAndDuration() {
        CommandLine seedCrash = CommandLine.parse("--simulate", "seed-crash");
        BotSettings settings = seedCrash.settings(Map.of("RENDER", "true"));
        assertTrue(settings.has(FailurePattern.NO_SESSION_LIMIT));
        assertEquals(Scenario.SEED_CRASH.bandwidthMbPerSecond(), settings.bandwidthMbPerSecond());
        assertEquals(3, settings.maxSessions());
        assertEquals(Optional.of(Duration.ofSeconds(600)), seedCrash.simulationTime());

        CommandLine steady = CommandLine.parse("--simulate=steady", "--duration", "15", "--bandwidth", "7");
        assertEquals(Optional.of(Duration.ofSeconds(15)), steady.simulationTime());
        assertEquals(7, steady.settings(Map.of()).bandwidthMbPerSecond());
        assertEquals(Set.of(), steady.settings(Map.of()).failures());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("unknown option '--verbose'", error("--verbose"));
        assertEquals("--port needs a value", error("--port"));
        assertEquals("the port must be a number from 0 to 65535, not '70000'", error("--port", "70000"));
        assertEquals("--duration takes a number from 1 to 86400, not 'ten'", error("--simulate", "steady", "--duration", "ten"));
        assertEquals("--duration needs --simulate", error("--duration", "10"));
        assertEquals("unknown scenario 'crash' (known: steady, seed-crash, leak, spike)", error("--simulate", "crash"));
    }

    @Test
    void helpListsEveryOptionAndScenario() {
        assertTrue(CommandLine.parse("--help").help());
        String usage = CommandLine.usage();
        for (String expected : new String[] {"--port", "--simulate", "--duration", "--session-mb", "--bandwidth", "--no-session-limit",
                "--leak-downloads", "--unbounded-cache", "steady", "seed-crash", "leak", "spike", "-Xmx1g -XX:MaxDirectMemorySize=1g",
                "RENDER", "BOT_FAILURES=no-session-limit,leak-downloads,unbounded-cache"}) {
            assertTrue(usage.contains(expected), expected);
        }
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(args)).getMessage();
    }
}
