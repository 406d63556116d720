package dev.memdebug.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentOperationsTest {

    @Test
    void keepsTheNewestOldestFirst() {
        RecentOperations r = new RecentOperations(4);
        assertNull(r.latest());
        for (int i = 1; i <= 6; i++) {
            r.add(new Operation(i, "op" + i, i, ""));
        }
        assertEquals("op6", r.latest().label());
        assertEquals(3, r.last(3).size());
        assertEquals("op4", r.last(3).get(0).label());
        assertEquals(4, r.last(10).size());
        assertEquals("op3", r.last(10).get(0).label());
    }
}
