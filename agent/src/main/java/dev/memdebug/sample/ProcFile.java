package dev.memdebug.sample;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Reads small kernel files ({@code /proc}, cgroupfs) into a reused buffer and parses numbers from the
 * bytes, without creating Strings.
 *
 * <p>Each {@link #read} opens and closes the file. Reopening is not what makes new values visible (a
 * kept descriptor sees them after a seek to 0; checked on cgroup v1 {@code memory.usage_in_bytes} and
 * {@code /proc/self/statm}); it is done so that no descriptor of the host application stays open
 * between samples, a removed cgroup is not kept alive by it, and a failed read recovers on the next
 * one. A read allocates the file handle (a few small objects) and nothing else.
 *
 * <p>Content beyond the buffer's capacity is not read: size the buffer for the file.
 *
 * <p>Thread-safety: not thread-safe; one instance per reading thread.
 */
final class ProcFile {

    /** What the parsers return for {@code max} (cgroup v2's "no limit") and for numbers beyond a long. */
    static final long MAX = Long.MAX_VALUE;

    private final byte[] buffer;
    private int length = -1;
    private String problem;
    private File problemFile;
    private String problemKey;

    ProcFile(int capacity) {
        this.buffer = new byte[capacity];
    }

    /**
     * Reads {@code file} into the buffer.
     *
     * @return the number of bytes read, or -1 when the file cannot be read (see {@link #problem()})
     */
    int read(File file) {
        length = -1;
        try (RandomAccessFile f = new RandomAccessFile(file, "r")) {
            int n = 0;
            int r;
            while (n < buffer.length && (r = f.read(buffer, n, buffer.length - n)) > 0) {
                n += r;
            }
            length = n;
        } catch (IOException | SecurityException e) {
            remember(file, null, e);
        }
        return length;
    }

    /** Reads {@code file} and returns its first number ({@link #parseFirstLong}); -1 when unreadable. */
    long readFirstLong(File file) {
        return read(file) < 0 ? -1 : parseFirstLong(buffer, length);
    }

    /** Reads {@code file} and returns the {@code index}-th field ({@link #parseField}); -1 when unreadable. */
    long readField(File file, int index) {
        return read(file) < 0 ? -1 : parseField(buffer, length, index);
    }

    /** Reads {@code file} and returns the number after {@code key} ({@link #parseKeyedLong}); -1 when unreadable or absent. */
    long readKeyedLong(File file, String key) {
        if (read(file) < 0) {
            return -1;
        }
        long v = parseKeyedLong(buffer, length, key);
        if (v < 0) {
            remember(file, key, null);
        }
        return v;
    }

    /** The number after {@code key} in the content read last, without reading again. */
    long keyed(String key) {
        return parseKeyedLong(buffer, length, key);
    }

    /**
     * The most recent problem, e.g. {@code cannot read /proc/self/statm (No such file or directory)} or
     * {@code no oom_kill in /sys/fs/cgroup/memory/memory.oom_control}; kept after later reads succeed;
     * {@code null} if there was none. A String is made only when the problem differs from the last one.
     */
    String problem() {
        return problem;
    }

    private void remember(File file, String key, Exception e) {
        if (problemFile == file && problemKey == key && problem != null) {
            return;
        }
        problemFile = file;
        problemKey = key;
        if (key != null) {
            problem = "no " + key + " in " + file;
        } else {
            String message = e.getMessage();
            problem = "cannot read " + (message == null || !message.contains(file.getPath()) ? file + " (" + e + ")" : message);
        }
    }

    /**
     * The number the content starts with, after blanks: {@code memory.current}, {@code memory.max}.
     *
     * @return the number, {@link #MAX} for {@code max} or a number beyond a long, -1 when there is none
     *         (also when {@code length} is negative)
     */
    static long parseFirstLong(byte[] bytes, int length) {
        int i = 0;
        while (i < length && (isBlank(bytes[i]) || bytes[i] == '\n')) {
            i++;
        }
        return parseAt(bytes, length, i);
    }

    /**
     * The {@code index}-th (from 0) space-separated number of the first line, as in {@code statm}
     * ({@code 2243608 23428 8016 1 0 128772 0}).
     *
     * @return the number, {@link #MAX} beyond a long, -1 when there is no such number
     */
    static long parseField(byte[] bytes, int length, int index) {
        int i = 0;
        for (int field = 0; field < index; field++) {
            while (i < length && bytes[i] == ' ') {
                i++;
            }
            while (i < length && bytes[i] != ' ' && bytes[i] != '\n') {
                i++;
            }
        }
        return parseAt(bytes, length, i);
    }

    /**
     * The number after {@code key} on the line that starts with it, as in {@code oom_kill 3}
     * ({@code memory.events}), {@code total_inactive_file 4096} ({@code memory.stat}) or
     * {@code VmRSS:    1234 kB} ({@code /proc/self/status}, key {@code "VmRSS:"}). The key must be
     * followed by a space or tab, so {@code oom} does not match {@code oom_kill} and {@code oom_kill} does
     * not match {@code oom_kill_disable}. Keys are ASCII.
     *
     * @return the number, {@link #MAX} for {@code max} or beyond a long, -1 when the key or its number is
     *         missing
     */
    static long parseKeyedLong(byte[] bytes, int length, String key) {
        int k = key.length();
        int line = 0;
        while (line < length) {
            if (line + k < length && startsWith(bytes, line, key) && isBlank(bytes[line + k])) {
                return parseAt(bytes, length, line + k);
            }
            while (line < length && bytes[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, String key) {
        for (int j = 0; j < key.length(); j++) {
            if (bytes[at + j] != key.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static long parseAt(byte[] bytes, int length, int from) {
        int i = from;
        while (i < length && isBlank(bytes[i])) {
            i++;
        }
        if (i + 2 < length && bytes[i] == 'm' && bytes[i + 1] == 'a' && bytes[i + 2] == 'x') {
            return MAX;
        }
        if (i >= length || bytes[i] < '0' || bytes[i] > '9') {
            return -1;
        }
        long v = 0;
        while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
            int digit = bytes[i] - '0';
            if (v > (Long.MAX_VALUE - digit) / 10) {
                return MAX;
            }
            v = v * 10 + digit;
            i++;
        }
        return v;
    }
}
