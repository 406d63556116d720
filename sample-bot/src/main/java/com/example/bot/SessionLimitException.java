package com.example.bot;

/** Thrown when a session would take the bot over its session limit. */
public final class SessionLimitException extends RuntimeException {

    public SessionLimitException(int limit) {
        super("session limit of " + limit + " reached");
    }
}
