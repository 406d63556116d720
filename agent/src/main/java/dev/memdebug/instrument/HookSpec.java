package dev.memdebug.instrument;

import java.util.List;

/**
 * One configured hook, validated. Immutable.
 *
 * @param id         index into the runtime's tables; woven into the hooked methods as a constant
 * @param name       the name after {@code hook.}
 * @param target     the methods it watches
 * @param logEnter   the label logged on entry, or {@code null} for none
 * @param logReturn  the label logged on a normal return, or {@code null}
 * @param logFail    the label logged when the method throws, or {@code null}
 * @param context    the context template, or {@code null}
 * @param changes    the counter changes, with counter ids resolved by the plan
 * @param counterIds the counter id of each change, same order as {@code changes}
 * @param source     where the hook's {@code method} key was written, for messages
 */
public record HookSpec(int id, String name, MethodTarget target, String logEnter, String logReturn, String logFail,
                       ContextTemplate context, List<CounterChange> changes, int[] counterIds, String source) {

    /** Whether an exit (normal or by exception) is logged, which is when the call's duration is needed. */
    public boolean logsExit() {
        return logReturn != null || logFail != null;
    }

    /** Whether the woven code must pass arguments and the return value (a context needs them). */
    public boolean needsValues() {
        return context != null && (context.usesArguments() || context.usesReturn());
    }
}
