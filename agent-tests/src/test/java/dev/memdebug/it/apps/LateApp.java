package dev.memdebug.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs without the agent, loads its classes, then calls a method every 50 ms: for attach tests.
 * {@code LateApp MILLIS [GO_FILE]}: with a GO_FILE, the MILLIS only start once that file exists, so an
 * attach that takes long on a loaded machine still finds the app running and has its beats to count.
 */
public final class LateApp {

    public static final class Worker {
        public int beat(int n) {
            return n + 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Worker worker = new Worker();
        int n = worker.beat(0);
        System.out.println("ready");
        System.out.flush();
        if (args.length > 1) {
            Path go = Path.of(args[1]);
            while (!Files.exists(go)) {
                n = worker.beat(n);
                Thread.sleep(50);
            }
        }
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) {
            n = worker.beat(n);
            Thread.sleep(50);
        }
        System.out.println("beats " + n);
    }
}
