package dev.memdebug.it.apps;

import java.util.concurrent.CountDownLatch;

/**
 * A test app that starts threads in steps, each of which recurses to a depth that touches about
 * {@code STACK_KB} of its stack and then waits: {@code ThreadStarter THREADS_PER_STEP STEPS PAUSE_MS HOLD_MS
 * STACK_KB}. Prints {@code started N threads} after each step and {@code done} at the end; the threads end
 * with the hold.
 */
public final class ThreadStarter {

    private static final CountDownLatch END = new CountDownLatch(1);
    /** Roughly the stack bytes one frame of {@link #descend} takes in the interpreter and C1/C2 code. */
    private static final int FRAME_BYTES = 128;

    public static void main(String[] args) throws Exception {
        int perStep = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        int depth = Integer.parseInt(args[4]) * 1024 / FRAME_BYTES;
        AgentReady.await();
        for (int i = 1; i <= steps; i++) {
            CountDownLatch started = new CountDownLatch(perStep);
            for (int k = 0; k < perStep; k++) {
                Thread t = new Thread(() -> descend(depth, started), "starter-" + i + "-" + k);
                t.setDaemon(true);
                t.start();
            }
            started.await();
            System.out.println("started " + (i * perStep) + " threads");
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(hold);
        END.countDown();
    }

    private static long descend(int depth, CountDownLatch started) {
        long a = depth;
        long b = depth * 31L;
        long c = depth ^ 0x5555;
        if (depth > 0) {
            return descend(depth - 1, started) + a + b + c;
        }
        started.countDown();
        try {
            END.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return a;
    }
}
