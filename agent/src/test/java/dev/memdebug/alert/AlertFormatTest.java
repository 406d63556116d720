package dev.memdebug.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.analyze.TestJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFormatTest {

    private static final String BLOCK = "[2026-11-24 15:55:40] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 477.9 MB / 512 MB\n"
            + "Sessions: 6 | Queue: 4 \"quoted\"\n";

    @Test
    void textIsTheBlockItself() {
        assertEquals(BLOCK.strip() + "\n", AlertFormat.TEXT.body(BLOCK, "bot", "host-1"));
        assertTrue(AlertFormat.TEXT.contentType().startsWith("text/plain"));
    }

    @Test
    void jsonAndChatAreValidJsonHoldingTheBlock() {
        Map<?, ?> json = (Map<?, ?>) TestJson.parse(AlertFormat.JSON.body(BLOCK, "bot", "host-1"));
        assertEquals("critical", json.get("type"));
        assertEquals("bot", json.get("app"));
        assertEquals(BLOCK.strip(), json.get("text"));
        Map<?, ?> chat = (Map<?, ?>) TestJson.parse(AlertFormat.CHAT.body(BLOCK, "bot", "host-1"));
        String text = (String) chat.get("text");
        assertEquals(text, chat.get("content"));
        assertTrue(text.startsWith("memdebug: bot on host-1\n```\n[2026-11-24"), text);
        assertTrue(text.endsWith("\n```"), text);
    }

    @Test
    void chatIsCutToFitADiscordMessage() {
        String longBlock = ("x".repeat(99) + "\n").repeat(100);
        String text = (String) ((Map<?, ?>) TestJson.parse(AlertFormat.CHAT.body(longBlock, "bot", "h"))).get("content");
        assertTrue(text.length() <= 2000, "length " + text.length());
        assertTrue(text.contains("\n…\n```"), text.substring(text.length() - 20));
    }

    @Test
    void byIdNamesTheChoices() {
        assertEquals(AlertFormat.CHAT, AlertFormat.byId(" Chat "));
        assertEquals("expects one of text, json, chat, not 'slack'",
                assertThrows(IllegalArgumentException.class, () -> AlertFormat.byId("slack")).getMessage());
    }
}
