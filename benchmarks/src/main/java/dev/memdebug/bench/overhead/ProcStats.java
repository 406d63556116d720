package dev.memdebug.bench.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} says about a running process, read from outside it so that measuring
 * costs the process nothing. Linux only.
 */
final class ProcStats {

    /** {@code utime} and {@code stime} are in clock ticks; USER_HZ is 100 on every Linux architecture we run. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path proc;

    ProcStats(long pid) {
        this.proc = Path.of("/proc", Long.toString(pid));
    }

    /** Peak resident set size so far ({@code VmHWM}), in bytes. */
    long peakRssBytes() throws IOException {
        return statusKb("VmHWM:") * 1024;
    }

    /** Resident set size now ({@code VmRSS}), in bytes. */
    long rssBytes() throws IOException {
        return statusKb("VmRSS:") * 1024;
    }

    /** User plus system CPU time of all the process's threads so far, in seconds. */
    double cpuSeconds() throws IOException {
        String[] fields = afterCommand(Files.readString(proc.resolve("stat")));
        // Fields after "(comm)": state is [0], utime is [11], stime is [12] (stat fields 14 and 15).
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU time, in nanoseconds, of the thread whose name starts with {@code namePrefix} (the kernel keeps
     * 15 characters of a Java thread's name), from {@code schedstat}, which counts nanoseconds, not ticks;
     * -1 if there is no such thread.
     */
    long threadCpuNanos(String namePrefix) throws IOException {
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException threadEnded) {
                    continue;
                }
                if (namePrefix.startsWith(name) || name.startsWith(namePrefix)) {
                    return Long.parseLong(Files.readString(task.resolve("schedstat")).strip().split("\\s+")[0]);
                }
            }
        }
        return -1;
    }

    private long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in " + proc.resolve("status"));
    }

    /** The fields of a {@code stat} line after the command name, which may itself contain spaces. */
    private static String[] afterCommand(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).strip().split("\\s+");
    }
}
