package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * Starves every other thread of CPU while climbing: {@code Starver SPINNERS STEP_MB STEPS}. Starts SPINNERS
 * threads that spin without pause, then grows by STEP_MB every 100 ms for STEPS steps, holds a second,
 * prints {@code done} and exits 0.
 */
public final class Starver {

    private static volatile boolean stop;
    private static final List<byte[]> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int spinners = Integer.parseInt(args[0]);
        int stepMb = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        long[] sink = new long[spinners];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < spinners; t++) {
            int slot = t;
            Thread spin = new Thread(() -> {
                long x = 0;
                while (!stop) {
                    x = x * 31 + 7;
                }
                sink[slot] = x;
            }, "spinner-" + t);
            spin.setPriority(Thread.MAX_PRIORITY);
            spin.start();
            threads.add(spin);
        }
        for (int i = 1; i <= steps; i++) {
            byte[] chunk = Pages.touched(new byte[stepMb * 1024 * 1024]);
            HELD.add(chunk);
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("done");
    }
}
