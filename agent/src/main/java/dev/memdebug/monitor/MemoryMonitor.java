package dev.memdebug.monitor;

import dev.memdebug.alert.AlertSender;
import dev.memdebug.log.LogEvent;
import dev.memdebug.log.LogLayout;
import dev.memdebug.log.LogWriter;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.sample.MemorySnapshot;
import dev.memdebug.sample.SnapshotReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The agent's daemon thread: checks memory, drains the app's operations, and writes every event
 * (periodic snapshots, spikes, HIGH, CRITICAL, limits) itself, so the CRITICAL block goes from the
 * thread that detected it straight to the kernel with no queue in between.
 *
 * <p>With a {@link JvmDiagnosis} it also logs the garbage collections queued since the last check, the
 * class histogram and NMT summary after a CRITICAL block, and the relief actions after HIGH; all of it is
 * written after the alarm block it belongs to, so nothing slow delays that block.
 *
 * <p>Checks come every {@code check.interval} below HIGH and every {@code check.interval.high} above it,
 * and sooner when memory climbs fast: the next check is due before the current rate of climb could
 * reach CRITICAL, so a fast climb is still caught with room to write. The step the next young collection
 * may add ({@link PromotionForecast}) counts as part of the projection above HIGH, and at any level when
 * it would reach the limit; checks come at the HIGH pace while it would reach CRITICAL. While a CRITICAL episode
 * lasts, a check that finds new operations writes a one-line STILL CRITICAL record naming them (ten a
 * second on average, see {@link #TRAIL_MIN_GAP_MILLIS}, and {@link #TRAIL_BUDGET} per episode, within the
 * rate limit), and the hooks wake the monitor for each operation.
 *
 * <p>Thread-safety: {@link #wake()} and {@link #latestUsedBytes()} may be called from any thread;
 * everything else runs on the monitor thread, except {@link #writeShutdown}, which runs on the JVM's
 * shutdown hook thread and only touches the (synchronized) writer and volatile figures.
 */
public final class MemoryMonitor implements Runnable {

    private static final long MIN_CHECK_MILLIS = 10;
    /** Added to the projection horizon: the time a check and its write take. */
    private static final long PROJECTION_SLACK_MILLIS = 50;
    /** A burst (see {@link #tick}) that would reach CRITICAL within this long at its own pace is CRITICAL now. */
    static final long BURST_HORIZON_MILLIS = 200;
    private static final long ERROR_REPORT_INTERVAL_MILLIS = 60_000;
    /** Dropped operation records are reported at most this often: a flood of them is one line, not one per check. */
    private static final long DROP_REPORT_INTERVAL_MILLIS = 10_000;
    /**
     * STILL CRITICAL records per CRITICAL episode: one minute's allowance of the rate limit, so one
     * episode can use it all but a flood of episodes cannot write more.
     */
    static final int TRAIL_BUDGET = EventBudget.Kind.STILL_CRITICAL.perWindow();
    /** Operations listed in one STILL CRITICAL record. */
    private static final int TRAIL_OPERATIONS = 3;
    /**
     * STILL CRITICAL records are paced by a token bucket: one token per this many milliseconds, at most
     * {@link #TRAIL_BURST} saved up. A record goes out the moment its operation wakes the monitor as long
     * as a token is there (an app's operations every ~100 ms each get their line, immediately: the kill
     * may follow within a few hundred milliseconds); a flood gets ten lines a second, operations in between
     * counted into the next one.
     */
    static final long TRAIL_MIN_GAP_MILLIS = 100;
    static final int TRAIL_BURST = 5;

    private final SnapshotReader reader;
    private final LogWriter writer;
    private final LogLayout layout;
    private final RecentOperations recent;
    private final AppActivity app;
    private final AlarmState alarm;
    private final SpikeDetector spikes;
    private final PromotionForecast promotion;
    private final ClimbRate climb = new ClimbRate();
    private final EventBudget budget = new EventBudget();
    private final long checkMillis;
    private final long checkHighMillis;
    private final long snapshotMillis;
    private final int operationsShown;
    private final int stderrSnapshotEvery;
    private final String periodicContext;
    private final JvmDiagnosis jvm;
    private final JvmDiagnosis.Sink sink = this::write;
    /** Runs the JVM detail after HIGH and CRITICAL blocks off this thread (see {@link DetailWorker}). */
    private final DetailWorker detail = new DetailWorker(message -> this.listener.notice(message));
    private final long startMillis = System.currentTimeMillis();

    private volatile Thread thread;
    private volatile AlertSender alerts;
    /** The last CRITICAL episode whose block went to the alert sender. Monitor thread only. */
    private long alertedEpisodes;
    private volatile long latestUsed = -1;
    private volatile long peakUsed;
    private volatile boolean stopped;
    private volatile boolean criticalEpisode;
    private long operationsSeen;
    private double trailTokens = TRAIL_BURST;
    private long trailRefilled = Long.MIN_VALUE;
    private int trailLeft = TRAIL_BUDGET;
    private long lastSampleMillis;
    private long lastSampleBytes = -1;
    private long nextSnapshotMillis;
    private long snapshotCount;
    private long lastErrorReport = Long.MIN_VALUE / 2;
    private long droppedReported;
    private long lastDropReport = Long.MIN_VALUE / 2;

    public MemoryMonitor(SnapshotReader reader, LogWriter writer, LogLayout layout, RecentOperations recent,
                         AppActivity app, AlarmState alarm, SpikeDetector spikes, PromotionForecast promotion, long checkMillis,
                         long checkHighMillis, long snapshotMillis, int operationsShown, int stderrSnapshotEvery,
                         JvmDiagnosis jvm) {
        this.jvm = jvm;
        this.reader = reader;
        this.writer = writer;
        this.layout = layout;
        this.recent = recent;
        this.app = app;
        this.alarm = alarm;
        this.spikes = spikes;
        this.promotion = promotion;
        this.checkMillis = checkMillis;
        this.checkHighMillis = checkHighMillis;
        this.snapshotMillis = snapshotMillis;
        this.operationsShown = operationsShown;
        this.stderrSnapshotEvery = stderrSnapshotEvery;
        this.periodicContext = "Auto-check every " + dev.memdebug.config.ValueParser.formatDuration(snapshotMillis);
    }

    /** Runs the loop on the calling thread until {@link #stop()}; the runtime gives it a daemon thread. */
    @Override
    public void run() {
        thread = Thread.currentThread();
        nextSnapshotMillis = System.currentTimeMillis();
        try {
            // The baseline every later block's growth line is measured against.
            reader.read(nextSnapshotMillis, reader.usedBytes());
        } catch (Throwable t) {
            reportError(t);
        }
        while (!stopped) {
            long started = System.nanoTime();
            long pause = checkMillis;
            try {
                pause = tick(System.currentTimeMillis());
            } catch (Throwable t) {
                reportError(t);
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pause));
            // Wakes (every hooked call while CRITICAL, collections, a full queue) can come far faster than
            // checks are worth: a flood must not turn this thread into a busy loop in a dying process.
            // Sleep, unlike park, is not cut short by the next wake.
            long rest = TimeUnit.MILLISECONDS.toNanos(MIN_CHECK_MILLIS) - (System.nanoTime() - started);
            if (rest > 0) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    // Nobody may stop this thread by interrupting it; a kept flag would make every park return at once.
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * Sends each CRITICAL episode's block to {@code sender} too, after it is in the log. Set once at
     * start-up, before {@link #run()}; {@code null} (the default) sends nothing.
     */
    public void setAlerts(AlertSender sender) {
        this.alerts = sender;
    }

    /** Asks for a check now (a limit crossed, a full queue, a GC). Any thread; never blocks. */
    public void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public void stop() {
        stopped = true;
        wake();
    }

    /**
     * Whether the app's hooks should wake the monitor for every operation: during a CRITICAL episode each
     * operation is written (a STILL CRITICAL record) as soon as the monitor sees it, so the last one
     * before a kill is in the log. Any thread; a volatile read.
     */
    public boolean wantsEveryOperation() {
        return criticalEpisode;
    }

    /** The last figure checked, for stamping operations; -1 before the first check. Any thread. */
    public long latestUsedBytes() {
        return latestUsed;
    }

    /**
     * One check: measure, drain, decide, write. Returns the pause before the next check. Monitor thread
     * only; visible for tests, which drive it with chosen times.
     */
    synchronized long tick(long now) {
        long used = reader.usedBytes();
        latestUsed = used;
        if (used > peakUsed) {
            peakUsed = used;
        }
        app.drain(recent, used, listener);
        if (jvm != null) {
            jvm.collections(used, recent);
        }
        // The next young collection's step counts too: a leak's growth reaches the container in steps as
        // large as the young generation, each too fast for any check, while the young generation refills
        // pages already counted and the figure stands still. The outlook (the figure plus that step) is
        // what memory will be after the next collection; for a leak it climbs at the leak's true rate, so
        // the climb rate and the time to the next check are taken from it. Above HIGH a step that would
        // reach CRITICAL is CRITICAL; at any level a step that would reach the limit is.
        long step = promotion.stepBytes();
        long outlook = used + step;
        double bytesPerMilli = climb.observe(now, outlook);
        long horizon = 2 * (alarm.aboveHigh() ? checkHighMillis : checkMillis) + PROJECTION_SLACK_MILLIS;
        long projected = Math.max(used + (long) (bytesPerMilli * horizon), outlook);
        boolean stepWouldKill = step > 0 && outlook >= reader.limit().bytes();
        // A burst: a spike (a rise of spike.threshold or more) just completed that is at least half as large
        // as the room left to CRITICAL, at a pace that covers that room within BURST_HORIZON_MILLIS (one
        // huge array being zeroed, a heap expanding at once). It is CRITICAL below HIGH too: the next check
        // may never run, because at the limit the kernel's reclaim stalls every thread of this JVM, and one
        // check earlier or later in such a burst decides between a block and none (the capture-rate
        // bench's single 100 MB allocation, BENCHMARKS.md). The size condition keeps a fast rise far below
        // the limit (checks woken by collections can come milliseconds apart) from being extrapolated.
        boolean spike = spikes.observe(now, used);
        long room = alarm.criticalBytes() - used;
        boolean burst = spike && spikes.lastRiseMillis() > 0 && spikes.lastRise() * 2 >= room
                && spikes.lastRise() * BURST_HORIZON_MILLIS / spikes.lastRiseMillis() >= room;
        AlarmState.Level level = alarm.observe(now, used, projected, stepWouldKill || burst);
        long added = recent.added();
        // Operations since the last record that named them (a block or a STILL CRITICAL line).
        long newOperations = added - operationsSeen;
        if (level == AlarmState.Level.CRITICAL) {
            if (budget.allow(EventBudget.Kind.CRITICAL, now, used)) {
                // The block the user needs most: a full heap gets the reserve claimed at start for it.
                long stepShown = used < alarm.criticalBytes() && used + step >= alarm.criticalBytes() ? step : 0;
                LogEvent[] block = new LogEvent[1];
                HeapReserve.withReserve(() -> {
                    block[0] = layout.critical(reader.read(now, used), recent.latest(), recent.last(operationsShown),
                            bytesPerMilli * 1000, stepShown);
                    write(block[0], true);
                });
                AlertSender a = alerts;
                // Once per episode: a lasting episode's repeated block is no news to the owner.
                if (a != null && block[0] != null && alarm.criticalEpisodes() > alertedEpisodes) {
                    alertedEpisodes = alarm.criticalEpisodes();
                    a.offer(block[0].text());
                }
            }
            if (jvm != null) {
                long episode = alarm.criticalEpisodes();
                detail.submit(() -> {
                    jvm.afterCritical(used, episode, sink);
                    jvm.afterHigh(sink, listener::notice);
                });
            }
        } else if (alarm.criticalEpisode() && newOperations > 0 && trailLeft > 0
                && trailTokens(now) >= 1
                && budget.allow(EventBudget.Kind.STILL_CRITICAL, now, used)) {
            trailTokens -= 1;
            operationsSeen = added;
            write(layout.criticalTrail(now, used, reader.limit().bytes(), newOperations,
                    recent.last((int) Math.min(newOperations, TRAIL_OPERATIONS))), true);
            if (--trailLeft == 0) {
                write(layout.notice(now, "ℹ️", "info", "further operations while CRITICAL are listed in the next CRITICAL block"), true);
            }
        } else if (level == AlarmState.Level.HIGH) {
            if (budget.allow(EventBudget.Kind.HIGH, now, used)) {
                MemorySnapshot s = reader.read(now, used);
                write(layout.high(s, recent.latest(), recent.last(operationsShown)), true);
            }
            if (jvm != null) {
                detail.submit(() -> jvm.afterHigh(sink, listener::notice));
            }
        } else if (spike) {
            if (budget.allow(EventBudget.Kind.SPIKE, now, used)) {
                MemorySnapshot s = reader.read(now, used);
                write(layout.spike(s, spikes.lastRise(), spikes.lastRiseMillis(), recent.latest(), recent.last(operationsShown)), true);
            }
        }
        String summary = budget.roll(now);
        if (summary != null) {
            write(layout.notice(now, "⚠️", "warn", summary), true);
        }
        if (snapshotMillis > 0 && now >= nextSnapshotMillis) {
            nextSnapshotMillis = now + snapshotMillis;
            MemorySnapshot s = reader.read(now, used);
            snapshotCount++;
            boolean mirror = stderrSnapshotEvery > 0 && (snapshotCount - 1) % stderrSnapshotEvery == 0;
            write(layout.periodic(s), mirror);
            recent.add(new Operation(now, "Periodic Check", used, periodicContext));
        }
        if (jvm != null) {
            jvm.afterCheck(now, used, alarm.aboveHigh(), sink);
        }
        if (level == AlarmState.Level.CRITICAL || !alarm.criticalEpisode()) {
            operationsSeen = added;
        }
        if (!alarm.criticalEpisode()) {
            trailLeft = TRAIL_BUDGET;
        }
        criticalEpisode = alarm.criticalEpisode();
        reportDrops(now);
        HeapReserve.claim();
        return nextPause(now, outlook);
    }

    /** Refills the STILL CRITICAL token bucket up to {@code now} and returns what it holds. Monitor thread only. */
    private double trailTokens(long now) {
        if (trailRefilled != Long.MIN_VALUE && now > trailRefilled) {
            trailTokens = Math.min(TRAIL_BURST, trailTokens + (now - trailRefilled) / (double) TRAIL_MIN_GAP_MILLIS);
        }
        trailRefilled = now;
        return trailTokens;
    }

    /** The pause before the next check: shorter while the outlook climbs toward CRITICAL, or is there. */
    private long nextPause(long now, long used) {
        long base = alarm.aboveHigh() || used >= alarm.criticalBytes() ? checkHighMillis : checkMillis;
        long pause = base;
        if (lastSampleBytes >= 0 && now > lastSampleMillis && used > lastSampleBytes && used < alarm.criticalBytes()) {
            double bytesPerMilli = (used - lastSampleBytes) / (double) (now - lastSampleMillis);
            long toCritical = (long) ((alarm.criticalBytes() - used) / bytesPerMilli);
            pause = Math.min(base, Math.max(MIN_CHECK_MILLIS, toCritical / 3));
        }
        lastSampleMillis = now;
        lastSampleBytes = used;
        return Math.max(MIN_CHECK_MILLIS, pause);
    }

    private final AppActivity.LimitListener listener = new AppActivity.LimitListener() {
        @Override
        public void exceeded(long timeMillis, String label, long value, long limit, Operation cause) {
            write(layout.limitExceeded(timeMillis, latestUsed, label, value, limit, cause), true);
        }

        @Override
        public void notice(String message) {
            write(layout.notice(System.currentTimeMillis(), "⚠️", "warn", message), true);
        }
    };

    private void reportDrops(long now) {
        long dropped = app.dropped();
        if (dropped > droppedReported && now - lastDropReport >= DROP_REPORT_INTERVAL_MILLIS) {
            lastDropReport = now;
            write(layout.notice(now, "⚠️", "warn", (dropped - droppedReported)
                    + " operation records dropped because the operation queue was full (operations.capacity); counters stay exact"), true);
            droppedReported = dropped;
        }
    }

    /**
     * Writes the final snapshot (with every operation still queued drained first) and the clean-shutdown
     * line. Called once, from the JVM's shutdown hook; synchronized with {@link #tick} so the queue keeps a
     * single consumer.
     */
    public synchronized void writeShutdown() {
        stop();
        long now = System.currentTimeMillis();
        long used = reader.usedBytes();
        app.drainFinal(recent, used, listener);
        String summary = budget.flush(now);
        if (summary != null) {
            write(layout.notice(now, "⚠️", "warn", summary), true);
        }
        // Mirrored too: on a platform that resets the disk, the stream is the only place that tells a
        // clean exit from a crash.
        write(layout.finalSnapshot(reader.read(now, used)), true);
        write(layout.cleanShutdown(now, now - startMillis, Math.max(peakUsed, used), reader.limit().bytes(), used,
                app.recorded(), app.dropped()), true);
    }

    private void write(LogEvent event, boolean mirror) {
        writer.write(event.text(), event.json(), mirror);
    }

    private void reportError(Throwable t) {
        long now = System.currentTimeMillis();
        if (now - lastErrorReport < ERROR_REPORT_INTERVAL_MILLIS) {
            return;
        }
        lastErrorReport = now;
        try {
            write(layout.notice(now, "❌", "error", "AGENT ERROR in the memory check (the app is unaffected; the agent goes on): " + t), true);
        } catch (Throwable ignored) {
            // Out of memory while reporting: the next tick tries again.
        }
    }

    /** For tests and the runtime: the operations shown in blocks. */
    List<Operation> recentOperations() {
        return recent.last(operationsShown);
    }
}
