package com.example.bot;

/**
 * A file a user asked the bot to fetch. Immutable.
 *
 * @param userId the Telegram user who asked
 * @param name   the file's name, e.g. {@code report.pdf}
 * @param sizeMb the file's size in MB (MiB), at least 1
 */
public record DownloadJob(long userId, String name, int sizeMb) {

    public DownloadJob {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a download needs a file name");
        }
        if (sizeMb < 1) {
            throw new IllegalArgumentException("a download must be at least 1 MB, not " + sizeMb);
        }
    }

    public long sizeBytes() {
        return sizeMb * 1024L * 1024L;
    }

    /** {@code report.pdf (40 MB) for 12345}. */
    @Override
    public String toString() {
        return name + " (" + sizeMb + " MB) for " + userId;
    }
}
