package dev.memdebug.monitor;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.memdebug.log.Mb;
import dev.memdebug.ops.Operation;
import dev.memdebug.ops.RecentOperations;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Listens to the JVM's garbage-collection notifications: each collection becomes an operation in the
 * recent list ({@code Garbage Collection - 416.8 MB - G1 Old Generation freed 15.3 MB}) and wakes the
 * monitor, because a collection is when memory figures change the most. Each collection also teaches the
 * {@link PromotionForecast} how much of the young generation survives.
 *
 * <p>Thread-safety: notifications arrive on the JVM's service thread; the listener only touches the
 * synchronized {@link RecentOperations} and {@link MemoryMonitor#wake()}.
 */
public final class GcListener implements NotificationListener {

    private final RecentOperations recent;
    private final MemoryMonitor monitor;
    private final PromotionForecast forecast;

    private GcListener(RecentOperations recent, MemoryMonitor monitor, PromotionForecast forecast) {
        this.recent = recent;
        this.monitor = monitor;
        this.forecast = forecast;
    }

    /** Registers one listener on every collector that emits notifications; each collection also teaches {@code forecast}. */
    public static void register(RecentOperations recent, MemoryMonitor monitor, PromotionForecast forecast) {
        GcListener listener = new GcListener(recent, monitor, forecast);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long before = used(info.getGcInfo().getMemoryUsageBeforeGc());
            long after = used(info.getGcInfo().getMemoryUsageAfterGc());
            String context = info.getGcName() + " (" + info.getGcCause() + ", " + info.getGcInfo().getDuration()
                    + " ms) freed " + Mb.of(Math.max(0, before - after)) + ", heap now " + Mb.of(after);
            boolean minor = info.getGcAction().contains("minor");
            forecast.collected(minor, info.getGcInfo().getMemoryUsageBeforeGc(), info.getGcInfo().getMemoryUsageAfterGc());
            if (!minor) {
                recent.add(new Operation(System.currentTimeMillis(), "Garbage Collection", monitor.latestUsedBytes(), context));
            }
            monitor.wake();
        } catch (Throwable ignored) {
            // A malformed notification must not disturb the JVM's service thread; the next one may be fine.
        }
    }

    private static long used(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (MemoryUsage usage : pools.values()) {
            sum += usage.getUsed();
        }
        return sum;
    }
}
