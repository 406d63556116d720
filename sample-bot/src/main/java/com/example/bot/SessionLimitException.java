package com.example.bot;

/** Thrown by {@link SessionManager#createSession(long)} when the bot already has as many sessions as it allows. */
public final class SessionLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public SessionLimitException(int limit) {
        super("the limit of " + limit + " sessions is reached");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
