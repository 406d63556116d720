package com.example.bot;

import java.util.Map;

/**
 * What {@code GET /health} reports: the counts that tell how loaded the bot is. Immutable.
 *
 * @param sessions        open sessions
 * @param queue           downloads waiting for a worker
 * @param activeDownloads downloads running
 * @param cache           results in the cache
 */
public record Health(int sessions, int queue, int activeDownloads, int cache) {

    /** {@code {"status":"ok","sessions":N,"queue":N,"activeDownloads":N,"cache":N}}. */
    public String toJson() {
        return "{\"status\":\"ok\",\"sessions\":" + sessions + ",\"queue\":" + queue
                + ",\"activeDownloads\":" + activeDownloads + ",\"cache\":" + cache + "}";
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException if a count is missing or {@code json} is not a JSON object
     */
    public static Health fromJson(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("a health report must be a JSON object");
        }
        return new Health(count(fields, "sessions"), count(fields, "queue"), count(fields, "activeDownloads"), count(fields, "cache"));
    }

    /** Nothing waiting and nothing running. */
    public boolean downloadsIdle() {
        return queue == 0 && activeDownloads == 0;
    }

    private static int count(Map<?, ?> fields, String key) {
        if (fields.get(key) instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("the health report has no count '" + key + "'");
    }
}
