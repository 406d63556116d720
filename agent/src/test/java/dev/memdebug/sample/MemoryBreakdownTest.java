package dev.memdebug.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBreakdownTest {

    private static final long MB = 1024 * 1024;

    /** A snapshot with the given parts in MB; RSS is what they add up to plus {@code otherMb}. */
    static MemorySnapshot snapshot(long heap, long metaspace, long threads, long direct, long otherMb) {
        long accounted = heap + 20 + metaspace + direct + threads;
        return new MemorySnapshot(0, (accounted + otherMb) * MB, 512 * MB, (accounted + otherMb) * MB, 0, -1, 0,
                heap * MB, heap * MB, 1024 * MB, metaspace * MB, 10 * MB, (20 + metaspace) * MB, direct * MB, -1,
                (int) threads, threads * MB, 10, List.of());
    }

    @Test
    void partsLeaveOutWhatCouldNotBeRead() {
        List<MemoryBreakdown.Part> parts = MemoryBreakdown.parts(snapshot(100, 30, 14, 5, 40));
        assertEquals(List.of("heap", "metaspace", "code", "thread stacks", "direct", "other native"),
                parts.stream().map(MemoryBreakdown.Part::name).toList());
        assertEquals(40 * MB, parts.get(5).bytes());
    }

    @Test
    void growthIsLargestFirstAndSkipsNoise() {
        MemorySnapshot base = snapshot(100, 30, 14, 5, 40);
        MemorySnapshot now = snapshot(90, 31, 14, 205, 42);
        List<MemoryBreakdown.Part> growth = MemoryBreakdown.growth(base, now);
        assertEquals(List.of(new MemoryBreakdown.Part("direct", 200 * MB), new MemoryBreakdown.Part("other native", 2 * MB),
                new MemoryBreakdown.Part("metaspace", MB), new MemoryBreakdown.Part("heap", -10 * MB)), growth);
    }

    @Test
    void unchangedMemoryHasNoGrowth() {
        assertEquals(List.of(), MemoryBreakdown.growth(snapshot(100, 30, 14, 5, 40), snapshot(100, 30, 14, 5, 40)));
    }
}
