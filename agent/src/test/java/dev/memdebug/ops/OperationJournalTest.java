package dev.memdebug.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationJournalTest {

    private static final long MB = 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @TempDir
    Path dir;

    private static byte[] label(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachOperationIsOneFixedWidthLineReadableAsTheLogListsIt() throws Exception {
        Path file = dir.resolve("memory_debug.ops");
        ZoneId zone = ZoneId.of("Europe/Berlin");
        OperationJournal journal = OperationJournal.create(file, 4242, 0, 8, zone);
        long t = Instant.parse("2026-11-26T04:59:44.123Z").toEpochMilli();
        journal.record(t, label("Session Created"), (long) (456.2 * MB), "User 77777 - Total sessions: 4");
        journal.record(t + 1000, label("Download Started"), -1, null);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(9, lines.size(), "header and eight slots");
        assertTrue(lines.get(0).startsWith("# memdebug operation journal | PID 4242 | started 1970-01-01 01:00"), lines.get(0));
        assertTrue(lines.get(1).matches("0000000001 2026-11-26 05:59:44\\.123 \\| Session Created - 456\\.2 MB - User 77777 - Total sessions: 4 +[0-9a-f]{2}"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("0000000002 2026-11-26 05:59:45.123 | Download Started - ? MB "), lines.get(2));
        assertEquals("", lines.get(3).strip(), "unused slots are blank");
        assertEquals((long) 9 * OperationJournal.SLOT_BYTES, Files.size(file));

        PreviousJournal read = PreviousJournal.read(file);
        assertEquals(4242, read.pid());
        assertEquals(0, read.torn());
        assertEquals(List.of("[05:59:44] Session Created - 456.2 MB - User 77777 - Total sessions: 4",
                "[05:59:45] Download Started - ? MB"), read.last(5).stream().map(PreviousJournal.Entry::asLogged).toList());
    }

    @Test
    void theRingKeepsTheNewestAndTheReaderOrdersThemBySequence() throws Exception {
        Path file = dir.resolve("ring.ops");
        OperationJournal journal = OperationJournal.create(file, 1, 0, 4, ZoneId.of("UTC"));
        for (int i = 1; i <= 11; i++) {
            journal.record(i * 1000L, label("Op"), i * MB, "n " + i);
        }
        PreviousJournal read = PreviousJournal.read(file);
        assertEquals(List.of(8L, 9L, 10L, 11L), read.entries().stream().map(PreviousJournal.Entry::sequence).toList());
        assertEquals(List.of("Op - 10.0 MB - n 10", "Op - 11.0 MB - n 11"), read.last(2).stream().map(PreviousJournal.Entry::operation).toList());
    }

    @Test
    void timestampsMatchTheJdksFormattingAcrossZonesAndTransitions() throws Exception {
        Random random = new Random(7);
        for (String zoneName : List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata")) {
            ZoneId zone = ZoneId.of(zoneName);
            Path file = dir.resolve(zoneName.replace('/', '_') + ".ops");
            OperationJournal journal = OperationJournal.create(file, 1, 0, 200, zone);
            List<Long> times = new ArrayList<>();
            // Around the 2026 spring and autumn transitions, and anywhere from 1970 to 2100, in one journal: the
            // cached offset must follow the clock both ways.
            long march = Instant.parse("2026-03-29T00:59:59.500Z").toEpochMilli();
            long october = Instant.parse("2026-10-25T00:59:59.500Z").toEpochMilli();
            for (int i = 0; i < 40; i++) {
                times.add(march + i * 100L);
                times.add(october + i * 100L);
                times.add(Math.floorMod(random.nextLong(), 4_102_444_800_000L));
            }
            for (int i = 0; i < times.size(); i++) {
                journal.record(times.get(i), label("T"), 0, Integer.toString(i));
            }
            PreviousJournal read = PreviousJournal.read(file);
            assertEquals(times.size(), read.entries().size());
            for (PreviousJournal.Entry e : read.entries()) {
                long time = times.get(Integer.parseInt(e.operation().substring(e.operation().lastIndexOf(' ') + 1)));
                assertEquals(STAMP.format(Instant.ofEpochMilli(time).atZone(zone)), e.timestamp(), zoneName + " at " + time);
            }
        }
    }

    @Test
    void numbersAreWrittenZeroPaddedAtAnySize() {
        long[] values = {0, 7, 10, 99, 100, 12_345, 999_999_999, Integer.MAX_VALUE, 2_147_483_648L, 3_000_000_007L, 98_765_432_109L};
        for (long v : values) {
            for (int width : new int[] {1, 2, 4, 10}) {
                byte[] line = new byte[64];
                int end = OperationJournal.digits(line, 3, v, width);
                String expected = String.format("%0" + width + "d", v);
                assertEquals(expected, new String(line, 3, end - 3, StandardCharsets.US_ASCII), v + " width " + width);
            }
        }
    }

    @Test
    void megabytesAreRoundedAsTheLogRoundsThem() throws Exception {
        Path file = dir.resolve("mb.ops");
        OperationJournal journal = OperationJournal.create(file, 1, 0, 64, ZoneId.of("UTC"));
        long[] sizes = {0, 1, 52_428, 52_429, MB - 1, MB, 10 * MB + 104_857, 10 * MB + 104_858, 480 * MB, 123_456_789_012L};
        for (long size : sizes) {
            journal.record(0, label("M"), size, null);
        }
        List<PreviousJournal.Entry> entries = PreviousJournal.read(file).entries();
        for (int i = 0; i < sizes.length; i++) {
            String expected = String.format(java.util.Locale.ROOT, "M - %.1f MB", sizes[i] / (double) MB);
            assertEquals(expected, entries.get(i).operation(), "size " + sizes[i]);
        }
    }

    @Test
    void longOrUnusualContextIsCutAtACharacterBoundaryAndStaysOnOneLine() throws Exception {
        Path file = dir.resolve("text.ops");
        OperationJournal journal = OperationJournal.create(file, 1, 0, 8, ZoneId.of("UTC"));
        String emoji = "🚀".repeat(100);
        journal.record(0, label("Emoji"), 0, emoji);
        journal.record(0, label("Lines"), 0, "a\nb\r\tc\u0001d");
        journal.record(0, label("Umlaut"), 0, "Grüße " + "ä".repeat(200));
        journal.record(0, label("Surrogate"), 0, "x\uD800y");
        journal.record(0, label("Exact"), 0, "z".repeat(142));
        journal.record(0, label("Exact"), 0, "z".repeat(143));

        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(9, lines.size(), "no context adds a line");
        for (int i = 1; i < lines.size(); i++) {
            assertEquals(OperationJournal.SLOT_BYTES - 1, lines.get(i).getBytes(StandardCharsets.UTF_8).length,
                    "valid UTF-8 of the slot's width: " + lines.get(i));
        }
        assertTrue(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).length() > 0);
        List<String> ops = PreviousJournal.read(file).entries().stream().map(PreviousJournal.Entry::operation).toList();
        assertTrue(ops.get(0).startsWith("Emoji - 0.0 MB - 🚀🚀") && ops.get(0).endsWith("🚀..."), ops.get(0));
        assertEquals("Lines - 0.0 MB - a b  c?d", ops.get(1));
        assertTrue(ops.get(2).startsWith("Umlaut - 0.0 MB - Grüße ää") && ops.get(2).endsWith("ä..."), ops.get(2));
        assertEquals("Surrogate - 0.0 MB - x?y", ops.get(3));
        assertEquals("Exact - 0.0 MB - " + "z".repeat(142), ops.get(4), "what fits to the last byte is not cut");
        assertEquals("Exact - 0.0 MB - " + "z".repeat(139) + "...", ops.get(5), "one byte more is");
    }

    @Test
    void aSlotTornByTheKillIsSkippedAndCounted() throws Exception {
        Path file = dir.resolve("torn.ops");
        OperationJournal journal = OperationJournal.create(file, 9, 0, 4, ZoneId.of("UTC"));
        journal.record(1000, label("First"), MB, "ok");
        journal.record(2000, label("Second"), MB, "about to be torn");
        byte[] bytes = Files.readAllBytes(file);
        // The second slot half overwritten by a third record when the process died.
        byte[] third = "0000000003 1970-01-01 00:00:03.000 | Third".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(third, 0, bytes, 2 * OperationJournal.SLOT_BYTES, third.length);
        PreviousJournal read = PreviousJournal.parse(bytes);
        assertEquals(1, read.torn());
        assertEquals(List.of("First - 1.0 MB - ok"), read.entries().stream().map(PreviousJournal.Entry::operation).toList());
    }

    @Test
    void manyThreadsAtOnceLoseNothingWhileTheRingHasRoom() throws Exception {
        Path file = dir.resolve("threads.ops");
        int threads = 4;
        int each = 200;
        OperationJournal journal = OperationJournal.create(file, 1, 0, threads * each, ZoneId.of("UTC"));
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    journal.record(System.currentTimeMillis(), label("Worker " + id), i * MB, "call " + i);
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        PreviousJournal read = PreviousJournal.read(file);
        assertEquals(0, read.torn());
        assertEquals(threads * each, read.entries().size());
        Set<String> seen = new HashSet<>();
        for (PreviousJournal.Entry e : read.entries()) {
            seen.add(e.operation().replaceAll(" - [0-9.]+ MB", ""));
        }
        assertEquals(threads * each, seen.size(), "every call once");
    }

    @Test
    void aNewRunEmptiesTheFile() throws Exception {
        Path file = dir.resolve("again.ops");
        OperationJournal first = OperationJournal.create(file, 1, 0, 4, ZoneId.of("UTC"));
        first.record(0, label("Old"), 0, null);
        OperationJournal.create(file, 2, 0, 4, ZoneId.of("UTC"));
        PreviousJournal read = PreviousJournal.read(file);
        assertEquals(2, read.pid());
        assertEquals(List.of(), read.entries());
    }

    @Test
    void noFileOrAForeignFileReadsAsNothing() throws Exception {
        assertEquals(null, PreviousJournal.read(dir.resolve("missing.ops")));
        Path foreign = dir.resolve("foreign.ops");
        Files.writeString(foreign, "hello\n".repeat(100));
        PreviousJournal read = PreviousJournal.read(foreign);
        assertEquals(-1, read.pid());
        assertEquals(List.of(), read.entries());
        assertTrue(read.torn() > 0);
    }
}
