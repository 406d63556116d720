package dev.memdebug.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeMemorySummaryTest {

    private static NativeMemorySummary.Summary fixture(String name) throws Exception {
        return NativeMemorySummary.parse(Files.readString(Path.of("src/test/resources/fixtures/jvm", name)));
    }

    @Test
    void jdk17SummaryHasTheTotalAndCategoriesLargestFirst() throws Exception {
        NativeMemorySummary.Summary s = fixture("nmt-summary-jdk17.txt");
        assertTrue(s.totalBytes() > 100L * 1024 * 1024, String.valueOf(s.totalBytes()));
        assertEquals("Java Heap", s.categories().get(0).name());
        for (int i = 1; i < s.categories().size(); i++) {
            assertTrue(s.categories().get(i - 1).committedBytes() >= s.categories().get(i).committedBytes());
        }
        assertTrue(s.categories().stream().anyMatch(c -> c.name().equals("Thread")), s.categories().toString());
    }

    @Test
    void jdk25SummaryWithItsExtraFieldsReadsTheSame() throws Exception {
        NativeMemorySummary.Summary s = fixture("nmt-summary-jdk25.txt");
        assertEquals(487014L * 1024, s.totalBytes());
        assertEquals(new NativeMemorySummary.Category("Java Heap", 393216L * 1024), s.categories().get(0));
    }

    @Test
    void withNmtOffThereIsNoSummary() throws Exception {
        String off = new DiagnosticCommands().invoke(NativeMemorySummary.OPERATION, "summary");
        assertEquals(-1, NativeMemorySummary.parse(off).totalBytes(), off);
    }
}
