package dev.memdebug.it.apps;

import java.util.ArrayList;
import java.util.List;

/**
 * A hooked method called re-entrantly and from thousands of threads: {@code Recursive THREADS CALLS DEPTH}.
 * {@link Node#visit} recurses DEPTH levels, and the argument's {@code toString()} (which a hook context
 * renders) calls {@code visit} again, so the agent's own rendering re-enters the hook. Prints
 * {@code visited N} (the calls the app itself made) and exits 0.
 */
public final class Recursive {

    public static final class Node {
        public int visit(Arg arg, int depth) {
            return depth <= 0 ? 0 : 1 + visit(arg, depth - 1);
        }
    }

    public static final class Arg {
        private final Node node;

        Arg(Node node) {
            this.node = node;
        }

        @Override
        public String toString() {
            return "arg@" + node.visit(this, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int depth = Integer.parseInt(args[2]);
        Node node = new Node();
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(null, () -> {
                Arg arg = new Arg(node);
                for (int i = 0; i < calls; i++) {
                    if (node.visit(arg, depth) != depth) {
                        throw new IllegalStateException("wrong depth");
                    }
                }
            }, "worker-" + t, 256 * 1024);
            w.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            workers.add(w);
        }
        for (Thread w : workers) {
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        System.out.println("visited " + (long) threads * calls * (depth + 1));
    }
}
