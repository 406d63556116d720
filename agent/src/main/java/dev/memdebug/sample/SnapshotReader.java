package dev.memdebug.sample;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the figures of a {@link MemorySnapshot} from the cgroup, {@code /proc/self} and the JVM's MXBeans.
 * {@link #usedBytes()} is the cheap check the monitor makes every tick (one small file read); {@link #read}
 * is the full picture, taken only when an event is written.
 *
 * <p>Thread-safety: one thread (the monitor). Never throws; figures it cannot read are -1.
 */
public final class SnapshotReader {

    private static final long DEFAULT_STACK_BYTES = 1024 * 1024;

    private final CgroupMemory cgroup;
    private final ProcessMemory process;
    private final HostMemory host;
    private final MemoryLimit limit;
    private final Supplier<List<MetricValue>> metrics;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> metaspacePools = new ArrayList<>();
    private final List<MemoryPoolMXBean> codePools = new ArrayList<>();
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<BufferPoolMXBean> bufferPools;
    private final long stackBytes;
    private MemorySnapshot baseline;

    public SnapshotReader(CgroupMemory cgroup, ProcessMemory process, HostMemory host, MemoryLimit limit,
                          Supplier<List<MetricValue>> metrics) {
        this.cgroup = cgroup;
        this.process = process;
        this.host = host;
        this.limit = limit;
        this.metrics = metrics;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
                continue;
            }
            String name = pool.getName();
            if (name.equals("Metaspace")) {
                metaspacePools.add(pool);
            } else if (name.startsWith("CodeHeap") || name.equals("Code Cache")) {
                codePools.add(pool);
            }
        }
        this.bufferPools = bufferPools();
        this.stackBytes = threadStackSize();
    }

    /**
     * The direct and mapped buffer pools, or none. {@code getPlatformMXBeans} initialises a JDK class that,
     * once its initialiser has failed (an app that filled the heap while the agent started), throws
     * {@link NoClassDefFoundError} for the rest of the run: the agent then does without buffer figures
     * rather than without a log.
     */
    private static List<BufferPoolMXBean> bufferPools() {
        try {
            return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    public MemoryLimit limit() {
        return limit;
    }

    /** The process RSS, or -1 where {@code /proc} is missing. One file read. */
    public long rssBytes() {
        return process.rssBytes();
    }

    /** The JVM's heap in use now. */
    public long heapUsedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The thread stack size the estimate uses: -Xss / ThreadStackSize, else 1 MB. */
    public long stackBytes() {
        return stackBytes;
    }

    /**
     * The figure compared with the limit: the cgroup's working set when the cgroup enforces the limit,
     * else the process RSS, else (no {@code /proc}) the JVM's committed memory. One file read.
     */
    public long usedBytes() {
        if (limit.fromCgroup()) {
            long ws = cgroup.workingSetBytes();
            if (ws >= 0) {
                return ws;
            }
        }
        long rss = process.rssBytes();
        if (rss >= 0) {
            return rss;
        }
        return jvmCommitted();
    }

    /**
     * A full snapshot; {@code usedBytes} is the figure the caller just checked, so both agree. The first
     * snapshot read becomes the baseline that every later one carries, so blocks can show what grew.
     */
    public MemorySnapshot read(long timeMillis, long usedBytes) {
        MemorySnapshot s = readFigures(timeMillis, usedBytes);
        if (baseline == null) {
            baseline = s;
            return s;
        }
        return s.withBaseline(baseline);
    }

    private MemorySnapshot readFigures(long timeMillis, long usedBytes) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long direct = -1;
        long mapped = -1;
        for (BufferPoolMXBean pool : bufferPools) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            } else if (pool.getName().equals("mapped")) {
                mapped = pool.getMemoryUsed();
            }
        }
        int threadCount = process.available() ? process.threadCount() : -1;
        if (threadCount < 0) {
            threadCount = threads.getThreadCount();
        }
        long containerUsage = cgroup.limitBytes() > 0 || limit.fromCgroup() ? cgroup.workingSetBytes() : -1;
        long available = limit.bytes() - usedBytes;
        if (limit.fromPhysicalMemory()) {
            long hostAvailable = host.availableBytes();
            if (hostAvailable >= 0) {
                available = hostAvailable;
            }
        }
        return new MemorySnapshot(
                timeMillis,
                usedBytes,
                limit.bytes(),
                process.rssBytes(),
                process.virtualBytes(),
                containerUsage,
                Math.max(0, available),
                heap.getUsed(),
                heap.getCommitted(),
                heap.getMax(),
                sumUsed(metaspacePools),
                sumUsed(codePools),
                nonHeap.getCommitted(),
                direct,
                mapped,
                threadCount,
                threadCount * stackBytes,
                process.available() ? process.openFileCount() : -1,
                metrics.get(),
                heapTouched(heap.getCommitted()),
                null);
    }

    private long heapTouched(long committed) {
        if (heapPools.isEmpty()) {
            return committed;
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage u = pool.getPeakUsage();
            peak += u == null ? 0 : u.getUsed();
        }
        return Math.min(committed, peak);
    }

    private long jvmCommitted() {
        return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    }

    private static long sumUsed(List<MemoryPoolMXBean> pools) {
        if (pools.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (MemoryPoolMXBean pool : pools) {
            sum += pool.getUsage().getUsed();
        }
        return sum;
    }

    private static long threadStackSize() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xss") || arg.startsWith("-XX:ThreadStackSize=")) {
                try {
                    String v = arg.startsWith("-Xss") ? arg.substring(4) : arg.substring(20) + "k";
                    return dev.memdebug.config.ValueParser.parseSize(v);
                } catch (IllegalArgumentException ignored) {
                    return DEFAULT_STACK_BYTES;
                }
            }
        }
        return DEFAULT_STACK_BYTES;
    }
}
