package dev.memdebug.bootstrap;

/**
 * What the woven hook code calls through {@link HookBridge}. Implemented by the agent; lives beside the
 * bridge so that classes of any loader, the JDK's included, can link against it.
 *
 * <p>Contract for implementations: every method is called on the app's threads, concurrently, and must
 * never block, never throw, and allocate nothing unless the hook renders a context.
 */
public abstract class HookDispatcher {

    /** A hooked method was entered; returns the start time to hand back to {@link #exit}. */
    public abstract long enter(int hookId);

    /** A hooked method ended; {@code thrown} is {@code null} for a normal return. */
    public abstract void exit(int hookId, long start, Throwable thrown);

    /** Like {@link #enter(int)}, for hooks whose context reads the arguments. */
    public abstract long enter(int hookId, Object[] arguments);

    /** Like {@link #exit(int, long, Throwable)}, for hooks whose context reads arguments or the return value. */
    public abstract void exit(int hookId, long start, Object[] arguments, Object returned, Throwable thrown);

    /** An instance of a gauge's class was constructed; the gauge reads the latest one. */
    public abstract void constructed(int gaugeId, Object instance);
}
