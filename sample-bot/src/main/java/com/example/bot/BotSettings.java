package com.example.bot;

import java.util.Locale;
import java.util.Map;

/**
 * The bot's settings, from the environment and the command line. The limits follow the user's guide:
 * 3 sessions and 3 concurrent downloads on Render ({@code RENDER} set), 5 elsewhere. The failure
 * patterns reproduce the guide's crash causes. Immutable.
 */
public record BotSettings(int port, int maxSessions, int maxConcurrentDownloads, int sessionMb, int bandwidthMbPerSecond,
                          int cacheEntries, boolean noSessionLimit, boolean leakDownloads, boolean unboundedCache) {

    /** Settings from environment variables alone ({@code PORT}, {@code RENDER}, {@code BOT_FAILURES}). */
    public static BotSettings fromEnvironment(Map<String, String> env) {
        boolean render = env.get("RENDER") != null && !env.get("RENDER").isBlank();
        int limit = render ? 3 : 5;
        String failures = env.getOrDefault("BOT_FAILURES", "").toLowerCase(Locale.ROOT);
        int port = 8080;
        if (env.get("PORT") != null && !env.get("PORT").isBlank()) {
            port = Integer.parseInt(env.get("PORT").strip());
        }
        return new BotSettings(port, limit, limit, 24, 40, 20,
                failures.contains("no-session-limit"), failures.contains("leak-downloads"), failures.contains("unbounded-cache"));
    }

    public BotSettings withPort(int p) {
        return new BotSettings(p, maxSessions, maxConcurrentDownloads, sessionMb, bandwidthMbPerSecond, cacheEntries,
                noSessionLimit, leakDownloads, unboundedCache);
    }

    public BotSettings withSessionMb(int mb) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, mb, bandwidthMbPerSecond, cacheEntries,
                noSessionLimit, leakDownloads, unboundedCache);
    }

    public BotSettings withBandwidth(int mbPerSecond) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, sessionMb, mbPerSecond, cacheEntries,
                noSessionLimit, leakDownloads, unboundedCache);
    }

    public BotSettings withFailure(String pattern) {
        return new BotSettings(port, maxSessions, maxConcurrentDownloads, sessionMb, bandwidthMbPerSecond, cacheEntries,
                noSessionLimit || pattern.equals("no-session-limit"), leakDownloads || pattern.equals("leak-downloads"),
                unboundedCache || pattern.equals("unbounded-cache"));
    }

    /** One line for the start-up banner. */
    public String describe() {
        return "sessions max " + (noSessionLimit ? "unlimited (failure pattern on)" : maxSessions)
                + ", concurrent downloads max " + maxConcurrentDownloads + ", session working set " + sessionMb + " MB"
                + ", bandwidth " + bandwidthMbPerSecond + " MB/s, cache " + (unboundedCache ? "unbounded (failure pattern on)" : cacheEntries + " entries")
                + (leakDownloads ? ", download buffers leak (failure pattern on)" : "");
    }
}
