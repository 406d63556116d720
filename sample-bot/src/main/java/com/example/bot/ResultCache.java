package com.example.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Processed download results by key, least recently used first out once more than {@code maxEntries}
 * are held, or never evicted when built {@link #unbounded()} (the guide's third crash cause).
 * Thread-safe.
 */
public final class ResultCache {

    private final Map<String, byte[]> entries;

    private ResultCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** A cache that keeps at most {@code maxEntries} results. */
    public static ResultCache bounded(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache must hold at least 1 entry, not " + maxEntries);
        }
        return new ResultCache(maxEntries);
    }

    /** A cache that keeps every result it is given. */
    public static ResultCache unbounded() {
        return new ResultCache(Integer.MAX_VALUE);
    }

    /** The cache {@code settings} ask for: bounded unless {@link FailurePattern#UNBOUNDED_CACHE} is on. */
    public static ResultCache of(BotSettings settings) {
        return settings.has(FailurePattern.UNBOUNDED_CACHE) ? unbounded() : bounded(settings.cacheEntries());
    }

    /** Stores the result under {@code key}, replacing any earlier one; the array is kept, not copied. */
    public synchronized void put(String key, byte[] processed) {
        entries.put(key, processed);
    }

    /** The result under {@code key}, which then counts as the most recently used. */
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized int size() {
        return entries.size();
    }
}
