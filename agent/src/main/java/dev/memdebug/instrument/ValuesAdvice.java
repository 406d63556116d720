package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice for hooks whose context reads arguments or the return value. Byte Buddy boxes the arguments
 * into an array for each call, the one allocation a context template costs beyond its text. Every
 * throwable is suppressed.
 */
public final class ValuesAdvice {

    private ValuesAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@HookId int hookId, @Advice.AllArguments Object[] arguments) {
        return HookBridge.enter(hookId, arguments);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@HookId int hookId, @Advice.Enter long start, @Advice.AllArguments Object[] arguments,
                            @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
                            @Advice.Thrown Throwable thrown) {
        HookBridge.exit(hookId, start, arguments, returned, thrown);
    }
}
