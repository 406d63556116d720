package dev.memdebug.monitor;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * Runs the JVM detail that follows a HIGH or CRITICAL block (connecting the DiagnosticCommand MBean, the
 * class histogram, the NMT summary, relief actions) on a thread of its own, {@code memdebug-detail}.
 *
 * <p>Why: that work takes from tens of milliseconds to seconds (starting the platform MBean server, a
 * histogram's walk of the heap). Done on the monitor thread, it kept the monitor from its next checks and
 * STILL CRITICAL records exactly when memory was about to run out: the capture-rate benchmark lost the last
 * operations of up to six seconds before a kill. Now the monitor only hands the work over.
 *
 * <p>Contract: {@link #submit} never blocks; it keeps at most {@link #CAPACITY} tasks waiting and drops
 * the rest (the next HIGH or CRITICAL brings new ones; a task that is dropped is said through the notice
 * sink). The thread is started on the first task. Tasks run one at a time, in order, so what they touch
 * (CriticalDetail, Relief) stays confined to this thread. Thread-safety: {@link #submit} from the monitor
 * thread.
 */
final class DetailWorker {

    static final int CAPACITY = 4;

    private final ArrayBlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer<String> notices;
    private Thread thread;

    DetailWorker(Consumer<String> notices) {
        this.notices = notices;
    }

    void submit(Runnable task) {
        if (!tasks.offer(task)) {
            notices.accept("JVM detail skipped: the previous detail work (class histogram, MBean connection) is still running");
            return;
        }
        if (thread == null) {
            thread = new Thread(this::loop, "memdebug-detail");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                // Nobody may stop this thread by interrupting it.
                continue;
            }
            try {
                task.run();
            } catch (Throwable t) {
                try {
                    notices.accept("JVM detail failed (the app is unaffected; the agent goes on): " + t);
                } catch (Throwable ignored) {
                    // Out of memory while reporting: the next task tries again.
                }
            }
        }
    }
}
