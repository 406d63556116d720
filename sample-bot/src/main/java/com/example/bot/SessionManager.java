package com.example.bot;

import java.util.HashMap;
import java.util.Map;

/**
 * The open sessions, at most one per user and at most {@link BotSettings#maxSessions()} in all, unless
 * {@link FailurePattern#NO_SESSION_LIMIT} is on (the guide's first crash cause: sessions pile up).
 * Thread-safe.
 */
public final class SessionManager {

    private final int maxSessions;
    private final boolean unlimited;
    private final int sessionMb;
    private final Map<Long, Session> sessions = new HashMap<>();

    public SessionManager(BotSettings settings) {
        this.maxSessions = settings.maxSessions();
        this.unlimited = settings.has(FailurePattern.NO_SESSION_LIMIT);
        this.sessionMb = settings.sessionMb();
    }

    /**
     * Opens a session for the user, or returns the one the user already has.
     *
     * @throws SessionLimitException if the user has none and the limit is reached
     * @throws OutOfMemoryError      if the heap has no room for the session's working set
     */
    public synchronized Session createSession(long userId) {
        Session existing = sessions.get(userId);
        if (existing != null) {
            return existing;
        }
        if (!unlimited && sessions.size() >= maxSessions) {
            throw new SessionLimitException(maxSessions);
        }
        Session session = new Session(userId, sessionMb);
        sessions.put(userId, session);
        return session;
    }

    /** Closes the user's session; {@code false} if the user had none. */
    public synchronized boolean closeSession(long userId) {
        return sessions.remove(userId) != null;
    }

    public synchronized boolean hasSession(long userId) {
        return sessions.containsKey(userId);
    }

    public synchronized int activeCount() {
        return sessions.size();
    }
}
