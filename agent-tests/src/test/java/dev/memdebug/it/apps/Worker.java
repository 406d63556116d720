package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * A busy app that must keep working whatever happens to the agent's log: {@code Worker MILLIS [END]}.
 * Grows to 160 MB in 8 MB steps and frees it again and again (so the agent writes snapshots, spikes and
 * alarms all the time), prints {@code working} at start, and after MILLIS prints {@code done N}
 * (N rounds) and ends: END {@code return} (exit 0), {@code exit} ({@code System.exit(3)}), or
 * {@code halt} ({@code Runtime.halt(5)}, no shutdown hooks).
 */
public final class Worker {

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[0]);
        String end = args.length > 1 ? args[1] : "return";
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<byte[]> held = new ArrayList<>();
        System.out.println("working");
        System.out.flush();
        long rounds = 0;
        while (System.nanoTime() < deadline) {
            for (int mb = 0; mb < 160 && System.nanoTime() < deadline; mb += 8) {
                byte[] chunk = Pages.touched(new byte[8 * 1024 * 1024]);
                held.add(chunk);
                Thread.sleep(5);
            }
            held.clear();
            rounds++;
            Thread.sleep(20);
        }
        System.out.println("done " + rounds);
        System.out.flush();
        switch (end) {
            case "exit" -> System.exit(3);
            case "halt" -> Runtime.getRuntime().halt(5);
            default -> {
            }
        }
    }
}
