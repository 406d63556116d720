package dev.memdebug.bench;

import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The methods {@link HookedCallBenchmark} calls; {@code benchmarks/hooks.properties} hooks each one when
 * the benchmark runs with the agent. The bodies are identical and never inlined into the caller, so a
 * hooked call and an unhooked call differ only by the advice the agent weaves in.
 */
public final class HookTargets {

    private long state = 17;

    /** Hooked with a counter only. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long counted(long user) {
        return work(user);
    }

    /** Hooked with a counter and a label: one operation record per call, no context. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long labelled(long user) {
        return work(user);
    }

    /** Hooked with a context template that reads the argument and a counter. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public long described(long user) {
        return work(user);
    }

    private long work(long user) {
        state = state * 31 + user;
        return state;
    }
}
