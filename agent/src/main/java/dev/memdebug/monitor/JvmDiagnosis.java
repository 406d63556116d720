package dev.memdebug.monitor;

import dev.memdebug.jvm.DiagnosticCommands;
import dev.memdebug.log.JvmLayout;
import dev.memdebug.log.LogEvent;
import dev.memdebug.log.Mb;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.sample.SnapshotReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's JVM-aware part: turns the collections {@link GcListener} queued into GC lines, summaries
 * and thrashing warnings; adds the class histogram and NMT summary after a CRITICAL block; runs the relief
 * actions at HIGH. Every write goes through the monitor's writer on the monitor thread, so the JVM's
 * service thread never waits for the log.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread only (inside {@code MemoryMonitor.tick}).
 */
public final class JvmDiagnosis {

    /** How the monitor writes an event; {@code mirror} copies it to stderr. */
    interface Sink {
        void write(LogEvent event, boolean mirror);
    }

    private final JvmLayout layout;
    private final SnapshotReader reader;
    private final GcDigest digest;
    private final CriticalDetail detail;
    private final Relief relief;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GcEvent> pending = new ArrayList<>();
    private long pendingUsed;
    private GcListener listener;
    private long droppedReported;

    /**
     * @param commands shared by the histogram, NMT and trim; it connects to the MBean only when one of them runs
     */
    public JvmDiagnosis(JvmLayout layout, SnapshotReader reader, long gcSummaryMillis, long gcLongPauseMillis,
                        boolean histogram, long histogramIntervalMillis, long histogramMaxHeapBytes, boolean nmt,
                        boolean reliefGc, boolean reliefTrim, DiagnosticCommands commands) {
        this.layout = layout;
        this.reader = reader;
        this.digest = new GcDigest(gcSummaryMillis, gcLongPauseMillis);
        this.detail = new CriticalDetail(histogram, histogramIntervalMillis, histogramMaxHeapBytes, nmt, commands,
                () -> memory.getHeapMemoryUsage().getUsed());
        this.relief = new Relief(reliefGc, reliefTrim, commands, reader);
    }

    /** Connects the GC listener whose queue {@link #collections} drains. Called once, at start. */
    public void listen(GcListener gcListener) {
        this.listener = gcListener;
    }

    /**
     * Takes the collections queued since the last check: full GCs join the recent operations at once (so
     * an alarm block of this check lists them), the ones to be logged at once wait for {@link #afterCheck}
     * (so no GC line delays an alarm block), the rest join the interval's summary. Called at the start of
     * each check with the figure just measured.
     */
    void collections(long usedBytes, RecentOperations recent) {
        if (listener == null) {
            return;
        }
        listener.drain(e -> {
            if (digest.observe(e)) {
                pending.add(e);
                pendingUsed = usedBytes;
                recent.add(new Operation(e.timeMillis(), "Garbage Collection", usedBytes, e.collector() + " (" + e.cause()
                        + ", " + e.durationMillis() + " ms) freed " + Mb.of(e.freedBytes()) + ", heap now " + Mb.of(e.heapAfterBytes())));
            }
        });
    }

    /** After the alarm decision: the collections to be logged at once, thrashing, the interval's GC summary. */
    void afterCheck(long now, long usedBytes, boolean aboveHigh, Sink sink) {
        if (listener == null) {
            return;
        }
        if (!pending.isEmpty()) {
            long rss = reader.rssBytes();
            for (GcEvent e : pending) {
                sink.write(layout.collection(e.timeMillis(), e.old() ? "Full GC" : "Long GC pause", e.collector(), e.cause(),
                        e.durationMillis(), e.concurrentCycle(), e.heapBeforeBytes(), e.heapAfterBytes(), pendingUsed, rss), e.old());
            }
            pending.clear();
        }
        long dropped = listener.dropped();
        if (dropped > droppedReported) {
            sink.write(layout.collectionsDropped(now, dropped - droppedReported), true);
            droppedReported = dropped;
        }
        if (aboveHigh) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
            GcDigest.Thrashing t = digest.thrashing(now, true, max);
            if (t != null) {
                sink.write(layout.thrashing(now, t.windowMillis(), t.count(), t.gcMillis(), t.freedBytes(),
                        t.minHeapAfterBytes(), max, usedBytes), true);
            }
        } else {
            digest.thrashing(now, false, 0);
        }
        GcDigest.Summary s = digest.summary(now);
        if (s != null) {
            sink.write(layout.summary(now, s.toMillis() - s.fromMillis(), s.count(), s.fullCount(), s.collectors(), s.freedBytes(),
                    s.gcMillis(), s.heapAfterBytes(), usedBytes, reader.rssBytes()), false);
        }
    }

    /** After a CRITICAL block of {@code episode} was written: the class histogram and NMT summary. */
    void afterCritical(long usedBytes, long episode, Sink sink) {
        if (!detail.enabled()) {
            return;
        }
        LogEvent e = detail.collect(System.currentTimeMillis(), usedBytes, episode, layout);
        if (e != null) {
            sink.write(e, true);
        }
    }

    /**
     * After a HIGH (or CRITICAL) block was written: readies what a CRITICAL block will need, then runs the
     * relief actions, when configured.
     */
    void afterHigh(Sink sink, Relief.NoticeSink notices) {
        detail.prepare();
        if (!relief.enabled()) {
            return;
        }
        for (LogEvent e : relief.act(layout, notices)) {
            sink.write(e, true);
        }
    }
}
