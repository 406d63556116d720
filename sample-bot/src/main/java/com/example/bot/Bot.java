package com.example.bot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bot's conversation: {@code /start} opens a session, {@code /download <name> <size-mb>} queues a
 * download for a user with a session, {@code /stop} closes the session, anything else gets the help
 * text. Each update is answered with a reply text; running out of memory is answered too, and the
 * bot goes on. Thread-safe.
 */
public final class Bot implements AutoCloseable {

    /** The largest download a user may ask for. */
    public static final int MAX_DOWNLOAD_MB = 2048;

    /** How many free download buffers the pool keeps for reuse (64 MB). */
    static final int POOLED_BUFFERS = 16;

    static final String HELP = "Commands: /start to begin, /download <name> <size-mb> to fetch a file, /stop to end.";

    private final SessionManager sessions;
    private final DownloadQueue queue;
    private final Downloader downloader;
    private final ResultCache cache;
    private final EventLog log;

    private Bot(SessionManager sessions, DownloadQueue queue, Downloader downloader, ResultCache cache, EventLog log) {
        this.sessions = sessions;
        this.queue = queue;
        this.downloader = downloader;
        this.cache = cache;
        this.log = log;
    }

    /**
     * A bot with its parts built from {@code settings}; its download workers start at once.
     *
     * @param tempDir where downloads write their temporary files; it must exist
     * @param log     where events go
     */
    public static Bot create(BotSettings settings, Path tempDir, EventLog log) {
        ResultCache cache = ResultCache.of(settings);
        Downloader downloader = new Downloader(settings, new BufferPool(Downloader.CHUNK_BYTES, POOLED_BUFFERS), tempDir);
        DownloadQueue queue = new DownloadQueue(downloader, settings.maxConcurrentDownloads(), new ResultDelivery(cache, log));
        return new Bot(new SessionManager(settings), queue, downloader, cache, log);
    }

    /** Handles one message and returns the reply for its chat. */
    public String handle(Update update) {
        List<String> words = Arrays.asList(update.text().strip().split("\\s+"));
        String command = commandName(words.get(0));
        try {
            return switch (command) {
                case "/start" -> start(update.userId());
                case "/download" -> download(update.userId(), words.subList(1, words.size()));
                case "/stop" -> stop(update.userId());
                default -> HELP;
            };
        } catch (OutOfMemoryError e) {
            log.log("out of memory handling " + command + " for " + update.userId() + ": " + e.getMessage());
            return "Sorry, I am out of memory right now. Please try again later.";
        }
    }

    public Health health() {
        return new Health(sessions.activeCount(), queue.size(), downloader.activeCount(), cache.size());
    }

    /** Stops the download workers. */
    @Override
    public void close() {
        queue.close();
    }

    private String start(long userId) {
        if (sessions.hasSession(userId)) {
            return "You already have a session. " + HELP;
        }
        try {
            sessions.createSession(userId);
        } catch (SessionLimitException e) {
            log.log("session refused for " + userId + ": " + e.getMessage());
            return "Too many users right now (" + e.limit() + " at most). Please try again later.";
        }
        log.log("session opened for " + userId + " (" + sessions.activeCount() + " active)");
        return "Welcome! Send /download <name> <size-mb> to fetch a file, /stop to end.";
    }

    private String download(long userId, List<String> args) {
        if (!sessions.hasSession(userId)) {
            return "Send /start first.";
        }
        if (args.size() != 2) {
            return "Usage: /download <name> <size-mb>, e.g. /download report.pdf 40";
        }
        int sizeMb;
        try {
            sizeMb = Integer.parseInt(args.get(1));
        } catch (NumberFormatException e) {
            return "The size must be a whole number of MB, e.g. /download report.pdf 40";
        }
        if (sizeMb < 1 || sizeMb > MAX_DOWNLOAD_MB) {
            return "The size must be from 1 to " + MAX_DOWNLOAD_MB + " MB.";
        }
        DownloadJob job = new DownloadJob(userId, args.get(0), sizeMb);
        queue.submit(job);
        int waiting = queue.size();
        log.log("download queued: " + job + " (" + waiting + " waiting)");
        return "Queued " + job.name() + " (" + sizeMb + " MB); " + waiting + " waiting.";
    }

    private String stop(long userId) {
        if (!sessions.closeSession(userId)) {
            return "You have no session. Send /start to begin.";
        }
        log.log("session closed for " + userId + " (" + sessions.activeCount() + " active)");
        return "Bye! Send /start to come back.";
    }

    /** {@code /Start@MyBot} is {@code /start}: Telegram appends the bot's name in group chats. */
    private static String commandName(String word) {
        int at = word.indexOf('@');
        return (at < 0 ? word : word.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
