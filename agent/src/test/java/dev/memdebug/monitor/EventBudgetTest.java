package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theFirstBlocksOfEachKindAreWrittenTheRestSummarisedAtTheEndOfTheWindow() {
        EventBudget budget = new EventBudget();
        int high = 0;
        int critical = 0;
        for (int i = 0; i < 1000; i++) {
            long now = i * 50L;
            high += budget.allow(EventBudget.Kind.HIGH, now, (400 + i % 30) * MB) ? 1 : 0;
            critical += budget.allow(EventBudget.Kind.CRITICAL, now, 480 * MB) ? 1 : 0;
            assertNull(budget.roll(now), "the window is still open at " + now);
        }
        assertEquals(EventBudget.Kind.HIGH.perWindow(), high);
        assertEquals(EventBudget.Kind.CRITICAL.perWindow(), critical);
        String summary = budget.roll(EventBudget.WINDOW_MILLIS);
        assertTrue(summary.startsWith("RATE LIMIT: 980 CRITICAL, 990 HIGH block(s) of the last 60 s were summarised here"), summary);
        assertTrue(summary.contains("memory between 400.0 MB and 480.0 MB"), summary);
        assertFalse(summary.contains("HIGH MEMORY") || summary.contains("CRITICAL MEMORY"), "not mistaken for a block: " + summary);
        assertTrue(budget.allow(EventBudget.Kind.HIGH, EventBudget.WINDOW_MILLIS + 1, 400 * MB), "a new window writes again");
    }

    @Test
    void aQuietWindowSummarisesNothing() {
        EventBudget budget = new EventBudget();
        assertTrue(budget.allow(EventBudget.Kind.SPIKE, 0, MB));
        assertNull(budget.roll(EventBudget.WINDOW_MILLIS * 2));
    }
}
