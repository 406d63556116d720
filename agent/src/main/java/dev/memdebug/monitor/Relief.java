package dev.memdebug.monitor;

import dev.memdebug.jvm.DiagnosticCommands;
import dev.memdebug.log.JvmLayout;
import dev.memdebug.log.LogEvent;
import dev.memdebug.sample.SnapshotReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional relief actions taken when HIGH (or CRITICAL) is logged, each reported with what it freed:
 * a {@code System.gc()} and a native heap trim ({@code System.trim_native_heap}), which hands memory that
 * glibc's malloc keeps in its arenas back to the OS. Both are off by default: a full GC stops the app,
 * and an app near its limit may rather want its CPU.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread only, after the HIGH block is written.
 */
final class Relief {

    static final String TRIM_OPERATION = "systemTrimNativeHeap";

    private final boolean gc;
    private final boolean trim;
    private final DiagnosticCommands commands;
    private final SnapshotReader reader;
    private boolean trimUnavailableReported;

    Relief(boolean gc, boolean trim, DiagnosticCommands commands, SnapshotReader reader) {
        this.gc = gc;
        this.trim = trim;
        this.commands = commands;
        this.reader = reader;
    }

    boolean enabled() {
        return gc || trim;
    }

    /** Runs the enabled actions and returns the events to write, in order. */
    List<LogEvent> act(JvmLayout layout, NoticeSink notices) {
        List<LogEvent> events = new ArrayList<>(2);
        if (gc) {
            long used = reader.usedBytes();
            long heapBefore = reader.heapUsedBytes();
            long rssBefore = reader.rssBytes();
            long start = System.nanoTime();
            System.gc();
            long took = (System.nanoTime() - start) / 1_000_000;
            events.add(layout.autoGc(System.currentTimeMillis(), used, heapBefore, reader.heapUsedBytes(), rssBefore,
                    reader.rssBytes(), took));
        }
        if (trim) {
            if (commands.offers(TRIM_OPERATION)) {
                long used = reader.usedBytes();
                long rssBefore = reader.rssBytes();
                long start = System.nanoTime();
                String says;
                try {
                    says = commands.invoke(TRIM_OPERATION);
                } catch (Throwable t) {
                    says = "failed: " + t;
                }
                long took = (System.nanoTime() - start) / 1_000_000;
                events.add(layout.trim(System.currentTimeMillis(), used, rssBefore, reader.rssBytes(), took, says));
            } else if (!trimUnavailableReported) {
                trimUnavailableReported = true;
                String why = commands.unavailableReason();
                notices.notice("relief.trim is on, but this JVM has no System.trim_native_heap (JDK 17.0.9+ and 21+ have it on Linux)"
                        + (why != null ? "; " + why : "") + "; MALLOC_ARENA_MAX=2 in the environment limits malloc arenas instead");
            }
        }
        return events;
    }

    /** Where a one-off warning goes. */
    interface NoticeSink {
        void notice(String message);
    }
}
