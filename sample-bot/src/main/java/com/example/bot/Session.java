package com.example.bot;

/**
 * One user's conversation. It keeps a working set on the heap (conversation state, parsed media,
 * buffers a real bot would hold), every page of it touched so it counts in the process's RSS.
 */
public final class Session {

    private final long userId;
    private final long openedAt = System.currentTimeMillis();
    private final byte[] workingSet;

    Session(long userId, int workingSetMb) {
        this.userId = userId;
        this.workingSet = new byte[workingSetMb * 1024 * 1024];
        for (int i = 0; i < workingSet.length; i += 4096) {
            workingSet[i] = (byte) i;
        }
    }

    public long userId() {
        return userId;
    }

    public long openedAt() {
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
