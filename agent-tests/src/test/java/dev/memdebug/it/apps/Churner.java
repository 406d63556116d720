package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * A busy test app for kill tests: grows to {@code TOP_MB} in 8 MB steps and frees it, again and again,
 * so memory keeps crossing the agent's thresholds and the log is written to all the time. Runs until
 * killed. Prints {@code churning} once started.
 */
public final class Churner {

    public static void main(String[] args) throws Exception {
        int top = Integer.parseInt(args[0]);
        List<byte[]> held = new ArrayList<>();
        System.out.println("churning");
        System.out.flush();
        while (true) {
            for (int mb = 0; mb < top; mb += 8) {
                byte[] chunk = Pages.touched(new byte[8 * 1024 * 1024]);
                held.add(chunk);
                Thread.sleep(5);
            }
            held.clear();
            System.gc();
            Thread.sleep(20);
        }
    }
}
