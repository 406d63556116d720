package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void figuresAreWhatTheFormatterWouldWrite() {
        Random random = new Random(5);
        double[] edges = {0, 0.05, 0.25, 1.45, 2.5, 99.95, 93.75, 100, 12.345, 1e9 + 0.05, Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : edges) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), Decimal.one(v), "one " + v);
            assertEquals(String.format(Locale.ROOT, "%.0f", v), Decimal.whole(v), "whole " + v);
        }
        for (int i = 0; i < 100_000; i++) {
            double v = i % 2 == 0 ? random.nextDouble() * 100 : random.nextInt(100_000) / 100.0;
            assertEquals(String.format(Locale.ROOT, "%.1f", v), Decimal.one(v), "one " + v);
            assertEquals(String.format(Locale.ROOT, "%.0f", v), Decimal.whole(v), "whole " + v);
        }
    }

    @Test
    void secondsAreOneDecimalBelowTenSecondsAsTheFormatterWroteThem() {
        for (long millis = 0; millis < 12_000; millis++) {
            String expected = millis < 10_000 ? String.format(Locale.ROOT, "%.1fs", millis / 1000.0) : (millis / 1000) + "s";
            assertEquals(expected, Decimal.seconds(millis), "millis " + millis);
        }
        assertEquals("3600s", Decimal.seconds(3_600_000));
    }
}
