package dev.memdebug.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an earlier run's {@link OperationJournal} holds, read once at start-up before this run empties the
 * file. Immutable.
 *
 * @param pid     the PID its header names, or -1 if the header is unreadable
 * @param entries its intact operations, oldest first
 * @param torn    slots skipped because their checksum did not match (written while the kill landed, or
 *                by two threads at once)
 */
public record PreviousJournal(long pid, List<Entry> entries, int torn) {

    /**
     * One operation line.
     *
     * @param sequence  its number within that run
     * @param timestamp local time as written, {@code 2026-11-26 05:59:44.123}
     * @param operation as the log lists it: {@code Chunk - 151.2 MB - op 85}
     */
    public record Entry(long sequence, String timestamp, String operation) implements Comparable<Entry> {

        /** Oldest first (a plain comparison, not a comparator lambda: this is read at start-up). */
        @Override
        public int compareTo(Entry other) {
            return Long.compare(sequence, other.sequence);
        }

        /** {@code [05:59:44] Chunk - 151.2 MB - op 85}, as the log's operation lists show it. */
        public String asLogged() {
            String clock = timestamp.length() >= 19 ? timestamp.substring(11, 19) : timestamp;
            return "[" + clock + "] " + operation;
        }
    }

    /** The journal at {@code path}, or {@code null} if there is none (or it is empty). */
    public static PreviousJournal read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < OperationJournal.SLOT_BYTES) {
            return null;
        }
        return parse(bytes);
    }

    static PreviousJournal parse(byte[] bytes) {
        int slot = OperationJournal.SLOT_BYTES;
        String header = new String(bytes, 0, slot, StandardCharsets.UTF_8);
        long pid = -1;
        if (header.startsWith(OperationJournal.HEADER_PREFIX)) {
            int from = OperationJournal.HEADER_PREFIX.length();
            int to = from;
            while (to < header.length() && Character.isDigit(header.charAt(to))) {
                to++;
            }
            if (to > from) {
                pid = Long.parseLong(header.substring(from, to));
            }
        }
        List<Entry> entries = new ArrayList<>();
        int torn = 0;
        for (int at = slot; at + slot <= bytes.length; at += slot) {
            if (bytes[at] == ' ' && bytes[at + slot - 1] == '\n' && blank(bytes, at, slot - 1)) {
                continue;
            }
            Entry e = entry(bytes, at);
            if (e == null) {
                torn++;
            } else {
                entries.add(e);
            }
        }
        entries.sort(null);
        return new PreviousJournal(pid, List.copyOf(entries), torn);
    }

    private static Entry entry(byte[] bytes, int at) {
        int slot = OperationJournal.SLOT_BYTES;
        if (bytes[at + slot - 1] != '\n' || !OperationJournal.checksumMatches(bytes, at)) {
            return null;
        }
        String line = new String(bytes, at, OperationJournal.checksumAt(), StandardCharsets.UTF_8).stripTrailing();
        int space = line.indexOf(' ');
        int bar = line.indexOf(" | ");
        if (space != 10 || bar < space) {
            return null;
        }
        try {
            return new Entry(Long.parseLong(line.substring(0, space)), line.substring(space + 1, bar), line.substring(bar + 3));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The newest {@code n} operations, oldest first. */
    public List<Entry> last(int n) {
        return entries.subList(Math.max(0, entries.size() - n), entries.size());
    }
}
