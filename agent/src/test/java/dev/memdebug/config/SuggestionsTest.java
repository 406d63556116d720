package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsCloseNamesOnly() {
        List<String> keys = List.of("log.path", "high.threshold", "critical.threshold");
        assertEquals("log.path", Suggestions.closest("log.pth", keys));
        assertEquals("high.threshold", Suggestions.closest("hihg.threshold", keys));
        assertNull(Suggestions.closest("something.else.entirely", keys));
        assertEquals(1, Suggestions.distance("ab", "ba"));
    }
}
