package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * A test app that fills the heap with {@link Row} objects in steps and holds them, making garbage as it
 * goes so young collections run: {@code HeapFiller STEP_MB STEPS PAUSE_MS HOLD_MS}. Prints
 * {@code allocated N MB} after each step and {@code done} at the end.
 */
public final class HeapFiller {

    /** 16 longs: 144 bytes with the header, so the class histogram shows rows, not arrays, on top. */
    public static final class Row {
        long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15;

        Row(long v) {
            a0 = v;
            a15 = v;
        }
    }

    private static final List<Row> HELD = new ArrayList<>();
    static volatile Object garbage;

    public static void main(String[] args) throws Exception {
        int stepMb = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        int rowsPerStep = stepMb * 1024 * 1024 / 144;
        AgentReady.await();
        for (int i = 1; i <= steps; i++) {
            for (int k = 0; k < rowsPerStep; k++) {
                HELD.add(new Row(k));
                if (k % 16 == 0) {
                    garbage = new byte[2048];
                }
            }
            System.out.println("allocated " + (i * stepMb) + " MB");
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(hold);
    }
}
