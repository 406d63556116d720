package dev.memdebug.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {

    private static final long MB = 1024 * 1024;

    private static JvmFlags flags(long heapMb, boolean byUser, long directMb) {
        return new JvmFlags(heapMb * MB, byUser, 25, false, "G1", directMb * MB, 1024 * 1024, -1, "off");
    }

    @Test
    void aMaxHeapAboveTheLimitIsNamedWithTheFlagToChange() {
        List<String> w = flags(1024, true, 0).warnings(512 * MB, 40 * MB);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("max heap 1024 MB") && w.get(0).contains("512 MB limit"), w.get(0));
        assertTrue(w.get(0).contains("Lower -Xmx to about -Xmx353m"), w.get(0));
    }

    @Test
    void defaultDirectMemoryBesideALargeHeapIsNamed() {
        List<String> w = flags(350, true, 0).warnings(512 * MB, 40 * MB);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("direct buffers may grow to 350 MB (MaxDirectMemorySize defaults to the max heap)"), w.get(0));
        assertTrue(w.get(0).contains("-XX:MaxDirectMemorySize=56m"), w.get(0));
    }

    @Test
    void theJvmDefaultsInA512MbContainerFit() {
        assertEquals(List.of(), flags(128, false, 0).warnings(512 * MB, 60 * MB));
        assertEquals(List.of(), flags(300, true, 64).warnings(512 * MB, 60 * MB));
    }

    @Test
    void theHeaderSaysHowTheMaxHeapWasChosen() {
        assertTrue(flags(128, false, 0).describe().startsWith("max heap 128 MB (chosen by the JVM: MaxRAMPercentage 25% (default) of the memory it saw) | GC G1"),
                flags(128, false, 0).describe());
        assertTrue(flags(300, true, 64).describe().contains("max heap 300 MB (set by -Xmx)"));
        assertTrue(flags(300, true, 64).describe().contains("MaxDirectMemorySize 64 MB | thread stack 1024 KB"));
    }

    @Test
    void thisJvmsFlagsAreRead() {
        JvmFlags f = JvmFlags.read();
        assertEquals(Runtime.getRuntime().maxMemory() > 0, f.maxHeapBytes() > 0);
        assertTrue(List.of("G1", "Parallel", "Serial", "ZGC", "Shenandoah", "Epsilon").contains(f.gc()), f.gc());
    }
}
