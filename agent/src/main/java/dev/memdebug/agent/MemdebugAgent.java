package dev.memdebug.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. They do as little as possible and never throw: an exception out of
 * {@code premain} would stop the application before its {@code main}, which is the one thing a
 * memory black box must never cause.
 */
public final class MemdebugAgent {

    private MemdebugAgent() {
    }

    /** Called by the JVM for {@code -javaagent:memdebug-agent.jar[=args]}, before the app's {@code main}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /** Called when the agent is attached to a running JVM; classes already loaded are retransformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            AgentRuntime.start(arguments, instrumentation, attached);
        } catch (Throwable t) {
            try {
                System.err.println("[memdebug] ❌ the agent could not start and is disabled; the application runs on unaffected: " + t);
            } catch (Throwable ignored) {
                // Nothing left to report to; the app must still start.
            }
        }
    }
}
