package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapReserveTest {

    @Test
    void anOutOfMemoryErrorReleasesTheReserveForOneMoreTry() {
        assertTrue(HeapReserve.claim());
        int[] runs = {0};
        HeapReserve.withReserve(() -> {
            if (runs[0]++ == 0) {
                throw new OutOfMemoryError("first try");
            }
        });
        assertEquals(2, runs[0]);
        assertFalse(HeapReserve.held(), "given back to the heap");
        assertTrue(HeapReserve.claim(), "claimed again when there is room");
        assertTrue(HeapReserve.held());
    }

    @Test
    void aSecondErrorGoesToTheCaller() {
        HeapReserve.claim();
        int[] runs = {0};
        assertThrows(OutOfMemoryError.class, () -> HeapReserve.withReserve(() -> {
            runs[0]++;
            throw new OutOfMemoryError("again");
        }));
        assertEquals(2, runs[0], "tried once more, not in a loop");
        HeapReserve.claim();
    }
}
