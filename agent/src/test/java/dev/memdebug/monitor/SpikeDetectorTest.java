package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final long MB = 1024 * 1024;

    @Test
    void riseWithinWindowIsASpike() {
        SpikeDetector d = new SpikeDetector(50 * MB, 10_000);
        assertFalse(d.observe(0, 100 * MB));
        assertFalse(d.observe(1000, 130 * MB));
        assertTrue(d.observe(4000, 160 * MB));
        assertEquals(60 * MB, d.lastRise());
        assertEquals(4000, d.lastRiseMillis());
        assertFalse(d.observe(5000, 170 * MB), "the window restarts after a spike");
    }

    @Test
    void slowRiseIsNotASpike() {
        SpikeDetector d = new SpikeDetector(50 * MB, 10_000);
        long mb = 100;
        for (long t = 0; t < 120_000; t += 1000) {
            assertFalse(d.observe(t, mb * MB), "at " + t);
            mb += 4;
        }
    }

    @Test
    void riseIsMeasuredFromTheLowestPointInTheWindow() {
        SpikeDetector d = new SpikeDetector(50 * MB, 10_000);
        d.observe(0, 200 * MB);
        d.observe(1000, 120 * MB);
        assertTrue(d.observe(2000, 180 * MB));
        assertEquals(60 * MB, d.lastRise());
    }

    @Test
    void manyFastSamplesStayBounded() {
        SpikeDetector d = new SpikeDetector(50 * MB, 60_000);
        for (long t = 0; t < 100_000; t++) {
            d.observe(t, 100 * MB + (t % 7));
        }
        assertTrue(d.observe(100_000, 200 * MB));
    }
}
