package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpdateParserTest {

    @Test
    void readsATelegramUpdate() {
        Update u = UpdateParser.parse("{\"update_id\":7,\"message\":{\"message_id\":1,\"from\":{\"id\":12345,\"first_name\":\"A\\u00e9\"},"
                + "\"chat\":{\"id\":12345,\"type\":\"private\"},\"date\":1700000000,\"text\":\"/download a.pdf 40\",\"entities\":[{\"offset\":0}]}}");
        assertEquals(new Update(7, 12345, 12345, "/download a.pdf 40"), u);
    }

    @Test
    void malformedInputNamesThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("{\"update_id\":1,"));
        assertTrue(e.getMessage().startsWith("malformed JSON at position"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("{\"update_id\":1}"));
        assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> UpdateParser.parse("{\"update_id\":1,\"message\":{}} x"));
    }
}
