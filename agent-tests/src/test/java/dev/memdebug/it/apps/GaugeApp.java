package dev.memdebug.it.apps;

/**
 * Gauges that misbehave: one throws, one blocks forever, one takes 200 ms, one answers: {@code GaugeApp MILLIS}.
 * Prints {@code gauges ready}, works for MILLIS and prints {@code done}.
 */
public final class GaugeApp {

    private static final Object LOCK = new Object();

    public static int fine() {
        return 7;
    }

    public static int broken() {
        throw new IllegalStateException("gauge exploded");
    }

    public static int stuck() throws InterruptedException {
        synchronized (LOCK) {
            LOCK.wait();
        }
        return 1;
    }

    public static int slow() throws InterruptedException {
        Thread.sleep(200);
        return 2;
    }

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        System.out.println("gauges ready");
        System.out.flush();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long sum = 0;
        while (System.nanoTime() < deadline) {
            sum += new byte[64 * 1024].length;
            Thread.sleep(1);
        }
        System.out.println("done " + (sum > 0));
    }
}
