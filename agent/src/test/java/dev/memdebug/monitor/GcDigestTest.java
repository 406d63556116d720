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
        assertTrue(d.observe(young(9_000, 700, 300, 250)), "a long pause, 6 s after the full collection");
        assertNull(d.summary(60_999), "the interval is not over");
        GcDigest.Summary s = d.summary(61_000);
        assertNotNull(s);
        assertEquals(2, s.count());
        assertEquals(0, s.fullCount());
        assertEquals(105 * MB, s.freedBytes());
        assertEquals(20, s.gcMillis());
        assertEquals(45 * MB, s.heapAfterBytes());
        assertEquals("G1 Young Generation", s.collectors());
        assertEquals(1_000, s.fromMillis());
        assertNull(d.summary(200_000), "an interval without collections has no summary");
    }

    @Test
    void aLongConcurrentCycleIsSummedUpNotLoggedAsAPause() {
        GcDigest d = new GcDigest(60_000, 500);
        GcEvent cycle = new GcEvent(1_000, "ZGC Minor Cycles", "Allocation Rate", false, 2_400, 300 * MB, 120 * MB);
        assertTrue(cycle.concurrentCycle());
        assertFalse(d.isNotable(cycle));
        assertFalse(d.observe(cycle));
        assertTrue(d.isNotable(new GcEvent(2_000, "ZGC Minor Pauses", "Allocation Rate", false, 600, 0, 0)), "ZGC's pauses are pauses");
        assertFalse(new GcEvent(2_000, "G1 Young Generation", "G1 Evacuation Pause", false, 5, 0, 0).concurrentCycle());
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
    void fullCollectionsInABurstAreLoggedOnceThenSummedUp() {
        GcDigest d = new GcDigest(60_000, 0);
        assertTrue(d.observe(full(1_000, 10, 120, 118)));
        assertFalse(d.observe(full(1_200, 10, 120, 119)), "0.2 s after a logged one");
        assertFalse(d.observe(full(5_999, 10, 120, 119)));
        assertTrue(d.observe(full(6_000, 10, 120, 119)), "5 s later: logged again");
        GcDigest.Summary s = d.summary(61_000);
        assertEquals(2, s.count());
        assertEquals(2, s.fullCount());
    }

    private static GcEvent full(long t, long ms, long beforeMb, long afterMb) {
        return new GcEvent(t, "G1 Old Generation", "G1 Compaction Pause", true, ms, beforeMb * MB, afterMb * MB);
    }

    @Test
    void thrashingNeedsHighMemoryMuchGcTimeAndAHeapThatStaysFull() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 100; i++) {
            // What the Thrasher test app shows: many short collections that each free the little garbage
            // the app managed to make, leaving the heap at 95 % of its 128 MB max.
            d.observe(young(1_000 + i * 95L, 40, 124, 122));
        }
        assertNull(d.thrashing(10_500, false, 128 * MB), "below HIGH it is only busy");
        GcDigest.Thrashing t = d.thrashing(10_500, true, 128 * MB);
        assertNotNull(t);
        assertEquals(100, t.count());
        assertEquals(4_000, t.gcMillis());
        assertEquals(200 * MB, t.freedBytes());
        assertEquals(122 * MB, t.minHeapAfterBytes());
        assertNull(d.thrashing(11_000, true, 128 * MB), "reported once, not on every check");
    }

    @Test
    void collectionsThatEmptyTheHeapAreNotThrashing() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 100; i++) {
            d.observe(young(1_000 + i * 95L, 40, 124, i == 50 ? 60 : 122));
        }
        assertNull(d.thrashing(10_500, true, 128 * MB), "one collection got the heap down to half: not full of live data");
    }

    @Test
    void littleGcTimeIsNotThrashing() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 10; i++) {
            d.observe(young(1_000 + i * 900L, 100, 124, 122));
        }
        assertNull(d.thrashing(10_500, true, 128 * MB), "1 s of 10 s");
    }

    @Test
    void oldCollectionsLeaveTheWindow() {
        GcDigest d = new GcDigest(60_000, 0);
        for (int i = 0; i < 10; i++) {
            d.observe(new GcEvent(1_000 + i * 100L, "G1 Old Generation", "Allocation Failure", true, 400, 500 * MB, 499 * MB));
        }
        assertNotNull(d.thrashing(2_000, true, 512 * MB));
        assertNull(d.thrashing(70_000, true, 512 * MB), "a minute later they are history");
    }
}
