package dev.memdebug.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dev.memdebug.log.Decimal;
import dev.memdebug.log.Mb;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags that decide how much memory the JVM may take, read once for the header, and the check
 * that they fit the memory limit: the answer to "killed with exit 137 but no OutOfMemoryError", which is
 * nearly always a max heap (plus direct memory, metaspace and stacks) that the container cannot hold.
 * Immutable.
 *
 * @param maxHeapBytes       MaxHeapSize
 * @param maxHeapSetByUser   whether -Xmx / -XX:MaxHeapSize was given (else the JVM chose it)
 * @param maxRamPercentage   MaxRAMPercentage, the share of memory the JVM takes for the heap when it chooses
 * @param percentageSetByUser whether MaxRAMPercentage was given
 * @param gc                 the collector in use (G1, Parallel, Serial, ZGC, Shenandoah), or "?"
 * @param maxDirectBytes     MaxDirectMemorySize; 0 means "as large as the max heap"
 * @param stackBytes         ThreadStackSize in bytes; 0 means the platform default
 * @param maxMetaspaceBytes  MaxMetaspaceSize, or -1 for unlimited
 * @param nmt                NativeMemoryTracking (off, summary, detail)
 */
public record JvmFlags(long maxHeapBytes, boolean maxHeapSetByUser, double maxRamPercentage, boolean percentageSetByUser,
                       String gc, long maxDirectBytes, long stackBytes, long maxMetaspaceBytes, String nmt) {

    /** What the JVM needs beyond the heap and direct buffers at the least: metaspace, code, GC, threads, libc. */
    static final long MIN_NATIVE_BYTES = 96L * 1024 * 1024;

    /**
     * Reads the flags of this JVM; flags it does not know keep neutral values, and a JVM without the
     * HotSpot diagnostic bean (OpenJ9) gets the max heap alone. Never throws.
     */
    public static JvmFlags read() {
        HotSpotDiagnosticMXBean hs;
        try {
            hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            hs = null;
        }
        VMOption maxHeap = option(hs, "MaxHeapSize");
        VMOption percentage = option(hs, "MaxRAMPercentage");
        String gc = "?";
        for (String name : new String[] {"G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon"}) {
            VMOption use = option(hs, "Use" + name + "GC");
            if (use != null && "true".equals(use.getValue())) {
                gc = name.equals("Z") ? "ZGC" : name;
                break;
            }
        }
        long maxMetaspace = number(option(hs, "MaxMetaspaceSize"), -1);
        VMOption nmt = option(hs, "NativeMemoryTracking");
        return new JvmFlags(
                maxHeap != null ? number(maxHeap, -1) : Runtime.getRuntime().maxMemory(),
                setByUser(maxHeap),
                decimal(percentage),
                setByUser(percentage),
                gc,
                number(option(hs, "MaxDirectMemorySize"), 0),
                number(option(hs, "ThreadStackSize"), 0) * 1024,
                maxMetaspace <= 0 || maxMetaspace > (1L << 50) ? -1 : maxMetaspace,
                nmt != null ? nmt.getValue() : "off");
    }

    /** Whether Native Memory Tracking is on, so its summary can be read. */
    public boolean nmtOn() {
        return !nmt.isEmpty() && !nmt.equals("off");
    }

    /** The direct memory cap in effect: MaxDirectMemorySize, or the max heap when it is left at 0. */
    public long effectiveMaxDirectBytes() {
        return maxDirectBytes > 0 ? maxDirectBytes : maxHeapBytes;
    }

    /**
     * {@code max heap 128 MB (chosen by the JVM: MaxRAMPercentage 25% of the memory it saw) | GC G1 |
     * MaxDirectMemorySize 128 MB (default: = max heap) | thread stack 1024 KB (default) | MaxMetaspaceSize unlimited | NMT off}.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(200);
        b.append("max heap ").append(Mb.limit(maxHeapBytes));
        if (maxHeapSetByUser) {
            b.append(" (set by -Xmx)");
        } else {
            b.append(" (chosen by the JVM: MaxRAMPercentage ").append(percent(maxRamPercentage))
                    .append(percentageSetByUser ? "" : " (default)").append(" of the memory it saw)");
        }
        b.append(" | GC ").append(gc);
        b.append(" | MaxDirectMemorySize ").append(Mb.limit(effectiveMaxDirectBytes()))
                .append(maxDirectBytes > 0 ? "" : " (default: = max heap)");
        b.append(" | thread stack ").append(stackBytes > 0 ? stackBytes / 1024 + " KB" : "platform default");
        b.append(" | MaxMetaspaceSize ").append(maxMetaspaceBytes > 0 ? Mb.limit(maxMetaspaceBytes) : "unlimited");
        b.append(" | NMT ").append(nmt);
        return b.toString();
    }

    /**
     * Header warnings when these flags cannot fit {@code limitBytes}, each naming the flag to change and a
     * value that fits. {@code nativeNowBytes} is what the JVM holds outside the heap right now (non-heap
     * committed and thread stacks); at least {@link #MIN_NATIVE_BYTES} is assumed, since it only grows.
     */
    public List<String> warnings(long limitBytes, long nativeNowBytes) {
        List<String> out = new ArrayList<>(2);
        if (limitBytes <= 0 || maxHeapBytes <= 0) {
            return out;
        }
        long nativeBytes = Math.max(MIN_NATIVE_BYTES, nativeNowBytes);
        long heapRoom = limitBytes - nativeBytes;
        if (maxHeapBytes > heapRoom) {
            long suggested = Math.max(16, (long) (heapRoom * 0.85) / (1024 * 1024));
            out.add("⚠️ JVM SIZING: max heap " + Mb.limit(maxHeapBytes) + " + at least " + Mb.of(nativeBytes)
                    + " of native memory (metaspace, code, threads, GC) does not fit the " + Mb.limit(limitBytes)
                    + " limit: the kernel kills the JVM before the heap is full, with no OutOfMemoryError. "
                    + (maxHeapSetByUser ? "Lower -Xmx" : "Set -Xmx") + " to about -Xmx" + suggested + "m"
                    + " (or -XX:MaxRAMPercentage=" + Math.max(10, suggested * 100 * 1024 * 1024 / limitBytes) + ").");
        }
        long directRoom = heapRoom - maxHeapBytes;
        if (maxHeapBytes <= heapRoom && effectiveMaxDirectBytes() > directRoom) {
            long suggested = Math.max(16, (long) (Math.max(0, directRoom) * 0.85) / (1024 * 1024));
            out.add("⚠️ JVM SIZING: direct buffers may grow to " + Mb.limit(effectiveMaxDirectBytes())
                    + (maxDirectBytes > 0 ? "" : " (MaxDirectMemorySize defaults to the max heap)")
                    + ", beyond what the " + Mb.limit(limitBytes) + " limit leaves beside the heap: a buffer leak ends in a kill,"
                    + " not an OutOfMemoryError. Set -XX:MaxDirectMemorySize=" + suggested + "m.");
        }
        return out;
    }

    private static String percent(double p) {
        return p < 0 ? "?" : (p == Math.rint(p) ? String.valueOf((long) p) : Decimal.one(p)) + "%";
    }

    private static VMOption option(HotSpotDiagnosticMXBean hs, String name) {
        try {
            return hs == null ? null : hs.getVMOption(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double decimal(VMOption o) {
        try {
            return o == null ? -1 : Double.parseDouble(o.getValue());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean setByUser(VMOption o) {
        return o != null && (o.getOrigin() == VMOption.Origin.VM_CREATION || o.getOrigin() == VMOption.Origin.ENVIRON_VAR
                || o.getOrigin() == VMOption.Origin.CONFIG_FILE || o.getOrigin() == VMOption.Origin.ATTACH_ON_DEMAND);
    }

    private static long number(VMOption o, long fallback) {
        if (o == null) {
            return fallback;
        }
        try {
            return Long.parseLong(o.getValue());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
