package dev.memdebug.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a snapshot's memory sits, part by part, and which part grew most since an earlier snapshot: the
 * answer to "heap or native?" that an exit 137 without an OutOfMemoryError asks. Stateless.
 *
 * <p>The parts are the heap (its resident estimate, {@link MemorySnapshot#heapTouchedBytes}), metaspace, code cache, thread stacks (threads times the stack size, an
 * upper bound: only touched pages are resident), direct and mapped buffers, and other native memory (RSS
 * minus everything the JVM accounts for: malloc arenas, JNI libraries, GC structures). Parts the platform
 * could not read are left out.
 */
public final class MemoryBreakdown {

    /** Growth below this is noise (a GC cycle, a JIT burst) and not shown. */
    public static final long NOTABLE_BYTES = 1024 * 1024;

    /** One part and its size (or growth) in bytes. */
    public record Part(String name, long bytes) {
    }

    private MemoryBreakdown() {
    }

    /** The parts of {@code s} that could be read, in a fixed order. */
    public static List<Part> parts(MemorySnapshot s) {
        List<Part> parts = new ArrayList<>(7);
        add(parts, "heap", s.heapTouchedBytes());
        add(parts, "metaspace", s.metaspaceUsed());
        add(parts, "code", s.codeCacheUsed());
        add(parts, "thread stacks", s.stackBytesEstimate());
        add(parts, "direct", s.directBytes());
        add(parts, "mapped", s.mappedBytes());
        add(parts, "other native", s.otherNativeBytes());
        return parts;
    }

    /**
     * How each part changed from {@code base} to {@code now}, largest growth first; parts that changed by
     * less than {@link #NOTABLE_BYTES} either way are left out.
     */
    public static List<Part> growth(MemorySnapshot base, MemorySnapshot now) {
        List<Part> before = parts(base);
        List<Part> after = parts(now);
        List<Part> growth = new ArrayList<>();
        for (Part a : after) {
            for (Part b : before) {
                if (a.name().equals(b.name()) && Math.abs(a.bytes() - b.bytes()) >= NOTABLE_BYTES) {
                    growth.add(new Part(a.name(), a.bytes() - b.bytes()));
                }
            }
        }
        growth.sort(Comparator.comparingLong(Part::bytes).reversed());
        return growth;
    }

    private static void add(List<Part> parts, String name, long bytes) {
        if (bytes >= 0) {
            parts.add(new Part(name, bytes));
        }
    }
}
