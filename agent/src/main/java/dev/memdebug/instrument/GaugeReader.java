package dev.memdebug.instrument;

import java.lang.ref.WeakReference;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads gauges for snapshots, on a separate daemon thread with a time-out, so a gauge whose method
 * blocks or spins (a {@code size()} behind a busy lock) costs the monitor at most the time-out and is
 * skipped until its stuck call returns. Each gauge's first failure and first time-out are reported once,
 * so a gauge that is always slow cannot fill the log. Values: a {@link Number}, a collection's or map's size, an
 * array's length, a boolean as 0/1.
 *
 * <p>Thread-safety: {@link #read} on the monitor thread only; {@link #constructed} and
 * {@link #classLoaded} from any thread.
 */
final class GaugeReader {

    static final long UNREADABLE = dev.memdebug.sample.MetricValue.UNREADABLE;
    /** Short, because a CRITICAL block waits for it while the process nears its kill. */
    private static final long TIMEOUT_MILLIS = 50;

    private final GaugeSpec[] gauges;
    /** Where problems go; the hook runtime's notices, a concurrent queue. */
    private final java.util.Queue<String> problems;
    private final Class<?>[] types;
    private final java.util.Map<String, WeakReference<ClassLoader>> loaders = new java.util.concurrent.ConcurrentHashMap<>();
    @SuppressWarnings("unchecked")
    private final WeakReference<Object>[] instances;
    private final Future<?>[] pending;
    private final boolean[] reported;
    private final boolean[] timedOut;
    /** Created at the first read (monitor thread), so a run whose gauges are never read starts no thread. */
    private ExecutorService executor;

    @SuppressWarnings("unchecked")
    GaugeReader(GaugeSpec[] gauges, java.util.Queue<String> problems) {
        this.gauges = gauges;
        this.problems = problems;
        this.types = new Class<?>[gauges.length];
        this.instances = new WeakReference[gauges.length];
        this.pending = new Future<?>[gauges.length];
        this.reported = new boolean[gauges.length];
        this.timedOut = new boolean[gauges.length];
    }

    void constructed(int gaugeId, Object instance) {
        if (gaugeId >= 0 && gaugeId < gauges.length) {
            instances[gaugeId] = new WeakReference<>(instance);
            types[gaugeId] = instance.getClass();
        }
    }

    /** Remembers a loaded class that some gauge names, for static members. */
    void classLoaded(Class<?> type) {
        for (int i = 0; i < gauges.length; i++) {
            if (types[i] == null && gauges[i].typeName().equals(type.getName())) {
                types[i] = type;
            }
        }
    }

    /**
     * Remembers the loader of a class some gauge names, seen while it was being defined; the class is
     * resolved later, on the gauge thread (resolving it during its own definition would define it twice).
     */
    void classSeen(String name, ClassLoader loader) {
        loaders.put(name, new WeakReference<>(loader));
    }

    boolean wantsClass(String name) {
        for (GaugeSpec g : gauges) {
            if (g.typeName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    long read(int gaugeId) {
        Future<?> previous = pending[gaugeId];
        if (previous != null && !previous.isDone()) {
            return UNREADABLE;
        }
        Future<Long> f;
        try {
            if (executor == null) {
                executor = Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "memdebug-gauge");
                    t.setDaemon(true);
                    return t;
                });
            }
            f = executor.submit(() -> readNow(gaugeId));
        } catch (RuntimeException e) {
            return UNREADABLE;
        }
        pending[gaugeId] = f;
        try {
            return f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!timedOut[gaugeId]) {
                timedOut[gaugeId] = true;
                problems.add("gauge '" + gauges[gaugeId].name() + "' did not answer within " + TIMEOUT_MILLIS
                        + " ms; it shows '?' whenever it is that slow (reported once)");
            }
            return UNREADABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREADABLE;
        } catch (Exception e) {
            return UNREADABLE;
        }
    }

    private long readNow(int id) {
        GaugeSpec g = gauges[id];
        Class<?> type = types[id];
        if (type == null) {
            WeakReference<ClassLoader> loader = loaders.get(g.typeName());
            if (loader != null) {
                try {
                    type = Class.forName(g.typeName(), false, loader.get());
                    types[id] = type;
                } catch (ClassNotFoundException | LinkageError e) {
                    return UNREADABLE;
                }
            }
        }
        if (type == null) {
            return UNREADABLE;
        }
        try {
            AccessibleObject first = ValuePath.find(type, g.path()[0]);
            Object target = null;
            boolean isStatic = first instanceof Method m ? Modifier.isStatic(m.getModifiers())
                    : first instanceof Field f && Modifier.isStatic(f.getModifiers());
            if (!isStatic) {
                WeakReference<Object> ref = instances[id];
                target = ref == null ? null : ref.get();
                if (target == null) {
                    reportOnce(id, "gauge '" + g.name() + "': " + g.typeName() + "#" + g.path()[0]
                            + " is an instance member and no instance has been constructed since the agent started");
                    return UNREADABLE;
                }
            }
            Object value;
            if (first instanceof Method m) {
                value = m.invoke(target);
            } else if (first instanceof Field f) {
                value = f.get(target);
            } else {
                reportOnce(id, "gauge '" + g.name() + "': " + g.typeName() + " has no no-argument method or field '" + g.path()[0] + "'");
                return UNREADABLE;
            }
            value = ValuePath.follow(value, java.util.Arrays.copyOfRange(g.path(), 1, g.path().length));
            return toLong(value);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null ? t.getCause() : t;
            reportOnce(id, "gauge '" + g.name() + "' failed: " + cause);
            return UNREADABLE;
        }
    }

    private void reportOnce(int id, String message) {
        if (!reported[id]) {
            reported[id] = true;
            problems.add(message);
        }
    }

    private static long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value != null && value.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(value);
        }
        return UNREADABLE;
    }
}
