package com.example.bot;

import java.util.Locale;

/**
 * What the bot does when a download ends: a completed one's processed result goes into the
 * {@link ResultCache} under {@code userId/name}, and either way the event is logged. Thread-safe.
 */
final class ResultDelivery implements DownloadListener {

    private final ResultCache cache;
    private final EventLog log;

    ResultDelivery(ResultCache cache, EventLog log) {
        this.cache = cache;
        this.log = log;
    }

    static String cacheKey(DownloadJob job) {
        return job.userId() + "/" + job.name();
    }

    @Override
    public void completed(DownloadResult result) {
        cache.put(cacheKey(result.job()), result.processed());
        log.log(String.format(Locale.ROOT, "download done: %s in %.1f s (crc32 %08x)",
                result.job(), result.elapsed().toMillis() / 1000.0, result.checksum()));
    }

    @Override
    public void failed(DownloadJob job, Throwable cause) {
        log.log("download failed: " + job + ": " + cause);
    }
}
