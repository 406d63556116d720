package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import net.bytebuddy.asm.Advice;

/**
 * Advice for hooks that need neither arguments nor the return value (counters, labels, contexts made of
 * counters). Inlined into the hooked method; allocates nothing; every throwable is suppressed, so the
 * app never sees the agent fail.
 */
public final class CounterAdvice {

    private CounterAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@HookId int hookId) {
        return HookBridge.enter(hookId);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@HookId int hookId, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        HookBridge.exit(hookId, start, thrown);
    }
}
