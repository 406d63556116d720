package dev.memdebug.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets a test app wait until the agent in its JVM has written its first snapshot, so the agent's baseline
 * (against which snapshot blocks show growth) is taken before the app starts growing memory.
 */
final class AgentReady {

    private AgentReady() {
    }

    static void await() throws Exception {
        Path log = Path.of("memory_debug.log");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("📊 Periodic Snapshot")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the agent wrote no snapshot within 20 s");
    }
}
