package com.example.bot;

import java.io.PrintStream;

/**
 * Where the bot reports what happens to it: one short line per important event, such as a session
 * opened or a download finished. Implementations must be thread-safe; the bot calls them from HTTP
 * and download threads.
 */
@FunctionalInterface
public interface EventLog {

    void log(String event);

    /** Prints each event as one line, {@code [source] event}, flushed at once. */
    static EventLog to(PrintStream out, String source) {
        String prefix = "[" + source + "] ";
        return event -> {
            out.println(prefix + event);
            out.flush();
        };
    }

    /** Drops every event. */
    static EventLog silent() {
        return event -> {
        };
    }
}
