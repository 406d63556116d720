package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFileTest {

    private static long first(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ProcFile.parseFirstLong(b, b.length);
    }

    private static long keyed(String s, String key) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ProcFile.parseKeyedLong(b, b.length, key);
    }

    private static long field(String s, int index) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ProcFile.parseField(b, b.length, index);
    }

    @Test
    void firstNumber() {
        assertEquals(536870912L, first("536870912\n"));
        assertEquals(9223372036854771712L, first("9223372036854771712\n"));
        assertEquals(ProcFile.MAX, first("max\n"));
        assertEquals(ProcFile.MAX, first("99999999999999999999\n"), "beyond a long");
        assertEquals(7, first("\n  7"));
        assertEquals(-1, first(""));
        assertEquals(-1, first("-1\n"));
        assertEquals(-1, first("garbage"));
    }

    @Test
    void keyMustStartALineAndEndAtABlank() {
        String events = "low 0\nhigh 0\nmax 47\noom 2\noom_kill 1\noom_group_kill 0\n";
        assertEquals(2, keyed(events, "oom"));
        assertEquals(1, keyed(events, "oom_kill"));
        assertEquals(47, keyed(events, "max"));
        String control = "oom_kill_disable 0\nunder_oom 1\noom_kill 3\n";
        assertEquals(3, keyed(control, "oom_kill"), "not oom_kill_disable");
        assertEquals(1, keyed(control, "under_oom"));
        String stat = "inactive_file 100\ntotal_inactive_file 300\n";
        assertEquals(100, keyed(stat, "inactive_file"));
        assertEquals(300, keyed(stat, "total_inactive_file"));
        assertEquals(-1, keyed(stat, "active_file"), "inactive_file does not start with active_file");
        assertEquals(37, keyed("Name:\tjava\nThreads:\t37\n", "Threads:"));
        assertEquals(366892, keyed("VmRSS:\t  366892 kB\n", "VmRSS:"));
        assertEquals(-1, keyed("oom_kill", "oom_kill"), "no value");
        assertEquals(-1, keyed("", "oom_kill"));
    }

    @Test
    void fields() {
        String statm = "2243608 91723 8016 1 0 755248 0\n";
        assertEquals(2243608, field(statm, 0));
        assertEquals(91723, field(statm, 1));
        assertEquals(0, field(statm, 6));
        assertEquals(-1, field(statm, 7));
    }

    @Test
    void readsAgainOnEveryCallAndRemembersProblems(@TempDir Path dir) throws IOException {
        Path current = dir.resolve("memory.current");
        Files.writeString(current, "100\n");
        ProcFile file = new ProcFile(64);
        File f = current.toFile();
        assertEquals(100, file.readFirstLong(f));
        Files.writeString(current, "250\n");
        assertEquals(250, file.readFirstLong(f));
        assertNull(file.problem());

        Files.delete(current);
        assertEquals(-1, file.readFirstLong(f));
        assertTrue(file.problem().startsWith("cannot read " + current), file.problem());
        String first = file.problem();
        file.readFirstLong(f);
        assertSame(first, file.problem(), "the same problem again makes no new String");

        Files.writeString(current, "7\n");
        assertEquals(7, file.readFirstLong(f));
        assertEquals(first, file.problem(), "kept after a later read succeeds");

        Path events = dir.resolve("memory.events");
        Files.writeString(events, "oom 0\n");
        assertEquals(-1, file.readKeyedLong(events.toFile(), "oom_kill"));
        assertEquals("no oom_kill in " + events, file.problem());
    }

    @Test
    void contentBeyondTheBufferIsNotRead(@TempDir Path dir) throws IOException {
        Path stat = dir.resolve("memory.stat");
        Files.writeString(stat, "anon 1\n" + "x".repeat(100) + "\ninactive_file 5\n");
        ProcFile small = new ProcFile(32);
        assertEquals(32, small.read(stat.toFile()));
        assertEquals(1, small.keyed("anon"));
        assertEquals(-1, small.keyed("inactive_file"));
    }
}
