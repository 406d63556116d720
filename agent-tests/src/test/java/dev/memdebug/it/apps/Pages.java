package dev.memdebug.it.apps;

/** For the test apps: memory that counts. */
final class Pages {

    private Pages() {
    }

    /**
     * Writes one byte into every 4 KB page of {@code chunk} and returns it. A fresh array's pages are only
     * reserved; touched, they are resident and count in RSS and in the cgroup, as a real app's data does.
     */
    static byte[] touched(byte[] chunk) {
        for (int p = 0; p < chunk.length; p += 4096) {
            chunk[p] = 1;
        }
        return chunk;
    }
}
