package dev.memdebug.monitor;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Receives the JVM's garbage-collection notifications and hands each, as a {@link GcEvent}, to the
 * monitor thread, which decides what to log and writes it. A full collection wakes the monitor at once (it
 * is logged at once, and memory figures change most then); a young one at most every 100 ms, so an
 * allocation-heavy app with dozens of young collections a second does not multiply the checks. Each
 * collection also teaches the {@link PromotionForecast} how much of the young generation survives.
 *
 * <p>Thread-safety: {@link #handleNotification} runs on the JVM's service thread, which also delivers
 * low-memory and compilation events: it must stay short and must never block or touch the log. It only
 * decodes the notification, offers the event to a bounded queue (a full queue drops the event and counts
 * it) and unparks the monitor. {@link #drain} is for the monitor thread only.
 */
public final class GcListener implements NotificationListener {

    /** Collections that may wait for the monitor; at 1 s checks even a young-GC storm stays below it. */
    static final int CAPACITY = 1024;

    /** The least time between two checks asked for by young collections. */
    private static final long YOUNG_WAKE_NANOS = 100_000_000L;

    /** Only the JVM's service thread, which delivers notifications one at a time, touches it. */
    private long lastYoungWake = System.nanoTime() - YOUNG_WAKE_NANOS;
    private final ArrayBlockingQueue<GcEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> heapPools;
    private final Runnable wake;
    private final PromotionForecast forecast;

    GcListener(Set<String> heapPools, Runnable wake, PromotionForecast forecast) {
        this.heapPools = heapPools;
        this.wake = wake;
        this.forecast = forecast;
    }

    /**
     * Registers one listener on every collector that emits notifications; {@code wake} asks the monitor for a
     * check, and each collection also teaches {@code forecast}.
     */
    public static GcListener register(Runnable wake, PromotionForecast forecast) {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        GcListener listener = new GcListener(heapPools, wake, forecast);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        return listener;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            forecast.collected(info.getGcAction().contains("minor"), info.getGcInfo().getMemoryUsageBeforeGc(),
                    info.getGcInfo().getMemoryUsageAfterGc());
            GcEvent event = toEvent(info, System.currentTimeMillis());
            if (!queue.offer(event)) {
                dropped.incrementAndGet();
            }
            // A young collection moves the figure by its promotion step: worth a check, but at most one per
            // YOUNG_WAKE_NANOS, so a young-GC storm does not multiply the checks.
            long now = System.nanoTime();
            if (event.old() || queue.size() >= CAPACITY / 2 || now - lastYoungWake >= YOUNG_WAKE_NANOS) {
                lastYoungWake = now;
                wake.run();
            }
        } catch (Throwable ignored) {
            // A malformed notification must not disturb the JVM's service thread; the next one may be fine.
        }
    }

    GcEvent toEvent(GarbageCollectionNotificationInfo info, long now) {
        GcInfo gc = info.getGcInfo();
        boolean old = info.getGcAction().contains("major");
        return new GcEvent(now, info.getGcName(), info.getGcCause(), old, gc.getDuration(),
                heapUsed(gc.getMemoryUsageBeforeGc()), heapUsed(gc.getMemoryUsageAfterGc()));
    }

    /** Passes every waiting event to {@code sink}, oldest first. Monitor thread only. */
    public void drain(java.util.function.Consumer<GcEvent> sink) {
        GcEvent e;
        while ((e = queue.poll()) != null) {
            sink.accept(e);
        }
    }

    /** Events lost to a full queue since start. Any thread. */
    public long dropped() {
        return dropped.get();
    }

    /** For tests: hands an event over exactly as a notification would. */
    void offer(GcEvent e) {
        if (!queue.offer(e)) {
            dropped.incrementAndGet();
        }
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.isEmpty() || heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }
}
