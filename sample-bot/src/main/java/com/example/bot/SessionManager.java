package com.example.bot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens and closes user sessions, at most {@code maxSessions} at a time unless the "no session limit"
 * failure pattern is on (the guide's first crash cause). Thread-safe.
 */
public final class SessionManager {

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final BotSettings settings;

    public SessionManager(BotSettings settings) {
        this.settings = settings;
    }

    /** Opens a session for the user, or returns the open one; throws {@link SessionLimitException} when full. */
    public synchronized Session createSession(long userId) {
        Session existing = sessions.get(userId);
        if (existing != null) {
            return existing;
        }
        if (!settings.noSessionLimit() && sessions.size() >= settings.maxSessions()) {
            throw new SessionLimitException(settings.maxSessions());
        }
        Session session = new Session(userId, settings.sessionMb());
        sessions.put(userId, session);
        return session;
    }

    public synchronized boolean closeSession(long userId) {
        return sessions.remove(userId) != null;
    }

    public boolean hasSession(long userId) {
        return sessions.containsKey(userId);
    }

    public int activeCount() {
        return sessions.size();
    }
}
