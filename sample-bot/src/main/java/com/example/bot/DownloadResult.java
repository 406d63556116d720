package com.example.bot;

/** What a finished download produced: its checksum and the processed result kept in the cache. */
public record DownloadResult(DownloadJob job, long checksum, byte[] processed, long millis) {
}
