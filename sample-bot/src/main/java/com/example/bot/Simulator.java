package com.example.bot;

import java.io.IOException;
import java.time.Duration;

/**
 * Scripted users who drive a running bot through its webhook, one script per {@link Scenario}. Each
 * message and the bot's reply are logged; a failed request (an HTTP error, a timeout, memory running
 * out) is logged too, and the script goes on. A script ends when its time is up. Not thread-safe: one
 * thread runs one scenario.
 */
final class Simulator {

    /** The users of the guide's example log, in the order they arrive. */
    static final long[] GUIDE_USERS = {12345, 67890, 99999, 77777, 88888, 55555};

    private static final Duration HEALTH_POLL = Duration.ofMillis(200);

    private final BotClient bot;
    private final EventLog log;
    private long deadline;

    Simulator(BotClient bot, EventLog log) {
        this.bot = bot;
        this.log = log;
    }

    /** Runs the scenario's script for {@code duration}. */
    void run(Scenario scenario, Duration duration) throws InterruptedException {
        deadline = System.nanoTime() + duration.toNanos();
        log.log("scenario '" + scenario.id() + "' for up to " + duration.toSeconds() + " s: " + scenario.description());
        switch (scenario) {
            case STEADY -> steady();
            case SEED_CRASH -> seedCrash();
            case LEAK -> leak();
            case SPIKE -> spike();
        }
        log.log("scenario '" + scenario.id() + "' is over");
    }

    /**
     * Three users take turns, one message every 2 s: each opens a session, asks for eight 5-20 MB files
     * 6 s apart, closes the session, and comes back. At most three sessions and a small download or two
     * at once.
     */
    private void steady() throws InterruptedException {
        long[] users = {GUIDE_USERS[0], GUIDE_USERS[1], GUIDE_USERS[2]};
        String[] files = {"photo.jpg", "report.pdf", "voice.ogg", "slides.pptx", "song.mp3", "scan.png", "notes.txt", "clip.mp4"};
        int stepsPerVisit = files.length + 2;
        for (int turn = 0; pause(Duration.ofSeconds(2)); turn++) {
            long user = users[turn % users.length];
            int step = turn / users.length % stepsPerVisit;
            if (step == 0) {
                say(user, "/start");
            } else if (step <= files.length) {
                say(user, "/download " + numbered(files[step - 1], turn) + " " + (5 + turn * 7 % 16));
            } else {
                say(user, "/stop");
            }
        }
    }

    /**
     * The guide's timeline, compressed: a new user every 2 s opens a session (the limit is off) and
     * asks for two 40-80 MB files. Sessions, queued downloads and running downloads all climb.
     */
    private void seedCrash() throws InterruptedException {
        int i = 0;
        do {
            long user = i < GUIDE_USERS.length ? GUIDE_USERS[i] : 100_000 + i;
            say(user, "/start");
            say(user, "/download " + numbered("video.mp4", i) + " " + (40 + i * 17 % 41));
            say(user, "/download " + numbered("photos.zip", i) + " " + (40 + i * 29 % 41));
            i++;
        } while (pause(Duration.ofSeconds(2)));
    }

    /** One user asks for 10-20 MB files one after another; each download's buffers are never freed. */
    private void leak() throws InterruptedException {
        long user = GUIDE_USERS[0];
        say(user, "/start");
        for (int i = 0; timeLeft(); i++) {
            say(user, "/download " + numbered("part.bin", i) + " " + (10 + i * 7 % 11));
            awaitDownloadsIdle();
        }
    }

    /** One user with small downloads; after 5 s a second user asks for a 700 MB backup. */
    private void spike() throws InterruptedException {
        long user = GUIDE_USERS[0];
        long bigUser = GUIDE_USERS[1];
        say(user, "/start");
        for (int i = 0; pause(Duration.ofSeconds(1)); i++) {
            if (i == 5) {
                log.log("the spike: one 700 MB download");
                say(bigUser, "/start");
                say(bigUser, "/download full-backup.tar 700");
            } else {
                say(user, "/download " + numbered("photo.jpg", i) + " " + (5 + i % 6));
            }
        }
    }

    private void say(long user, String text) throws InterruptedException {
        try {
            log.log(user + ": " + text + " -> " + bot.send(user, text));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            log.log(user + ": " + text + " failed: " + e);
        }
    }

    /** Waits until no download is queued or running, or the time is up. Only the first failed check is logged. */
    private void awaitDownloadsIdle() throws InterruptedException {
        boolean failureLogged = false;
        while (pause(HEALTH_POLL)) {
            try {
                if (bot.health().downloadsIdle()) {
                    return;
                }
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                if (!failureLogged) {
                    log.log("health check failed: " + e);
                    failureLogged = true;
                }
            }
        }
    }

    /** Sleeps for {@code duration} or until the time is up; whether time is left. */
    private boolean pause(Duration duration) throws InterruptedException {
        long nanos = Math.min(duration.toNanos(), deadline - System.nanoTime());
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        return timeLeft();
    }

    private boolean timeLeft() {
        return deadline - System.nanoTime() > 0;
    }

    /** {@code video.mp4}, 3 -> {@code video-3.mp4}. */
    private static String numbered(String file, int n) {
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot) + "-" + n + file.substring(dot);
    }
}
