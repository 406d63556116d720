package dev.memdebug.ops;

import dev.memdebug.log.LocalClock;
import dev.memdebug.log.Mb;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last operations, written by the app's own threads at the call into a small memory-mapped file
 * beside the log ({@code memory_debug.ops}), so they survive a kill that lands while the agent's
 * monitor thread cannot run.
 *
 * <p>Why: near an OOM kill the whole JVM can stall (a young collection that promotes a whole eden, the
 * kernel reclaiming pages) right after a hooked call entered; the monitor, which drains the
 * {@link OperationQueue} and writes the log, then never gets to name that call. A store into a
 * {@code MAP_SHARED} file mapping needs no system call and no other thread: the bytes are in the
 * kernel's page cache the moment the store retires, and the page cache outlives the process. The next
 * start reads the file back ({@link PreviousJournal}) into its restart marker.
 *
 * <p>Layout: plain UTF-8 text, one line per slot, every slot {@link #SLOT_BYTES} long. Line 0 is a
 * header naming the PID; each further slot holds one operation:
 * <pre>{@code 0000000085 2026-11-26 05:59:44.123 | Chunk - 151.2 MB - op 85          3f}</pre>
 * a ten-digit sequence number, local time, the operation as the log lists it, padding, and two hex
 * digits of checksum (the byte sum of everything before them), so a slot overwritten while a kill
 * landed or while two threads raced for it is recognised and skipped by the reader. Slots are reused
 * round-robin; {@code sort memory_debug.ops | tail} shows the newest in order.
 *
 * <p>Thread-safety: {@link #record} may be called by any number of threads at once. It takes no lock,
 * makes no system call, and allocates nothing after the calling thread's first call (one scratch line
 * per thread). It can take a page fault: the first store to a page after the kernel wrote it back. It
 * never throws.
 */
public final class OperationJournal {

    /** Length of every line, newline included. */
    public static final int SLOT_BYTES = 200;
    /** Operations kept; slot 0 is the header. */
    public static final int DEFAULT_SLOTS = 128;
    static final String HEADER_PREFIX = "# memdebug operation journal | PID ";
    private static final int CHECKSUM_AT = SLOT_BYTES - 3;
    /** Text stops here; one space stays between it and the checksum. */
    private static final int CONTENT_END = CHECKSUM_AT - 1;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELLIPSIS = "...".getBytes(StandardCharsets.US_ASCII);
    /** "00", "01" ... "99": two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final Path path;
    private final MappedByteBuffer map;
    private final int slots;
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[SLOT_BYTES]);
    private final LocalClock clock;

    private OperationJournal(Path path, MappedByteBuffer map, int slots, ZoneId zone) {
        this.path = path;
        this.map = map;
        this.slots = slots;
        this.clock = new LocalClock(zone);
    }

    /**
     * Creates (or empties) the journal at {@code path} for this process, with room for {@code operations}
     * operations, and maps it. Every page is written through the mapping here, so the app's threads find
     * them resident.
     */
    public static OperationJournal create(Path path, long pid, long startMillis, int operations, ZoneId zone) throws IOException {
        int slots = operations + 1;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MappedByteBuffer map;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            map = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) slots * SLOT_BYTES);
        }
        OperationJournal journal = new OperationJournal(path, map, slots, zone);
        byte[] blank = new byte[SLOT_BYTES];
        java.util.Arrays.fill(blank, (byte) ' ');
        blank[SLOT_BYTES - 1] = '\n';
        for (int i = 1; i < slots; i++) {
            map.put(i * SLOT_BYTES, blank, 0, SLOT_BYTES);
        }
        String header = HEADER_PREFIX + pid + " | started " + journal.clock.dateTime(startMillis) + " | the newest " + operations + " operations, written by the app's threads";
        byte[] line = new byte[SLOT_BYTES];
        int n = text(line, 0, header);
        java.util.Arrays.fill(line, n, SLOT_BYTES - 1, (byte) ' ');
        line[SLOT_BYTES - 1] = '\n';
        map.put(0, line, 0, SLOT_BYTES);
        return journal;
    }

    public Path path() {
        return path;
    }

    /**
     * Writes one operation as the log lists it: {@code label - 151.2 MB - context}. Any thread; see the
     * class comment for the cost.
     *
     * @param label        the operation's label, already UTF-8 encoded (hooks encode theirs once)
     * @param memoryBytes  the memory figure current at the call, or negative if unknown
     * @param context      the rendered context, or {@code null}
     */
    public void record(long timeMillis, byte[] label, long memoryBytes, String context) {
        try {
            byte[] line = scratch.get();
            long seq = sequence.incrementAndGet();
            int n = digits(line, 0, seq, 10);
            line[n++] = ' ';
            n = clock.write(line, n, timeMillis, true);
            line[n++] = ' ';
            line[n++] = '|';
            line[n++] = ' ';
            n = bytes(line, n, label);
            n = ascii(line, n, " - ");
            n = megabytes(line, n, memoryBytes);
            if (context != null && !context.isEmpty()) {
                n = ascii(line, n, " - ");
                n = text(line, n, context);
            }
            int sum = (CHECKSUM_AT - n) * ' ';
            for (int i = 0; i < n; i++) {
                sum += line[i];
            }
            java.util.Arrays.fill(line, n, CHECKSUM_AT, (byte) ' ');
            line[CHECKSUM_AT] = HEX[(sum >> 4) & 0xf];
            line[CHECKSUM_AT + 1] = HEX[sum & 0xf];
            line[SLOT_BYTES - 1] = '\n';
            int slot = 1 + (int) ((seq - 1) % (slots - 1));
            map.put(slot * SLOT_BYTES, line, 0, SLOT_BYTES);
        } catch (Throwable ignored) {
            // Contract: never throws into the app. A lost journal line leaves the log's own record.
        }
    }

    /** The checksum a reader compares: the low byte of the sum of the line's first bytes, in two hex digits. */
    static boolean checksumMatches(byte[] slot, int from) {
        int sum = 0;
        for (int i = 0; i < CHECKSUM_AT; i++) {
            sum += slot[from + i];
        }
        return slot[from + CHECKSUM_AT] == HEX[(sum >> 4) & 0xf] && slot[from + CHECKSUM_AT + 1] == HEX[sum & 0xf];
    }

    static int checksumAt() {
        return CHECKSUM_AT;
    }

    /** One decimal, as {@code Mb.of} writes it: {@code 151.2 MB}, or {@code ? MB}. */
    private static int megabytes(byte[] line, int n, long bytes) {
        if (bytes < 0) {
            return ascii(line, n, "? MB");
        }
        long tenths = Mb.tenths(bytes);
        n = digits(line, n, tenths / 10, 1);
        line[n++] = '.';
        line[n++] = (byte) ('0' + tenths % 10);
        return ascii(line, n, " MB");
    }

    /** {@code value} (not negative) in decimal, zero-padded to {@code width}; never past the checksum. */
    static int digits(byte[] line, int n, long value, int width) {
        if (value > Integer.MAX_VALUE) {
            // Only a sequence number past two billion: split so the hot path stays in int arithmetic.
            n = digits(line, n, value / 1_000_000_000L, Math.max(1, width - 9));
            return digits(line, n, value % 1_000_000_000L, 9);
        }
        int v = (int) Math.max(0, value);
        int count = Math.max(width, decimalLength(v));
        if (n + count > CONTENT_END) {
            return n;
        }
        int i = n + count;
        while (v >= 100) {
            int pair = (v % 100) * 2;
            v /= 100;
            line[--i] = PAIRS[pair + 1];
            line[--i] = PAIRS[pair];
        }
        if (v >= 10) {
            line[--i] = PAIRS[v * 2 + 1];
            line[--i] = PAIRS[v * 2];
        } else {
            line[--i] = (byte) ('0' + v);
        }
        while (i > n) {
            line[--i] = '0';
        }
        return n + count;
    }

    private static int decimalLength(int v) {
        int length = 1;
        for (int bound = 10; length < 10 && v >= bound; bound *= 10) {
            length++;
        }
        return length;
    }

    private static int ascii(byte[] line, int n, String s) {
        for (int i = 0; i < s.length() && n < CONTENT_END; i++) {
            line[n++] = (byte) s.charAt(i);
        }
        return n;
    }

    private static int bytes(byte[] line, int n, byte[] src) {
        int len = Math.min(src.length, CONTENT_END - n);
        System.arraycopy(src, 0, line, n, len);
        return n + len;
    }

    /**
     * {@code s} as UTF-8, line breaks and tabs as spaces; cut with {@code ...} at a character boundary
     * when it does not fit before the checksum.
     */
    private static int text(byte[] line, int n, String s) {
        int stop = utf8Length(s) <= CONTENT_END - n ? CONTENT_END : CONTENT_END - ELLIPSIS.length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            int width = pair ? 4 : width(c);
            if (n + width > stop) {
                System.arraycopy(ELLIPSIS, 0, line, n, ELLIPSIS.length);
                return n + ELLIPSIS.length;
            }
            if (pair) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                line[n++] = (byte) (0xf0 | cp >> 18);
                line[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
                line[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
                line[n++] = (byte) (0x80 | cp & 0x3f);
            } else if (width == 1) {
                line[n++] = (byte) (c < 0x80 && c >= ' ' ? c : c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
            } else if (width == 2) {
                line[n++] = (byte) (0xc0 | c >> 6);
                line[n++] = (byte) (0x80 | c & 0x3f);
            } else {
                line[n++] = (byte) (0xe0 | c >> 12);
                line[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                line[n++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return n;
    }

    /** Bytes of one UTF-16 unit in UTF-8; a lone surrogate is written as one {@code ?}. */
    private static int width(char c) {
        return c < 0x80 || Character.isSurrogate(c) ? 1 : c < 0x800 ? 2 : 3;
    }

    private static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += width(c);
            }
        }
        return length;
    }
}
