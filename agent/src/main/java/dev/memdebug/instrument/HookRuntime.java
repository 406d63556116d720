package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookDispatcher;
import dev.memdebug.monitor.AppActivity;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.OperationJournal;
import dev.memdebug.ops.OperationQueue;
import dev.memdebug.ops.OperationRecord;
import dev.memdebug.ops.RecentOperations;
import dev.memdebug.sample.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The hooks at run time: what the woven code calls on the app's threads, and what the monitor drains.
 *
 * <p>App side ({@link HookDispatcher} methods): reads the clock, applies counter changes with atomic
 * adds, renders the context if the hook has one, and publishes a record into the
 * {@link OperationQueue}. No locks, no I/O, never throws. A hook with counters and labels but no
 * context allocates nothing. A counter that crosses its limit publishes a limit record and wakes the
 * monitor, so {@code LIMIT EXCEEDED} is written at once; at most one such record per counter per
 * {@link #LIMIT_INTERVAL_MILLIS}, the other crossings are only counted and the monitor writes one summary
 * line for them, so a counter that flips across its limit a million times a second cannot flood the log.
 * With an {@link OperationJournal}, each logged operation is also stored into it on the calling thread
 * (no system call), so the last calls before a kill are on record even if the monitor never ran again.
 *
 * <p>Monitor side ({@link AppActivity} methods): monitor thread only.
 */
public final class HookRuntime extends HookDispatcher implements AppActivity {

    private static final ThreadLocal<int[]> RENDERING = new IntCell();
    /** One LIMIT EXCEEDED line per counter per this; the crossings in between are summarised. */
    static final long LIMIT_INTERVAL_MILLIS = 10_000;
    /**
     * The monitor compiles the redaction patterns this long after start, so that no app thread pays for it
     * at its first value that looks like a secret, and not sooner: at start the app is busy with its own
     * start-up, on the same cores.
     */
    static final long PRECOMPILE_AFTER_MILLIS = 10_000;

    private final HookSpec[] hooks;
    private final AtomicLongArray counters;
    private final long[] counterLimits;
    /** Whether any counter has a limit; without one, calls skip the per-thread pending-limit lookup. */
    private final boolean anyCounterLimit;
    private final int[] counterMetric;
    private final List<MetricSpec> metrics;
    private final OperationQueue queue;
    /** Attached by the monitor thread once it has opened the file; until then calls go to the log only. */
    private volatile OperationJournal journal;
    /** Per hook, the UTF-8 labels of its enter, return and fail records, for the journal. */
    private final byte[][][] journalLabels;
    private final GaugeReader gauges;
    private final Queue<String> notices = new ConcurrentLinkedQueue<>();
    private final ContextTemplate.Values counterValues;
    private final Operation[] lastByHook;
    private final boolean[] gaugeOverLimit;
    private volatile LongSupplier memory = Unbound.INSTANCE;
    private volatile Runnable wake = Unbound.INSTANCE;
    private volatile java.util.function.BooleanSupplier wakeForEach = Unbound.INSTANCE;
    private long lastGaugeCheck;
    private final long createdMillis = System.currentTimeMillis();
    /**
     * Whether the redaction patterns need no compiling by the monitor (see {@link #PRECOMPILE_AFTER_MILLIS}):
     * compiled already, or no hook's context masks anything.
     */
    private boolean patternsReady;
    /** Set by the monitor thread, read by it only. */
    private HookInstaller unmatchedReporter;
    private long unmatchedReportAt = Long.MAX_VALUE;
    private long recorded;
    private final AtomicLongArray lastLimitPublished;
    private final AtomicLongArray limitSkipped;
    private final long[] limitSummarised;
    private final long[] lastLimitSummary;

    public HookRuntime(HookPlan plan, int queueCapacity) {
        this.hooks = plan.hooks().toArray(new HookSpec[0]);
        this.counters = new AtomicLongArray(plan.counters().size());
        this.counterLimits = new long[plan.counters().size()];
        this.counterMetric = new int[plan.counters().size()];
        java.util.Arrays.fill(counterLimits, -1);
        java.util.Arrays.fill(counterMetric, -1);
        this.metrics = plan.metrics();
        boolean limited = false;
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec m = metrics.get(i);
            if (!m.gauge()) {
                counterLimits[m.index()] = m.limit();
                counterMetric[m.index()] = i;
                limited |= m.limit() >= 0;
            }
        }
        this.anyCounterLimit = limited;
        this.queue = new OperationQueue(queueCapacity);
        this.gauges = new GaugeReader(plan.gauges().toArray(new GaugeSpec[0]), notices);
        this.counterValues = new CounterValues(counters);
        this.lastByHook = new Operation[hooks.length];
        this.gaugeOverLimit = new boolean[metrics.size()];
        int counterCount = plan.counters().size();
        this.lastLimitPublished = new AtomicLongArray(counterCount);
        for (int i = 0; i < counterCount; i++) {
            lastLimitPublished.set(i, Long.MIN_VALUE / 2);
        }
        this.limitSkipped = new AtomicLongArray(counterCount);
        this.limitSummarised = new long[counterCount];
        this.lastLimitSummary = new long[counterCount];
        this.journalLabels = new byte[hooks.length][][];
        boolean redacting = false;
        for (HookSpec h : hooks) {
            journalLabels[h.id()] = new byte[][] {utf8(h.logEnter()), utf8(h.logReturn()), utf8(h.logFail())};
            redacting |= h.context() != null && h.context().redacts();
        }
        this.patternsReady = !redacting;
    }

    private static byte[] utf8(String label) {
        return label == null ? null : label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Connects the monitor: where operations get their memory figure and who to wake. */
    public void bind(LongSupplier memoryFigure, Runnable wakeMonitor) {
        bind(memoryFigure, wakeMonitor, () -> false);
    }

    /**
     * Like {@link #bind(LongSupplier, Runnable)}; while {@code wakeForEachOperation} says so (the monitor in
     * a CRITICAL episode), every published operation wakes the monitor, not only a filling queue.
     */
    public void bind(LongSupplier memoryFigure, Runnable wakeMonitor, java.util.function.BooleanSupplier wakeForEachOperation) {
        this.memory = memoryFigure;
        this.wake = wakeMonitor;
        this.wakeForEach = wakeForEachOperation;
    }

    /**
     * Has {@link #drain} list the hooks that matched nothing (and suggestions), once, {@code afterMillis}
     * after start; on the monitor thread, which drains every check anyway, instead of a thread of its own.
     * Monitor thread.
     */
    public void reportUnmatchedAfter(HookInstaller installer, long afterMillis) {
        this.unmatchedReporter = installer;
        this.unmatchedReportAt = createdMillis + afterMillis;
    }

    /** Where the app's threads also store each operation at the call from now on. Any thread, once. */
    public void attachJournal(OperationJournal journal) {
        this.journal = journal;
    }

    GaugeReader gauges() {
        return gauges;
    }

    /** For problems found by the installer after start (hooks that matched nothing). Any thread. */
    public void notice(String message) {
        notices.add(message);
        wake.run();
    }

    // ---- app threads -------------------------------------------------------------------------

    @Override
    public long enter(int hookId) {
        return enter(hookId, null);
    }

    @Override
    public void exit(int hookId, long start, Throwable thrown) {
        exit(hookId, start, null, null, thrown);
    }

    @Override
    public long enter(int hookId, Object[] arguments) {
        HookSpec h = hooks[hookId];
        // The clock is read only for a call whose exit is logged (its duration); a counter-only hook reads none.
        long start = h.logsExit() ? System.nanoTime() : 0L;
        change(h, CounterChange.Phase.ENTER);
        if (h.logEnter() != null) {
            publish(h, OperationRecord.ENTER, 0, context(h, arguments, ValuePath.UNREADABLE, null, 0));
        }
        flushLimits(h);
        return start;
    }

    @Override
    public void exit(int hookId, long start, Object[] arguments, Object returned, Throwable thrown) {
        HookSpec h = hooks[hookId];
        change(h, CounterChange.Phase.EXIT);
        change(h, thrown == null ? CounterChange.Phase.RETURN : CounterChange.Phase.FAIL);
        String label = thrown == null ? h.logReturn() : h.logFail();
        if (label != null) {
            long duration = System.nanoTime() - start;
            publish(h, thrown == null ? OperationRecord.EXIT : OperationRecord.FAIL, duration,
                    context(h, arguments, returned, thrown, duration));
        }
        flushLimits(h);
    }

    @Override
    public void constructed(int gaugeId, Object instance) {
        gauges.constructed(gaugeId, instance);
    }

    private void change(HookSpec h, CounterChange.Phase phase) {
        List<CounterChange> changes = h.changes();
        for (int i = 0; i < changes.size(); i++) {
            CounterChange c = changes.get(i);
            if (c.phase() != phase) {
                continue;
            }
            int id = h.counterIds()[i];
            long value = counters.addAndGet(id, c.delta());
            long limit = counterLimits[id];
            if (limit >= 0 && value > limit && value - c.delta() <= limit) {
                long now = System.currentTimeMillis();
                long last = lastLimitPublished.get(id);
                if (now - last >= LIMIT_INTERVAL_MILLIS && lastLimitPublished.compareAndSet(id, last, now)) {
                    pendingLimit.get()[0] = id + 1;
                    pendingValue.get()[0] = value;
                } else {
                    limitSkipped.incrementAndGet(id);
                }
            }
        }
    }

    private final ThreadLocal<int[]> pendingLimit = new IntCell();
    private final ThreadLocal<long[]> pendingValue = new LongCell();

    /** Publishes a limit crossed by this call after the call's own operation, so the monitor can name it as the cause. */
    private void flushLimits(HookSpec h) {
        if (!anyCounterLimit) {
            return;
        }
        int[] pending = pendingLimit.get();
        if (pending[0] == 0) {
            return;
        }
        int counter = pending[0] - 1;
        pending[0] = 0;
        queue.publish(h.id(), OperationRecord.LIMIT, counterMetric[counter], System.currentTimeMillis(),
                memory.getAsLong(), 0, pendingValue.get()[0], null, null);
        wake.run();
    }

    private void publish(HookSpec h, byte phase, long duration, String context) {
        long now = System.currentTimeMillis();
        long figure = memory.getAsLong();
        OperationJournal j = journal;
        if (j != null) {
            j.record(now, journalLabels[h.id()][phase], figure, context);
        }
        queue.publish(h.id(), phase, -1, now, figure, duration, 0, context, Thread.currentThread().getName());
        if (queue.needsDrain() || wakeForEach.getAsBoolean()) {
            wake.run();
        }
    }

    private String context(HookSpec h, Object[] arguments, Object returned, Throwable thrown, long duration) {
        ContextTemplate t = h.context();
        if (t == null) {
            return null;
        }
        int[] depth = RENDERING.get();
        if (depth[0] > 0) {
            return null;
        }
        depth[0]++;
        try {
            return t.render(arguments, returned, thrown, duration, counterValues);
        } catch (Throwable e) {
            return "<context failed: " + e.getClass().getSimpleName() + ">";
        } finally {
            depth[0]--;
        }
    }

    // ---- monitor thread ----------------------------------------------------------------------

    @Override
    public void drain(RecentOperations recent, long usedBytes, LimitListener listener) {
        long now = System.currentTimeMillis();
        if (!patternsReady && now - createdMillis >= PRECOMPILE_AFTER_MILLIS) {
            patternsReady = true;
            Redactor.precompile();
        }
        if (now >= unmatchedReportAt) {
            unmatchedReportAt = Long.MAX_VALUE;
            try {
                notices.addAll(unmatchedReporter.report());
            } catch (Throwable t) {
                notices.add("could not check which hooks matched: " + t);
            }
        }
        String notice;
        while ((notice = notices.poll()) != null) {
            listener.notice(notice);
        }
        queue.drain(r -> {
            HookSpec h = hooks[r.hookId()];
            if (r.phase() == OperationRecord.LIMIT) {
                MetricSpec m = metrics.get(r.metric());
                listener.exceeded(r.timeMillis(), m.label(), r.value(), m.limit(), lastByHook[h.id()]);
                return;
            }
            String label = switch (r.phase()) {
                case OperationRecord.ENTER -> h.logEnter();
                case OperationRecord.EXIT -> h.logReturn();
                default -> h.logFail();
            };
            long memory = r.memoryBytes() >= 0 ? r.memoryBytes() : usedBytes;
            Operation op = new Operation(r.timeMillis(), label, memory, r.context() == null ? "" : r.context());
            recent.add(op);
            lastByHook[h.id()] = op;
            recorded++;
        });
        checkGaugeLimits(listener);
        summariseLimits(listener, false);
    }

    @Override
    public void drainFinal(RecentOperations recent, long usedBytes, LimitListener listener) {
        drain(recent, usedBytes, listener);
        summariseLimits(listener, true);
    }

    /** {@code all}: whatever the interval, as at shutdown. */
    private void summariseLimits(LimitListener listener, boolean all) {
        long now = System.currentTimeMillis();
        for (int id = 0; id < limitSummarised.length; id++) {
            long skipped = limitSkipped.get(id) - limitSummarised[id];
            if (skipped > 0 && (all || now - lastLimitSummary[id] >= LIMIT_INTERVAL_MILLIS) && counterMetric[id] >= 0) {
                MetricSpec m = metrics.get(counterMetric[id]);
                listener.notice("RATE LIMIT: " + m.label() + " went over its limit of " + m.limit() + " another "
                        + skipped + " time(s) since the last line about it, summarised here (one line per counter every "
                        + LIMIT_INTERVAL_MILLIS / 1000 + " s)");
                limitSummarised[id] += skipped;
                lastLimitSummary[id] = now;
            }
        }
    }

    private void checkGaugeLimits(LimitListener listener) {
        long now = System.currentTimeMillis();
        if (now - lastGaugeCheck < 1000) {
            return;
        }
        lastGaugeCheck = now;
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec m = metrics.get(i);
            if (!m.gauge() || m.limit() < 0) {
                continue;
            }
            long value = gauges.read(m.index());
            if (value == GaugeReader.UNREADABLE) {
                continue;
            }
            boolean over = value > m.limit();
            if (over && !gaugeOverLimit[i]) {
                listener.exceeded(now, m.label(), value, m.limit(), null);
            }
            gaugeOverLimit[i] = over;
        }
    }

    @Override
    public List<MetricValue> metrics() {
        List<MetricValue> out = new ArrayList<>(metrics.size());
        for (MetricSpec m : metrics) {
            long value = m.gauge() ? gauges.read(m.index()) : counters.get(m.index());
            out.add(new MetricValue(m.name(), m.label(), value, m.unit(), m.limit()));
        }
        return out;
    }

    @Override
    public long dropped() {
        return queue.dropped();
    }

    @Override
    public long recorded() {
        return recorded;
    }

    /** A counter's value; for tests and benchmarks. */
    public long counter(String name, HookPlan plan) {
        return counters.get(plan.counters().indexOf(name));
    }

    // Named classes rather than lambdas for what the constructor creates: it runs in premain, where the
    // first lambda of a class costs its linkage (measured: ~2 ms for this class's eight).

    /** A thread's own one-element array. */
    private static final class IntCell extends ThreadLocal<int[]> {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    }

    /** A thread's own one-element array. */
    private static final class LongCell extends ThreadLocal<long[]> {
        @Override
        protected long[] initialValue() {
            return new long[1];
        }
    }

    /** Until the monitor binds: no memory figure, no one to wake. */
    private static final class Unbound implements LongSupplier, Runnable, java.util.function.BooleanSupplier {
        static final Unbound INSTANCE = new Unbound();

        @Override
        public long getAsLong() {
            return -1;
        }

        @Override
        public void run() {
        }

        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    /** The counters as a template reads them. */
    private static final class CounterValues implements ContextTemplate.Values {
        private final AtomicLongArray counters;

        CounterValues(AtomicLongArray counters) {
            this.counters = counters;
        }

        @Override
        public long counter(int id) {
            return counters.get(id);
        }
    }
}
