package dev.memdebug.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The capture-rate benchmark's victim: {@code CaptureApp USAGE_FILE PREFILL_BYTES RATE_MB_S OP_KB OPS}.
 *
 * <p>First it fills its heap quickly, one unhooked megabyte at a time, until the cgroup's
 * {@code USAGE_FILE} reports {@code PREFILL_BYTES} (so a slow leak does not spend minutes below HIGH);
 * then it calls {@link #allocateChunk} {@code OPS} times (-1: until killed), each allocating and holding
 * {@code OP_KB} in ten pieces, paced so the heap grows at {@code RATE_MB_S} (0: as fast as it can, in
 * one piece). It never frees
 * anything and holds still at the end, so only the kernel's OOM killer ends it.
 *
 * <p>{@code allocateChunk} is the hooked operation. Its first statement prints {@code enter N TIME} to stdout
 * and flushes: the hook's enter advice has run by then, so the last such line after the kill is the
 * last operation the agent could have been told about.
 */
public final class CaptureApp {

    private static final long MB = 1024 * 1024;
    private static final int PIECES = 10;
    private static final List<byte[]> HELD = new ArrayList<>();
    private static long leakStartNanos;
    private static long leaked;
    private static double bytesPerNano;

    private CaptureApp() {
    }

    public static void main(String[] args) throws Exception {
        Path usage = Path.of(args[0]);
        long prefill = Long.parseLong(args[1]);
        double rateMbPerSecond = Double.parseDouble(args[2]);
        int opBytes = (int) (Long.parseLong(args[3]) * 1024);
        long ops = Long.parseLong(args[4]);
        while (Long.parseLong(Files.readString(usage).trim()) < prefill) {
            HELD.add(Pages.touched(new byte[(int) MB]));
        }
        System.out.println("prefilled " + HELD.size() + " MB");
        System.out.flush();
        // A pause at the plateau, so the agent has a figure from before the growth.
        Thread.sleep(1500);
        bytesPerNano = rateMbPerSecond * MB / 1e9;
        leakStartNanos = System.nanoTime();
        for (long seq = 1; ops < 0 || seq <= ops; seq++) {
            allocateChunk(seq, opBytes);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * The hooked operation: allocates {@code bytes} and keeps them, in {@value #PIECES} pieces paced at the
     * set rate (all at once when unpaced), as a request handler allocates while it runs. Prints
     * {@code enter N TIME_MILLIS} first.
     */
    public static void allocateChunk(long seq, int bytes) {
        System.out.println("enter " + seq + " " + System.currentTimeMillis());
        System.out.flush();
        int piece = bytesPerNano <= 0 ? bytes : Math.max(4096, bytes / PIECES);
        for (int done = 0; done < bytes; done += piece) {
            int n = Math.min(piece, bytes - done);
            HELD.add(Pages.touched(new byte[n]));
            leaked += n;
            if (bytesPerNano > 0) {
                long due = leakStartNanos + (long) (leaked / bytesPerNano);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }
}
