package dev.memdebug.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * The last operations, oldest first, for the "Recent operations" and "Last N operations before crash"
 * lists. A fixed ring: adding never allocates beyond the {@link Operation} itself.
 *
 * <p>Thread-safety: every method is {@code synchronized}; the monitor thread adds and reads, the GC
 * notification thread adds, and no app thread ever touches it (app threads publish through
 * {@link OperationQueue}).
 */
public final class RecentOperations {

    private final Operation[] ring;
    private long added;

    public RecentOperations(int capacity) {
        this.ring = new Operation[Math.max(1, capacity)];
    }

    public synchronized void add(Operation operation) {
        ring[(int) (added % ring.length)] = operation;
        added++;
    }

    /** The newest {@code n} operations, oldest first. */
    public synchronized List<Operation> last(int n) {
        int count = (int) Math.min(Math.min(n, ring.length), added);
        List<Operation> out = new ArrayList<>(count);
        for (long i = added - count; i < added; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    /** How many operations were ever added; the difference between two calls is how many came in between. */
    public synchronized long added() {
        return added;
    }

    /** The newest operation, or {@code null} if there is none yet. */
    public synchronized Operation latest() {
        return added == 0 ? null : ring[(int) ((added - 1) % ring.length)];
    }
}
