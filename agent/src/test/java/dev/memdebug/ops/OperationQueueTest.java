package dev.memdebug.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OperationQueueTest {

    @Test
    void fullQueueDropsTheNewestAndCountsIt() {
        OperationQueue q = new OperationQueue(64);
        int published = 0;
        for (int i = 0; i < 100; i++) {
            if (q.publish(i, OperationRecord.ENTER, -1, i, 0, 0, 0, null, "t")) {
                published++;
            }
        }
        assertEquals(q.capacity(), published);
        assertEquals(100 - published, q.dropped());
        List<Integer> ids = new ArrayList<>();
        q.drain(r -> ids.add(r.hookId()));
        assertEquals(published, ids.size());
        assertEquals(0, ids.get(0));
        assertEquals(published - 1, ids.get(ids.size() - 1));
        assertTrue(q.publish(1, OperationRecord.EXIT, -1, 0, 0, 0, 0, "ctx", "t"), "slots return to the pool after a drain");
    }

    @Test
    void concurrentProducersLoseNothingThatIsNotCounted() throws Exception {
        OperationQueue q = new OperationQueue(1024);
        int threads = 4;
        int each = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread p = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    q.publish(id, OperationRecord.ENTER, -1, i, 0, 0, i, null, null);
                }
            });
            p.start();
            producers.add(p);
        }
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        long[] lastSeen = new long[threads];
        java.util.Arrays.fill(lastSeen, -1);
        AtomicBoolean ordered = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> {
            // Stops at the first empty drain after the producers are done; every drained record is counted
            // (the loop condition once drained with a no-op consumer, losing records when it raced the end).
            while (true) {
                boolean finished = done.get();
                int n = q.drain(r -> {
                    consumed.incrementAndGet();
                    if (r.value() <= lastSeen[r.hookId()]) {
                        ordered.set(false);
                    }
                    lastSeen[r.hookId()] = r.value();
                });
                if (finished && n == 0) {
                    break;
                }
            }
        });
        consumer.start();
        start.countDown();
        for (Thread p : producers) {
            p.join();
        }
        done.set(true);
        consumer.join();
        q.drain(r -> consumed.incrementAndGet());
        assertEquals((long) threads * each, consumed.get() + q.dropped());
        assertTrue(ordered.get(), "each producer's records arrive in order");
        assertFalse(consumed.get() == 0);
    }
}
