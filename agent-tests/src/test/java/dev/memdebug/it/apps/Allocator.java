package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * A test app that grows its heap in steps and holds it: {@code Allocator STEP_MB STEPS PAUSE_MS HOLD_MS}.
 * Prints {@code allocated N MB} after each step and {@code done} at the end, then exits 0 (or holds
 * forever when HOLD_MS is -1, for kill tests).
 */
public final class Allocator {

    private static final List<byte[]> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int stepMb = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        for (int i = 1; i <= steps; i++) {
            byte[] chunk = Pages.touched(new byte[stepMb * 1024 * 1024]);
            HELD.add(chunk);
            System.out.println("allocated " + (i * stepMb) + " MB");
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("done");
        System.out.flush();
        if (hold < 0) {
            Thread.sleep(Long.MAX_VALUE);
        }
        Thread.sleep(hold);
    }
}
