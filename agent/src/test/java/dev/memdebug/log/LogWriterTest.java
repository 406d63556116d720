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

    @Test
    void everyFileIsOwnerOnlyRotatedOnesIncluded() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, dir.resolve("memory_debug.jsonl"), 64 * 1024, 2, null);
        w.setContinuation("HEADER (continued)\n");
        for (int i = 0; i < 200; i++) {
            w.write("x".repeat(1000) + "\n", "{\"pad\":\"" + "y".repeat(1000) + "\"}", false);
        }
        w.close();
        for (String name : new String[] {"memory_debug.log", "memory_debug.log.1", "memory_debug.log.2", "memory_debug.jsonl",
                "memory_debug.jsonl.1"}) {
            Path p = dir.resolve(name);
            assertTrue(Files.exists(p), name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), name);
        }
    }

    @Test
    void aLogMovedAwayIsStartedAgainWithTheHeaderContext() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, null, 1024 * 1024, 1, null);
        w.write("HEADER\n", null, false);
        w.setContinuation("HEADER (continued)\n");
        w.write("one\n", null, false);
        Files.move(log, dir.resolve("memory_debug.log.old"));
        Thread.sleep(1100);
        assertTrue(w.write("two\n", null, false));
        assertEquals("HEADER (continued)\ntwo\n", Files.readString(log));
        assertEquals("HEADER\none\n", Files.readString(dir.resolve("memory_debug.log.old")));
        w.close();
    }

    @Test
    void aLogReplacedByAnotherFileIsFollowed() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, null, 1024 * 1024, 1, null);
        w.setContinuation("HEADER (continued)\n");
        w.write("one\n", null, false);
        Path other = Files.writeString(dir.resolve("other"), "someone else's\n");
        Files.move(other, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Thread.sleep(1100);
        assertTrue(w.write("two\n", null, false));
        assertEquals("someone else's\ntwo\n", Files.readString(log));
        w.close();
    }

    @Test
    void aLogTruncatedBySomeoneElseGoesOnAtItsNewEndAndRotatesAtItsRealSize() throws Exception {
        Path log = dir.resolve("memory_debug.log");
        LogWriter w = new LogWriter(log, null, 64 * 1024, 1, null);
        w.setContinuation("HEADER (continued)\n");
        for (int i = 0; i < 60; i++) {
            w.write("x".repeat(1000) + "\n", null, false);
        }
        try (var ch = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        Thread.sleep(1100);
        w.write("after\n", null, false);
        for (int i = 0; i < 10; i++) {
            w.write("y".repeat(1000) + "\n", null, false);
        }
        assertTrue(Files.readString(log).startsWith("HEADER (continued)\nafter\n"), "the header context again, no NUL hole");
        assertFalse(Files.exists(dir.resolve("memory_debug.log.1")), "the writer knows the file is small again");
        w.close();
    }
}
