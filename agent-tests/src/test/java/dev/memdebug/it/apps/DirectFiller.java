package dev.memdebug.it.apps;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test app that grows direct buffers in steps and holds them: {@code DirectFiller STEP_MB STEPS PAUSE_MS
 * HOLD_MS}, once the agent has written its first snapshot. Every page is written, so the memory is resident. Prints {@code allocated N MB} after each step
 * and {@code done} at the end.
 */
public final class DirectFiller {

    private static final List<ByteBuffer> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int stepMb = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        AgentReady.await();
        for (int i = 1; i <= steps; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(stepMb * 1024 * 1024);
            for (int p = 0; p < b.capacity(); p += 4096) {
                b.put(p, (byte) 1);
            }
            HELD.add(b);
            System.out.println("allocated " + (i * stepMb) + " MB");
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(hold);
    }
}
