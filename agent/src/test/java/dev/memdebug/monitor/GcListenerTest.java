package dev.memdebug.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listener on this JVM's real collectors. */
class GcListenerTest {

    static volatile Object sink;

    @Test
    void aSystemGcArrivesAsAFullCollectionThatFreedWhatWasGarbage() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        GcListener listener = GcListener.register(woken::countDown, PromotionForecast.forThisJvm());
        for (int i = 0; i < 64; i++) {
            sink = new byte[1024 * 1024];
        }
        sink = null;
        System.gc();
        assertTrue(woken.await(10, TimeUnit.SECONDS), "a full collection wakes the monitor");
        List<GcEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().noneMatch(GcEvent::old) && System.nanoTime() < deadline) {
            listener.drain(events::add);
            Thread.sleep(10);
        }
        GcEvent full = events.stream().filter(e -> e.cause().equals("System.gc()")).findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertTrue(full.old(), full.toString());
        assertTrue(full.heapBeforeBytes() > 0 && full.heapAfterBytes() <= full.heapBeforeBytes(), full.toString());
        assertTrue(full.durationMillis() >= 0, full.toString());
        assertEquals(0, listener.dropped());
    }

    @Test
    void aFullQueueDropsAndCounts() {
        GcListener listener = new GcListener(java.util.Set.of(), () -> { }, PromotionForecast.forThisJvm());
        for (int i = 0; i < GcListener.CAPACITY + 5; i++) {
            listener.offer(new GcEvent(i, "x", "y", false, 1, 2, 1));
        }
        assertEquals(5, listener.dropped());
        List<GcEvent> drained = new ArrayList<>();
        listener.drain(drained::add);
        assertEquals(GcListener.CAPACITY, drained.size());
        assertEquals(0, drained.get(0).timeMillis(), "oldest first");
    }
}
