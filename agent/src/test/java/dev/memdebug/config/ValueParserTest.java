package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueParserTest {

    @Test
    void wholeNumbersAreAcceptedExactlyAsTheFormerExpressionAcceptedThem() {
        for (String text : new String[] {"0", "+7", "-12", "123456789012345678", "1234567890123456789", "", "+", "-", "1.5", "1e3", "٣", " 4", "--1"}) {
            boolean expected = text.strip().toLowerCase(java.util.Locale.ROOT).matches("[+-]?[0-9]{1,18}");
            boolean accepted;
            try {
                ValueParser.parseInt(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            if (expected) {
                // A valid form may still be out of int range; those are refused for their range, not their form.
                long value = Long.parseLong(text.strip());
                assertEquals(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE, accepted, text);
            } else {
                assertEquals(false, accepted, text);
            }
        }
    }

    private static final long MB = 1024 * 1024;

    @Test
    void sizes() {
        assertEquals(512 * MB, ValueParser.parseSize("512MB"));
        assertEquals(512 * MB, ValueParser.parseSize("512 mb"));
        assertEquals(512 * MB, ValueParser.parseSize("512"));
        assertEquals(1536 * MB, ValueParser.parseSize("1.5g"));
        assertEquals(64 * 1024, ValueParser.parseSize("64KB"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueParser.parseSize("12 parsecs"));
        assertTrue(e.getMessage().contains("unknown unit 'parsecs'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseSize("-1MB"));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseSize(""));
    }

    @Test
    void durations() {
        assertEquals(300_000, ValueParser.parseDurationMillis("300s"));
        assertEquals(300_000, ValueParser.parseDurationMillis("300"));
        assertEquals(100, ValueParser.parseDurationMillis("100ms"));
        assertEquals(300_000, ValueParser.parseDurationMillis("5m"));
        assertEquals(3_600_000, ValueParser.parseDurationMillis("1h"));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseDurationMillis("soon"));
    }

    @Test
    void thresholds() {
        assertEquals(Threshold.ofPercent(80), ValueParser.parseThreshold("80%"));
        assertEquals(Threshold.ofBytes(410 * MB), ValueParser.parseThreshold("410MB"));
        assertEquals(481, ValueParser.parseThreshold("94%").resolve(512 * MB) / MB);
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseThreshold("120%"));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseThreshold("0MB"));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseThreshold("lots"));
    }

    @Test
    void booleansAndInts() {
        assertTrue(ValueParser.parseBoolean("ON"));
        assertEquals(false, ValueParser.parseBoolean("no"));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parseBoolean("maybe"));
        assertEquals(5, ValueParser.parseInt(" 5 ", 1, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueParser.parseInt("11", 1, 10));
        assertTrue(e.getMessage().contains("from 1 to 10"));
    }
}
