package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionManagerTest {

    private static SessionManager sessions(Map<String, String> env) {
        return new SessionManager(BotSettings.fromEnvironment(env).withSessionMb(1));
    }

    @Test
    void onRenderTheFourthSessionIsRefused() {
        SessionManager sessions = sessions(Map.of("RENDER", "true"));
        for (long user = 1; user <= 3; user++) {
            sessions.createSession(user);
        }
        SessionLimitException e = assertThrows(SessionLimitException.class, () -> sessions.createSession(4));
        assertEquals(3, e.limit());
        assertEquals(3, sessions.activeCount());
        assertFalse(sessions.hasSession(4));
    }

    @Test
    void elsewhereTheSixthSessionIsRefused() {
        SessionManager sessions = sessions(Map.of());
        for (long user = 1; user <= 5; user++) {
            sessions.createSession(user);
        }
        assertThrows(SessionLimitException.class, () -> sessions.createSession(6));
        assertEquals(5, sessions.activeCount());
    }

    @Test
    void aUserWithASessionGetsTheSameOneEvenWhenFull() {
        SessionManager sessions = sessions(Map.of("RENDER", "1"));
        Session first = sessions.createSession(1);
        sessions.createSession(2);
        sessions.createSession(3);
        assertSame(first, sessions.createSession(1));
        assertEquals(3, sessions.activeCount());
    }

    @Test
    void closingASessionFreesItsPlace() {
        SessionManager sessions = sessions(Map.of("RENDER", "1"));
        for (long user = 1; user <= 3; user++) {
            sessions.createSession(user);
        }
        assertTrue(sessions.closeSession(2));
        assertFalse(sessions.closeSession(2));
        assertEquals(4, sessions.createSession(4).userId());
        assertEquals(3, sessions.activeCount());
    }

    @Test
    void withNoSessionLimitSessionsPileUpPastIt() {
        SessionManager sessions = sessions(Map.of("RENDER", "1", "BOT_FAILURES", "no-session-limit"));
        for (long user = 1; user <= 10; user++) {
            sessions.createSession(user);
        }
        assertEquals(10, sessions.activeCount());
    }

    @Test
    void aSessionHoldsItsWorkingSet() {
        Session session = new SessionManager(BotSettings.fromEnvironment(Map.of()).withSessionMb(3)).createSession(12345);
        assertEquals(3 * 1024 * 1024, session.workingSetBytes());
        assertEquals(12345, session.userId());
    }
}
