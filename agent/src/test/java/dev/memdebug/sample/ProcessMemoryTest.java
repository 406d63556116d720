package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

    private static Path proc(String name) {
        try {
            return Path.of(ProcessMemoryTest.class.getResource("/fixtures/proc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsStatmAndStatus() {
        ProcessMemory p = new ProcessMemory(proc("self"));
        assertTrue(p.available());
        assertEquals(91723L * 4096, p.rssBytes());
        assertEquals(2243608L * 4096, p.virtualBytes());
        assertEquals(281640L * 1024, p.rssAnonBytes());
        assertEquals(85252L * 1024, p.rssFileBytes());
        assertEquals(37, p.threadCount());
        assertNull(p.lastProblem());
    }

    @Test
    void pageSizeIsAnArgument() {
        ProcessMemory p = new ProcessMemory(proc("self"), 65536);
        assertEquals(91723L * 65536, p.rssBytes());
    }

    @Test
    void countsDescriptorEntries(@TempDir Path tmp) throws IOException {
        Path fd = Files.createDirectories(tmp.resolve("fd"));
        for (int i = 0; i < 5; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }
        assertEquals(5, new ProcessMemory(tmp).openFileCount(), "not this process's /proc: nothing discounted");
    }

    @Test
    void withoutProcItIsNotAvailable(@TempDir Path tmp) {
        ProcessMemory p = new ProcessMemory(tmp.resolve("proc/self"));
        assertFalse(p.available());
        assertEquals(-1, p.rssBytes());
        assertEquals(-1, p.virtualBytes());
        assertEquals(-1, p.rssAnonBytes());
        assertEquals(-1, p.threadCount());
        assertEquals(-1, p.openFileCount());
        assertTrue(p.lastProblem().contains("no /proc here"), p.lastProblem());
        assertTrue(p.headerNote(false).startsWith("⚠️ cannot read " + tmp.resolve("proc/self/statm") + " (no /proc here"), p.headerNote(false));
        assertTrue(p.headerNote(false).contains("the tracked figure is the JVM's committed memory"), p.headerNote(false));
        assertTrue(p.headerNote(true).endsWith("the tracked figure is still the cgroup's"), p.headerNote(true));
        assertEquals(null, new ProcessMemory(proc("self")).headerNote(false));
    }

    @Test
    void thisProcess() {
        ProcessMemory p = new ProcessMemory(Path.of("/proc/self"));
        assumeTrue(p.available(), "no /proc/self here");
        assertTrue(p.rssBytes() > 0);
        assertTrue(p.virtualBytes() >= p.rssBytes());
        assertTrue(p.threadCount() >= Thread.activeCount(), "the JVM's own threads count too");
        int open = p.openFileCount();
        assertTrue(open > 2, "at least stdin, stdout, stderr: " + open);
    }
}
