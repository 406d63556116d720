package dev.memdebug.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    /** Held so the histogram sees them live. */
    static final List<Marker> HELD = new ArrayList<>();

    static final class Marker {
        long a;
        long b;
        long c;
        long d;
        long e;
        long f;
        long g;
        long h;
    }

    @Test
    void parsesTheJdkOutput() throws Exception {
        String output = Files.readString(Path.of("src/test/resources/fixtures/jvm/class-histogram-jdk17.txt"));
        List<ClassHistogram.Row> rows = ClassHistogram.parse(output, 3);
        assertEquals(List.of(new ClassHistogram.Row("byte[]", 18005, 1242984),
                new ClassHistogram.Row("java.lang.Class", 3582, 429152),
                new ClassHistogram.Row("java.lang.String", 17824, 427776)), rows);
    }

    @Test
    void arrayNamesReadAsJava() {
        assertEquals("byte[]", ClassHistogram.readable("[B"));
        assertEquals("int[][]", ClassHistogram.readable("[[I"));
        assertEquals("java.lang.Object[]", ClassHistogram.readable("[Ljava.lang.Object;"));
        assertEquals("java.util.HashMap$Node", ClassHistogram.readable("java.util.HashMap$Node"));
    }

    @Test
    void theRealCommandNamesTheClassThatFillsTheHeap() throws Exception {
        for (int i = 0; i < 400_000; i++) {
            HELD.add(new Marker());
        }
        List<ClassHistogram.Row> rows = ClassHistogram.parse(new DiagnosticCommands().invoke(ClassHistogram.OPERATION), 3);
        assertTrue(rows.stream().anyMatch(r -> r.className().equals(Marker.class.getName()) && r.instances() >= 400_000), rows.toString());
    }
}
