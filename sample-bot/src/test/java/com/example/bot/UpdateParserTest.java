package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateParserTest {

    private static final String START = "{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":12345,\"first_name\":\"A\"},"
            + "\"chat\":{\"id\":12345,\"type\":\"private\"},\"date\":1700000000,\"text\":\"/start\"}}";

    @Test
    void readsTheMessageOfATelegramUpdate() {
        assertEquals(Optional.of(new Update(1, 12345, 12345, "/start")), UpdateParser.parse(START));
    }

    @Test
    void ignoresFieldsItDoesNotUseAndReadsEscapes() {
        String json = " {\"update_id\": 7, \"message\": {\"entities\": [{\"offset\": 0, \"length\": 9, \"type\": \"bot_command\"}],"
                + " \"from\": {\"id\": 42, \"is_bot\": false, \"first_name\": \"Zo\\u00eb\", \"rating\": -1.5e3},"
                + " \"chat\": {\"id\": -100200, \"title\": null}, \"text\": \"/download \\\"a\\\\b\\\".pdf 40\"}}\n";
        assertEquals(Optional.of(new Update(7, 42, -100200, "/download \"a\\b\".pdf 40")), UpdateParser.parse(json));
    }

    @Test
    void aMessageWithoutTextHasEmptyText() {
        String photo = "{\"update_id\":2,\"message\":{\"from\":{\"id\":5},\"chat\":{\"id\":5},\"photo\":[{\"file_id\":\"x\"}]}}";
        assertEquals("", UpdateParser.parse(photo).orElseThrow().text());
    }

    @Test
    void otherKindsOfUpdateAreIgnored() {
        assertEquals(Optional.empty(), UpdateParser.parse("{\"update_id\":3,\"edited_message\":{\"from\":{\"id\":5},\"chat\":{\"id\":5}}}"));
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse(START.substring(0, 40)));
        assertTrue(truncated.getMessage().startsWith("malformed JSON at position 40: "), truncated.getMessage());
        for (String bad : new String[] {"", "{", "{\"update_id\":1,}", "{\"update_id\":01}", "{\"update_id\":1} x",
                "{\"update_id\":\"\\q\"}", "{\"update_id\":\"\\u12\"}", "{\"update_id\":\"a\nb\"}", "{update_id:1}", "[1,]",
                "{\"update_id\":-}", "{\"update_id\":1.}", "{\"update_id\":tru}"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("malformed JSON at position "), bad + ": " + e.getMessage());
        }
    }

    @Test
    void updatesWithoutTheFieldsTheBotNeedsAreRefused() {
        assertEquals("the update is missing or not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("[1,2]")).getMessage());
        assertEquals("update_id is missing or not an integer",
                assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("{\"update_id\":1.5,\"message\":{}}")).getMessage());
        assertEquals("message.from is missing or not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("{\"update_id\":1,\"message\":{}}")).getMessage());
        assertEquals("message.chat.id is missing or not an integer",
                assertThrows(IllegalArgumentException.class,
                        () -> UpdateParser.parse("{\"update_id\":1,\"message\":{\"from\":{\"id\":1},\"chat\":{\"id\":\"1\"}}}")).getMessage());
        assertEquals("message.text must be a string",
                assertThrows(IllegalArgumentException.class,
                        () -> UpdateParser.parse("{\"update_id\":1,\"message\":{\"from\":{\"id\":1},\"chat\":{\"id\":1},\"text\":7}}")).getMessage());
    }

    @Test
    void deeplyNestedInputIsRefusedBeforeItExhaustsTheStack() {
        String deep = "{\"update_id\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse(deep));
        assertTrue(e.getMessage().endsWith("nested deeper than " + Json.MAX_DEPTH + " levels"), e.getMessage());
    }

    @Test
    void quotedStringsReadBackUnchanged() {
        String s = "line\nbreak \"quoted\" back\\slash tab\t bell\u0007 é ✓";
        assertEquals(s, Json.parse(Json.quote(s)));
    }
}
