package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GcDigestTest {

    private static final long MB = 1024 * 1024;

    private static GcEvent young(long t, long ms, long beforeMb, long afterMb) {
        return new GcEvent(t, "G1 Young Generation", "G1 Evacuation Pause", false, ms, beforeMb * MB, afterMb * MB);
    }

    @Test
    void fullCollectionsAndLongPausesAreLoggedAtOnceTheRestSummedUp() {
        GcDigest d = new GcDigest(60_000, 500);
        assertFalse(d.observe(young(1_000, 12, 100, 40)));
        assertFalse(d.observe(young(2_000, 8, 90, 45)));
        assertTrue(d.observe(new GcEvent(3_000, "G1 Old Generation", "System.gc()", true, 30, 60 * MB, 20 * MB)));
        assertTrue(d.observe(young(4_000, 700, 300, 250)));
        assertNull(d.summary(60_999), "the interval is not over");
        GcDigest.Summary s = d.summary(61_000);
        assertNotNull(s);
        assertEquals(2, s.count());
        assertEquals(105 * MB, s.freedBytes());
        assertEquals(20, s.gcMillis());
        assertEquals(45 * MB, s.heapAfterBytes());
        assertEquals("G1 Young Generation", s.collectors());
        assertEquals(1_000, s.fromMillis());
        assertNull(d.summary(200_000), "an interval without collections has no summary");
    }

    @Test
    void zeroIntervalMeansNoSummaries() {
        GcDigest d = new GcDigest(0, 0);
        assertFalse(d.observe(young(1_000, 900, 100, 40)), "no long-pause rule with 0");
        assertNull(d.summary(1_000_000));
    }

    @Test
    void promotionNeverShowsAsNegativeFreed() {
        assertEquals(0, young(0, 1, 40, 45).freedBytes());
    }

    @Test
    void thrashingNeedsHighMemoryMuchGcTimeAndLittleFreed() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 10; i++) {
            d.observe(new GcEvent(1_000 + i * 1_000L, "G1 Old Generation", "Allocation Failure", true, 400, 500 * MB, 499 * MB));
        }
        assertNull(d.thrashing(10_500, false, 512 * MB), "below HIGH it is only busy");
        GcDigest.Thrashing t = d.thrashing(10_500, true, 512 * MB);
        assertNotNull(t);
        assertEquals(10, t.count());
        assertEquals(4_000, t.gcMillis());
        assertEquals(10 * MB, t.freedBytes());
        assertNull(d.thrashing(11_000, true, 512 * MB), "reported once, not on every check");
    }

    @Test
    void collectionsThatFreeMuchAreNotThrashing() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 10; i++) {
            d.observe(young(1_000 + i * 1_000L, 400, 500, 300));
        }
        assertNull(d.thrashing(10_500, true, 512 * MB));
    }

    @Test
    void oldCollectionsLeaveTheWindow() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 10; i++) {
            d.observe(new GcEvent(1_000 + i * 100L, "G1 Old Generation", "Allocation Failure", true, 400, 500 * MB, 499 * MB));
        }
        assertNull(d.thrashing(30_000, true, 512 * MB), "20 s later they are history");
    }
}
