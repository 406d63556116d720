package com.example.bot;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How the bot is sized and which failure patterns are on. The limits follow the user's guide: 3
 * sessions and 3 concurrent downloads on Render (environment variable {@code RENDER} set to anything
 * non-blank, as Render does), 5 elsewhere. Immutable.
 *
 * @param port                   the HTTP port; 0 picks a free one
 * @param maxSessions            sessions open at once, unless {@link FailurePattern#NO_SESSION_LIMIT} is on
 * @param maxConcurrentDownloads downloads running at once
 * @param sessionMb              each session's working set on the heap, in MB
 * @param bandwidthMbPerSecond   simulated speed of each download, in MB/s; 0 means unthrottled
 * @param cacheEntries           results the cache keeps, unless {@link FailurePattern#UNBOUNDED_CACHE} is on
 * @param failures               the failure patterns that are on
 */
public record BotSettings(int port, int maxSessions, int maxConcurrentDownloads, int sessionMb,
                          int bandwidthMbPerSecond, int cacheEntries, Set<FailurePattern> failures) {

    public static final int DEFAULT_PORT = 8080;
    public static final int RENDER_LIMIT = 3;
    public static final int DEFAULT_LIMIT = 5;
    public static final int DEFAULT_SESSION_MB = 24;
    public static final int DEFAULT_BANDWIDTH_MB_PER_SECOND = 40;
    public static final int DEFAULT_CACHE_ENTRIES = 20;

    public BotSettings {
        requireRange("port", port, 0, 65_535);
        requireRange("maxSessions", maxSessions, 1, Integer.MAX_VALUE);
        requireRange("maxConcurrentDownloads", maxConcurrentDownloads, 1, Integer.MAX_VALUE);
        requireRange("sessionMb", sessionMb, 0, 1024);
        requireRange("bandwidthMbPerSecond", bandwidthMbPerSecond, 0, Integer.MAX_VALUE);
        requireRange("cacheEntries", cacheEntries, 1, Integer.MAX_VALUE);
        failures = Set.copyOf(failures);
    }

    /**
     * The settings a deployment gets from its environment: {@code PORT} (default 8080), {@code RENDER}
     * (the limits) and {@code BOT_FAILURES} (comma-separated {@link FailurePattern} ids).
     *
     * @param env the environment, e.g. {@link System#getenv()}
     * @throws IllegalArgumentException if {@code PORT} or {@code BOT_FAILURES} cannot be read
     */
    public static BotSettings fromEnvironment(Map<String, String> env) {
        int limit = isSet(env.get("RENDER")) ? RENDER_LIMIT : DEFAULT_LIMIT;
        int port = isSet(env.get("PORT")) ? parsePort(env.get("PORT")) : DEFAULT_PORT;
        Set<FailurePattern> failures = FailurePattern.parseList(env.getOrDefault("BOT_FAILURES", ""));
        return new BotSettings(port, limit, limit, DEFAULT_SESSION_MB, DEFAULT_BANDWIDTH_MB_PER_SECOND,
                DEFAULT_CACHE_ENTRIES, failures);
    }

    /** Reads a port number, 0 to 65535. */
    public static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new IllegalArgumentException("the port must be a number from 0 to 65535, not '" + text + "'");
    }

    public boolean has(FailurePattern pattern) {
        return failures.contains(pattern);
    }

    public BotSettings withPort(int newPort) {
        return new BotSettings(newPort, maxSessions, maxConcurrentDownloads, sessionMb, bandwidthMbPerSecond, cacheEntries, failures);
    }

    public BotSettings withSessionMb(int mb) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, mb, bandwidthMbPerSecond, cacheEntries, failures);
    }

    public BotSettings withBandwidth(int mbPerSecond) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, sessionMb, mbPerSecond, cacheEntries, failures);
    }

    public BotSettings withCacheEntries(int entries) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, sessionMb, bandwidthMbPerSecond, entries, failures);
    }

    /** These settings with {@code more} failure patterns on as well. */
    public BotSettings withFailures(Set<FailurePattern> more) {
        Set<FailurePattern> all = EnumSet.noneOf(FailurePattern.class);
        all.addAll(failures);
        all.addAll(more);
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, sessionMb, bandwidthMbPerSecond, cacheEntries, all);
    }

    /** One line for the start-up banner. */
    public String describe() {
        StringBuilder line = new StringBuilder()
                .append("limits: ").append(maxSessions).append(" sessions, ")
                .append(maxConcurrentDownloads).append(" concurrent downloads; session working set ")
                .append(sessionMb).append(" MB; bandwidth ")
                .append(bandwidthMbPerSecond == 0 ? "unthrottled" : bandwidthMbPerSecond + " MB/s")
                .append("; cache ").append(cacheEntries).append(" entries");
        for (FailurePattern pattern : FailurePattern.values()) {
            if (has(pattern)) {
                line.append("; FAILURE PATTERN ").append(pattern.id()).append(": ").append(pattern.effect());
            }
        }
        return line.toString();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
