package dev.memdebug.bootstrap;

/**
 * The one class the woven hook code links against. The agent puts it on the bootstrap class path, so
 * code of every class loader (an app's, a servlet container's, an isolated plugin loader's, the JDK's)
 * resolves the same class, and then installs its {@link HookDispatcher}.
 *
 * <p>Thread-safety: any thread. Each call is one volatile read and a call; before the dispatcher is
 * installed calls do nothing. Nothing here throws or allocates. The woven code wraps every call in a
 * catch-all all the same (see {@code HookMethodWeaver}), so a dispatcher that broke its contract, or a
 * class that cannot link this bridge, still cannot fail the app.
 */
public final class HookBridge {

    private static volatile HookDispatcher dispatcher;

    private HookBridge() {
    }

    /** Installs the dispatcher. Called once by the agent, before it installs the transformer. */
    public static void install(HookDispatcher d) {
        dispatcher = d;
    }

    public static long enter(int hookId) {
        HookDispatcher d = dispatcher;
        return d == null ? 0L : d.enter(hookId);
    }

    public static void exit(int hookId, long start, Throwable thrown) {
        HookDispatcher d = dispatcher;
        if (d != null) {
            d.exit(hookId, start, thrown);
        }
    }

    public static long enter(int hookId, Object[] arguments) {
        HookDispatcher d = dispatcher;
        return d == null ? 0L : d.enter(hookId, arguments);
    }

    public static void exit(int hookId, long start, Object[] arguments, Object returned, Throwable thrown) {
        HookDispatcher d = dispatcher;
        if (d != null) {
            d.exit(hookId, start, arguments, returned, thrown);
        }
    }

    public static void constructed(int gaugeId, Object instance) {
        HookDispatcher d = dispatcher;
        if (d != null) {
            d.constructed(gaugeId, instance);
        }
    }
}
