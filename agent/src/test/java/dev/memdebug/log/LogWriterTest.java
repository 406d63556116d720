package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWriterTest {

    @TempDir
    Path dir;

    @Test
    void eachWriteIsInTheFileAtOnceWithItsJsonTwin() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, dir.resolve("memory_debug.jsonl"), 1024 * 1024, 1, null);
        assertTrue(w.write("line one\n", "{\"a\":1}", false));
        assertEquals("line one\n", Files.readString(log));
        assertEquals("{\"a\":1}\n", Files.readString(dir.resolve("memory_debug.jsonl")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        w.close();
    }

    @Test
    void rotatesKeepingOneOldFileAndTheHeaderContext() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, null, 64 * 1024, 1, null);
        w.setContinuation("HEADER (continued)\n");
        String block = "x".repeat(1000) + "\n";
        for (int i = 0; i < 200; i++) {
            w.write(block, null, false);
        }
        assertTrue(Files.exists(dir.resolve("memory_debug.log.1")));
        assertFalse(Files.exists(dir.resolve("memory_debug.log.2")));
        assertTrue(Files.size(log) <= 64 * 1024);
        assertTrue(Files.readString(log).startsWith("HEADER (continued)\n"));
        w.close();
    }

    @Test
    void aDeletedLogIsStartedAgain() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, null, 1024 * 1024, 1, null);
        w.write("before\n", null, false);
        Files.delete(log);
        Thread.sleep(1100);
        assertTrue(w.write("after\n", null, false));
        assertEquals("after\n", Files.readString(log));
        w.close();
    }

    @Test
    void anUnwritablePathIsReportedAndDoesNotThrow() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        LogWriter w = new LogWriter(blocker.resolve("sub/memory_debug.log"), null, 1024 * 1024, 1, null);
        assertFalse(w.write("lost?\n", null, false));
        assertFalse(w.healthy());
    }
}
