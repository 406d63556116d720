package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextTemplateTest {

    record Job(long userId, String name) {
    }

    static class Bean {
        private final int size = 7;
        private final Job job = new Job(5, "x");

        public Job getJob() {
            return job;
        }
    }

    private static ContextTemplate parse(String text, int valueMax, int totalMax) {
        List<String> counters = List.of("sessions");
        return ContextTemplate.parse(text, counters::indexOf, Set.copyOf(counters), valueMax, totalMax);
    }

    @Test
    void rendersArgumentsPathsCountersAndReturn() {
        ContextTemplate t = parse("User {arg0.userId} ({arg0.name}) - Total sessions: {count:sessions} -> {return.size} {return.job.userId}", 64, 200);
        assertTrue(t.usesArguments());
        assertTrue(t.usesReturn());
        String s = t.render(new Object[] {new Job(12345, "report.pdf")}, new Bean(), null, 0, id -> 4);
        assertEquals("User 12345 (report.pdf) - Total sessions: 4 -> 7 5", s);
    }

    @Test
    void missingValuesShowAsQuestionMarks() {
        ContextTemplate t = parse("{arg3} {arg0.nothing} {thrown}", 64, 200);
        assertEquals("? ? IllegalStateException: boom", t.render(new Object[] {"a"}, null, new IllegalStateException("boom"), 0, id -> 0));
    }

    @Test
    void valuesAndLinesAreCutToTheirLimits() {
        ContextTemplate t = parse("{arg0}|{arg1}", 10, 16);
        String s = t.render(new Object[] {"0123456789abcdef", "second\nline"}, null, null, 0, id -> 0);
        assertEquals("0123456...|se...", s);
        assertTrue(s.length() <= 16);
        ContextTemplate nl = parse("{arg0}", 64, 200);
        assertFalse(nl.render(new Object[] {"a\nb"}, null, null, 0, id -> 0).contains("\n"));
    }

    @Test
    void aThrowingToStringDoesNotEscape() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        };
        assertEquals("<toString failed: IllegalStateException>", parse("{arg0}", 64, 200).render(new Object[] {bad}, null, null, 0, id -> 0));
    }

    @Test
    void badTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("{arg0", 64, 200));
        assertThrows(IllegalArgumentException.class, () -> parse("{argX}", 64, 200));
        assertThrows(IllegalArgumentException.class, () -> parse("{count:other}", 64, 200));
    }
}
