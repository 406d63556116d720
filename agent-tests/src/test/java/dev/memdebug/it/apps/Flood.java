package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A flood of events: {@code Flood MILLIS THREADS}. THREADS threads call {@link Target#hit} as fast as they
 * can while the main thread grows and frees 160 MB again and again. Prints {@code flooded N} (the calls
 * made) and exits 0.
 */
public final class Flood {

    public static final class Target {
        public void hit(long i) {
            if (i < 0) {
                throw new IllegalArgumentException();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + millis * 1_000_000L;
        Target target = new Target();
        LongAdder calls = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                long i = 0;
                while (System.nanoTime() < deadline) {
                    for (int k = 0; k < 1000; k++) {
                        target.hit(i++);
                    }
                }
                calls.add(i);
            });
            w.start();
            workers.add(w);
        }
        List<byte[]> held = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (int mb = 0; mb < 160 && System.nanoTime() < deadline; mb += 8) {
                byte[] chunk = Pages.touched(new byte[8 * 1024 * 1024]);
                held.add(chunk);
                Thread.sleep(5);
            }
            held.clear();
            System.gc();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("flooded " + calls.sum());
    }
}
