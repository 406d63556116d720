package com.example.bot;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The bot's parts wired together, and its command handling: {@code /start} opens a session,
 * {@code /download <name> <size-mb>} queues a download, {@code /stop} ends the session. Thread-safe.
 */
public final class Bot {

    private final SessionManager sessions;
    private final ResultCache cache;
    private final Downloader downloader;
    private final DownloadQueue queue;
    private final Consumer<String> events;

    public Bot(BotSettings settings, Path tempDir, Consumer<String> events) {
        this.events = events;
        this.sessions = new SessionManager(settings);
        this.cache = new ResultCache(settings.cacheEntries(), settings.unboundedCache());
        this.downloader = new Downloader(settings, cache, tempDir);
        this.queue = new DownloadQueue(settings, downloader, events);
    }

    /** Handles one update and returns the reply text. */
    public String handle(Update update) {
        String text = update.text().strip();
        String[] words = text.split("\\s+");
        try {
            switch (words[0]) {
                case "/start": {
                    if (sessions.hasSession(update.userId())) {
                        return "You already have a session.";
                    }
                    sessions.createSession(update.userId());
                    events.accept("session opened for " + update.userId() + " (" + sessions.activeCount() + " active)");
                    return "Welcome! Send /download <name> <size-mb>.";
                }
                case "/download": {
                    if (!sessions.hasSession(update.userId())) {
                        return "Send /start first.";
                    }
                    if (words.length != 3) {
                        return "Usage: /download <name> <size-mb>";
                    }
                    int size;
                    try {
                        size = Integer.parseInt(words[2]);
                    } catch (NumberFormatException e) {
                        return "The size must be a whole number of MB.";
                    }
                    if (size <= 0 || size > 4096) {
                        return "The size must be from 1 to 4096 MB.";
                    }
                    queue.submit(new DownloadJob(update.userId(), words[1], size));
                    return "Queued " + words[1] + " (" + size + " MB); " + queue.size() + " waiting.";
                }
                case "/stop": {
                    if (!sessions.hasSession(update.userId())) {
                        return "You have no session.";
                    }
                    sessions.closeSession(update.userId());
                    events.accept("session closed for " + update.userId() + " (" + sessions.activeCount() + " active)");
                    return "Bye.";
                }
                default:
                    return "Commands: /start, /download <name> <size-mb>, /stop";
            }
        } catch (SessionLimitException e) {
            events.accept("session refused for " + update.userId() + ": " + e.getMessage());
            return "Too many users right now, try again later.";
        } catch (OutOfMemoryError e) {
            events.accept("out of memory handling " + text + " for " + update.userId());
            return "Sorry, the bot is out of memory.";
        }
    }

    public SessionManager sessions() {
        return sessions;
    }

    public DownloadQueue queue() {
        return queue;
    }

    public Downloader downloader() {
        return downloader;
    }

    public ResultCache cache() {
        return cache;
    }

    /** {@code {"status":"ok","sessions":N,...}} for {@code GET /health}. */
    public String healthJson() {
        return "{\"status\":\"ok\",\"sessions\":" + sessions.activeCount() + ",\"queue\":" + queue.size()
                + ",\"activeDownloads\":" + downloader.activeCount() + ",\"cache\":" + cache.size() + "}";
    }
}
