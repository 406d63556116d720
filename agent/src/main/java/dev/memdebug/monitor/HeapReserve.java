package dev.memdebug.monitor;

/**
 * A little heap claimed at start for the agent's worst moment: when the agent's own thread meets an
 * {@link OutOfMemoryError} while it must write (the CRITICAL block, its start-up), it lets the reserve go
 * and tries once more, so the block the user needs most has room to be rendered even in a full heap.
 * The reserve is claimed again on a later check, when the heap has room.
 *
 * <p>Why this does not make the app's own OutOfMemoryError worse: the reserve is small ({@link #BYTES},
 * well under one percent of the smallest heap a container JVM is given) and is handed back to the heap,
 * not kept, exactly when the heap is full; the agent allocates nothing on the app's threads for it.
 *
 * <p>Thread-safety: any thread; the reserve is one volatile reference.
 */
public final class HeapReserve {

    /** Enough to render a CRITICAL block with a hundred operations several times over. */
    public static final int BYTES = 256 * 1024;

    private static volatile byte[] reserve;

    private HeapReserve() {
    }

    /**
     * Claims the reserve if it is not held and the heap has clear room for it (sixteen times its size
     * free), so that claiming it again never pushes a nearly full heap into a collection. Returns whether
     * it is held now. Never throws.
     */
    public static boolean claim() {
        if (reserve != null) {
            return true;
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (free < 16L * BYTES) {
            return false;
        }
        try {
            reserve = new byte[BYTES];
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        }
    }

    /** Gives the reserve back to the heap. Returns whether there was one to give. */
    public static boolean release() {
        boolean held = reserve != null;
        reserve = null;
        return held;
    }

    public static boolean held() {
        return reserve != null;
    }

    /**
     * Runs {@code action}; if it meets an OutOfMemoryError, releases the reserve and runs it once more.
     * The second error, if any, is thrown to the caller (the monitor's loop reports it and goes on).
     */
    public static void withReserve(Runnable action) {
        try {
            action.run();
        } catch (OutOfMemoryError first) {
            release();
            action.run();
        }
    }
}
