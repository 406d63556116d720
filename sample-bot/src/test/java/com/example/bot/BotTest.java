package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotTest {

    @TempDir
    Path temp;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private Bot bot;

    @BeforeEach
    void createBot() {
        BotSettings settings = BotSettings.fromEnvironment(Map.of("RENDER", "true")).withSessionMb(1).withBandwidth(0);
        bot = Bot.create(settings, temp, events::add);
    }

    @AfterEach
    void closeBot() {
        bot.close();
    }

    private String say(long user, String text) {
        return bot.handle(new Update(1, user, user, text));
    }

    @Test
    void startOpensASessionOnce() {
        assertTrue(say(12345, "/start").startsWith("Welcome!"));
        assertTrue(say(12345, "/start").startsWith("You already have a session."));
        assertEquals(1, bot.health().sessions());
        assertEquals(List.of("session opened for 12345 (1 active)"), events);
    }

    @Test
    void theFourthUserIsToldToComeBackLater() {
        for (long user = 1; user <= 3; user++) {
            say(user, "/start");
        }
        assertEquals("Too many users right now (3 at most). Please try again later.", say(4, "/start"));
        assertEquals("session refused for 4: the limit of 3 sessions is reached", events.get(3));
    }

    @Test
    void downloadNeedsASessionAndANameAndASize() {
        assertEquals("Send /start first.", say(1, "/download a.pdf 5"));
        say(1, "/start");
        assertTrue(say(1, "/download a.pdf").startsWith("Usage: /download <name> <size-mb>"));
        assertTrue(say(1, "/download a.pdf five").startsWith("The size must be a whole number of MB"));
        assertEquals("The size must be from 1 to 2048 MB.", say(1, "/download a.pdf 0"));
        assertEquals("The size must be from 1 to 2048 MB.", say(1, "/download a.pdf 4096"));
        assertEquals(0, bot.health().queue() + bot.health().activeDownloads() + bot.health().cache());
    }

    @Test
    void stopClosesTheSession() {
        say(1, "/start");
        assertEquals("Bye! Send /start to come back.", say(1, "/stop"));
        assertEquals("You have no session. Send /start to begin.", say(1, "/stop"));
        assertEquals(0, bot.health().sessions());
    }

    @Test
    void commandsIgnoreCaseAndTheBotNameAndAnythingElseGetsHelp() {
        assertTrue(say(1, "/Start@SampleBot").startsWith("Welcome!"));
        assertEquals(Bot.HELP, say(1, "hello"));
        assertEquals(Bot.HELP, say(1, ""));
        assertEquals(Bot.HELP, say(1, "/help"));
    }
}
