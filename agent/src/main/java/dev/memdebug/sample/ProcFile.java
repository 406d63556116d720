package dev.memdebug.sample;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Reads small kernel files ({@code /proc}, cgroupfs) into a reused buffer and parses numbers from the
 * bytes, so a check every 100 ms allocates next to nothing. Each read reopens the file: kernel files
 * are generated on open and read, and a kept descriptor would not see a cgroup being replaced.
 *
 * <p>Thread-safety: not thread-safe; one instance per reading thread.
 */
final class ProcFile {

    private final byte[] buffer;
    private int length;

    ProcFile(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** Reads the file; returns the number of bytes read, or -1 if it cannot be read. */
    int read(Path path) {
        length = -1;
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            int n = 0;
            int r;
            while (n < buffer.length && (r = f.read(buffer, n, buffer.length - n)) > 0) {
                n += r;
            }
            length = n;
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return length;
    }

    /** The first number in the content (e.g. {@code memory.current}); -1 if none; {@link Long#MAX_VALUE} for {@code max}. */
    long firstLong() {
        int i = 0;
        while (i < length && (buffer[i] == ' ' || buffer[i] == '\n')) {
            i++;
        }
        if (i + 2 < length && buffer[i] == 'm' && buffer[i + 1] == 'a' && buffer[i + 2] == 'x') {
            return Long.MAX_VALUE;
        }
        return parseAt(i);
    }

    /** The {@code index}-th (0-based) whitespace-separated number of the first line ({@code statm}). */
    long field(int index) {
        int i = 0;
        for (int f = 0; f < index; f++) {
            while (i < length && buffer[i] != ' ') {
                i++;
            }
            while (i < length && buffer[i] == ' ') {
                i++;
            }
        }
        return parseAt(i);
    }

    /**
     * The number after the line key {@code key} ({@code "oom_kill"} in {@code oom_kill 3}, {@code "VmRSS:"} in
     * {@code VmRSS:  1234 kB}); -1 if absent. The key must start a line.
     */
    long keyed(String key) {
        int k = key.length();
        for (int line = 0; line < length; ) {
            boolean match = line + k < length;
            for (int j = 0; match && j < k; j++) {
                match = buffer[line + j] == key.charAt(j);
            }
            if (match && (buffer[line + k] == ' ' || buffer[line + k] == '\t' || key.endsWith(":"))) {
                int i = line + k;
                while (i < length && (buffer[i] == ' ' || buffer[i] == '\t')) {
                    i++;
                }
                return parseAt(i);
            }
            while (line < length && buffer[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private long parseAt(int i) {
        if (i >= length || buffer[i] < '0' || buffer[i] > '9') {
            return -1;
        }
        long v = 0;
        while (i < length && buffer[i] >= '0' && buffer[i] <= '9') {
            v = v * 10 + (buffer[i] - '0');
            i++;
        }
        return v;
    }
}
