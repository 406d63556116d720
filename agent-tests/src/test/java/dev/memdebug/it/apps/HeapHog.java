package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs its own heap out again and again for MILLIS ({@code HeapHog MILLIS}), catching each
 * {@link OutOfMemoryError} and keeping most of what it holds, so every thread in the JVM, the agent's
 * included, keeps meeting a full heap. Then lets go of everything, prints {@code survived N} (its own
 * OutOfMemoryErrors) and exits 0.
 */
public final class HeapHog {

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<byte[]> held = new ArrayList<>();
        int errors = 0;
        System.out.println("hogging");
        System.out.flush();
        while (System.nanoTime() < deadline) {
            try {
                while (System.nanoTime() < deadline) {
                    held.add(new byte[256 * 1024]);
                }
            } catch (OutOfMemoryError e) {
                errors++;
                int keep = held.size() * 15 / 16;
                for (int i = held.size() - 1; i >= keep; i--) {
                    held.remove(i);
                }
                Thread.sleep(2);
            }
        }
        held = null;
        System.gc();
        Thread.sleep(500);
        System.out.println("survived " + errors);
    }
}
