package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotSettingsTest {

    @Test
    void renderGetsThreeSessionsAndThreeDownloads() {
        BotSettings render = BotSettings.fromEnvironment(Map.of("RENDER", "true"));
        assertEquals(3, render.maxSessions());
        assertEquals(3, render.maxConcurrentDownloads());
    }

    @Test
    void elsewhereItIsFiveOfEach() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("RENDER", " "))) {
            BotSettings settings = BotSettings.fromEnvironment(env);
            assertEquals(5, settings.maxSessions(), env.toString());
            assertEquals(5, settings.maxConcurrentDownloads(), env.toString());
        }
    }

    @Test
    void thePortAndTheFailurePatternsComeFromTheEnvironment() {
        BotSettings settings = BotSettings.fromEnvironment(Map.of("PORT", "10000", "BOT_FAILURES", "leak-downloads, Unbounded-Cache,"));
        assertEquals(10000, settings.port());
        assertEquals(Set.of(FailurePattern.LEAK_DOWNLOADS, FailurePattern.UNBOUNDED_CACHE), settings.failures());
        assertEquals(8080, BotSettings.fromEnvironment(Map.of()).port());
        assertEquals(Set.of(), BotSettings.fromEnvironment(Map.of()).failures());
    }

    @Test
    void unreadableEnvironmentValuesAreReported() {
        assertEquals("the port must be a number from 0 to 65535, not 'http'",
                assertThrows(IllegalArgumentException.class, () -> BotSettings.fromEnvironment(Map.of("PORT", "http"))).getMessage());
        assertEquals("unknown failure pattern 'leak' (known: no-session-limit, leak-downloads, unbounded-cache)",
                assertThrows(IllegalArgumentException.class, () -> BotSettings.fromEnvironment(Map.of("BOT_FAILURES", "leak"))).getMessage());
    }
}
