package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    @Test
    void aBoundedCacheEvictsTheLeastRecentlyUsed() {
        ResultCache cache = ResultCache.bounded(3);
        cache.put("a", new byte[1]);
        cache.put("b", new byte[1]);
        cache.put("c", new byte[1]);
        assertTrue(cache.get("a").isPresent());
        cache.put("d", new byte[1]);
        assertEquals(3, cache.size());
        assertTrue(cache.get("b").isEmpty(), "b was the least recently used");
        assertTrue(cache.get("a").isPresent());
        assertTrue(cache.get("d").isPresent());
    }

    @Test
    void anUnboundedCacheKeepsEverything() {
        ResultCache cache = ResultCache.unbounded();
        for (int i = 0; i < 1000; i++) {
            cache.put("k" + i, new byte[1]);
        }
        assertEquals(1000, cache.size());
    }

    @Test
    void theSettingsChooseTheKind() {
        BotSettings settings = BotSettings.fromEnvironment(Map.of()).withCacheEntries(2);
        ResultCache bounded = ResultCache.of(settings);
        ResultCache unbounded = ResultCache.of(settings.withFailures(Set.of(FailurePattern.UNBOUNDED_CACHE)));
        for (int i = 0; i < 5; i++) {
            bounded.put("k" + i, new byte[1]);
            unbounded.put("k" + i, new byte[1]);
        }
        assertEquals(2, bounded.size());
        assertEquals(5, unbounded.size());
    }
}
