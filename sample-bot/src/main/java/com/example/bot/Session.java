package com.example.bot;

import java.time.Instant;

/**
 * One user's conversation with the bot. It holds a working set on the heap, standing for what a real
 * bot keeps per user (conversation state, parsed media, buffers); every page of it is written, so it
 * counts in the process's resident memory. Immutable.
 */
public final class Session {

    private static final int PAGE = 4096;

    private final long userId;
    private final Instant openedAt;
    private final byte[] workingSet;

    Session(long userId, int workingSetMb) {
        this.userId = userId;
        this.openedAt = Instant.now();
        this.workingSet = new byte[workingSetMb * 1024 * 1024];
        for (int i = 0; i < workingSet.length; i += PAGE) {
            workingSet[i] = 1;
        }
    }

    public long userId() {
        return userId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public int workingSetBytes() {
        return workingSet.length;
    }

    @Override
    public String toString() {
        return "session of " + userId;
    }
}
