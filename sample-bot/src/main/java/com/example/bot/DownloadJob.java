package com.example.bot;

/** A file a user asked the bot to fetch and process. Immutable. */
public record DownloadJob(long userId, String name, int sizeMb) {

    @Override
    public String toString() {
        return name + " (" + sizeMb + " MB) for " + userId;
    }
}
