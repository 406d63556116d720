package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import net.bytebuddy.asm.Advice;

/** Advice on the constructors of a gauge's class: remembers the latest instance for the gauge to read. */
public final class InstanceAdvice {

    private InstanceAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@HookId int gaugeId, @Advice.This Object self) {
        HookBridge.constructed(gaugeId, self);
    }
}
