package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClimbRateTest {

    private static final long MB = 1024 * 1024;

    @Test
    void steadyClimbIsMeasuredOverTheLastSecond() {
        ClimbRate rate = new ClimbRate();
        double r = 0;
        for (long t = 0; t <= 2000; t += 50) {
            r = rate.observe(t, 400 * MB + t * 60 * MB / 1000);
        }
        assertEquals(60.0 * MB / 1000, r, 1.0);
    }

    @Test
    void aSingleStepIsSpreadOverTheWindow() {
        ClimbRate rate = new ClimbRate();
        for (long t = 0; t < 1000; t += 50) {
            rate.observe(t, 400 * MB);
        }
        double r = rate.observe(1000, 424 * MB);
        assertTrue(r * 150 < 5 * MB, "a 24 MB step projects less than 5 MB over 150 ms: " + r * 150 / MB);
    }

    @Test
    void fallingIsZero() {
        ClimbRate rate = new ClimbRate();
        rate.observe(0, 400 * MB);
        assertEquals(0, rate.observe(100, 300 * MB));
    }
}
