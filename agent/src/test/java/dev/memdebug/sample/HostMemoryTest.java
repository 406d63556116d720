package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMemoryTest {

    private static Path proc(String name) {
        try {
            return Path.of(HostMemoryTest.class.getResource("/fixtures/proc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void totalAndAvailable() {
        HostMemory h = new HostMemory(proc("meminfo"));
        assertEquals(8039024L * 1024, h.totalBytes());
        assertEquals(5312880L * 1024, h.availableBytes());
        assertNull(h.lastProblem());
    }

    @Test
    void oldKernelsWithoutMemAvailable() {
        HostMemory h = new HostMemory(proc("meminfo-3.10"));
        assertEquals(3881708L * 1024, h.totalBytes());
        assertEquals((301132L + 118428 + 2267920) * 1024, h.availableBytes(), "MemFree + Buffers + Cached, not SwapCached");
    }

    @Test
    void missingFile(@TempDir Path tmp) {
        HostMemory h = new HostMemory(tmp.resolve("meminfo"));
        assertEquals(-1, h.totalBytes());
        assertEquals(-1, h.availableBytes());
        assertTrue(h.lastProblem().startsWith("cannot read " + tmp.resolve("meminfo")), h.lastProblem());
    }
}
