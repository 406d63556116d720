package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/** Calls one hooked method from many threads: {@code Hammer THREADS CALLS_PER_THREAD}. */
public final class Hammer {

    public static final class Counter {
        public void hit(int n) {
            if (n < 0) {
                throw new IllegalArgumentException();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        Counter counter = new Counter();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    counter.hit(i);
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("hammered " + ((long) threads * calls));
    }
}
