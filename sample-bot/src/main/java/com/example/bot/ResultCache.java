package com.example.bot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Processed results by key: a bounded LRU, or unbounded with the "unbounded cache" failure pattern (the
 * guide's third crash cause). Thread-safe.
 */
public final class ResultCache {

    private final Map<String, byte[]> entries;

    public ResultCache(int maxEntries, boolean unbounded) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return !unbounded && size() > maxEntries;
            }
        };
    }

    public synchronized void put(String key, byte[] processed) {
        entries.put(key, processed);
    }

    public synchronized byte[] get(String key) {
        return entries.get(key);
    }

    public synchronized int size() {
        return entries.size();
    }
}
