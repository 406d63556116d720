package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MbTest {

    @Test
    void oneDecimalIsWhatTheFormatterWouldWriteIncludingEveryTie() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long bytes = switch (i % 4) {
                // A tie: k * 0.05 MB exactly (multiples of 2^20 / 20 that are whole bytes: odd multiples of 0.25 MB)
                case 0 -> (long) random.nextInt(1 << 20) * 262_144L;
                case 1 -> random.nextInt(64 << 20);
                case 2 -> Math.floorMod(random.nextLong(), 1L << 45);
                default -> (long) random.nextInt(100_000) * 1_048_576L + random.nextInt(3) - 1 + 52_428;
            };
            if (bytes < 0) {
                continue;
            }
            assertEquals(String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0), Mb.of(bytes), "bytes " + bytes);
        }
    }

    @Test
    void unknownLimitAndRiseForms() {
        assertEquals("? MB", Mb.of(-1));
        assertEquals("512 MB", Mb.limit(512L << 20));
        assertEquals("0.3 MB", Mb.limit(262_144));
        assertEquals("+87.5 MB", Mb.rise(87L * 1048576 + 524_288));
        assertEquals("-0.1 MB", Mb.rise(-100_000));
        assertEquals(2657, Mb.tenths((long) (265.66 * 1048576)));
        assertEquals(Long.MAX_VALUE / 1048576 * 10 + 10, Mb.tenths(Long.MAX_VALUE));
    }
}
