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
        return ContextTemplate.parse(text, counters, Set.copyOf(counters), valueMax, totalMax);
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

    @Test
    void valuesAreMaskedByDefaultAndOnlyWhenAsked() {
        Object[] args = {"alice@example.com", "password=hunter2", "+14155552671"};
        assertEquals("<email> | password=<token> | <phone> | 12345",
                parse("{arg0} | {arg1} | {arg2} | 12345", 64, 200).render(args, null, null, 0, id -> 0));
        assertEquals("user bob, password=<token>", parse("user {arg0}, password={arg1}", 64, 200)
                .render(new Object[] {"bob", "hunter2"}, null, null, 0, id -> 0), "the template's words make a value secret");
        List<String> counters = List.of();
        ContextTemplate plain = ContextTemplate.parse("{arg0} | {arg1}", counters, Set.of(), 64, 200, Redactor.NONE);
        assertFalse(plain.redacts());
        assertEquals("alice@example.com | password=hunter2", plain.render(args, null, null, 0, id -> 0));
    }

    @Test
    void aSecretRunningPastTheCutIsStillMasked() {
        String token = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        String s = parse("{arg0}", 24, 200).render(new Object[] {"key " + token}, null, null, 0, id -> 0);
        assertEquals("key <token>", s);
        String cut = parse("{arg0}", 12, 200).render(new Object[] {"0123456 " + token}, null, null, 0, id -> 0);
        assertEquals("0123456 <...", cut);
    }

    @Test
    void controlCharactersCannotForgeLinesOrEscapeTheTerminal() {
        String forged = "x\n[2026-11-24 15:55:40] 🚨 CRITICAL\r\u001b[2J\u0085\u2028end";
        String s = parse("{arg0}", 200, 400).render(new Object[] {forged}, null, null, 0, id -> 0);
        assertEquals("x [2026-11-24 15:55:40] 🚨 CRITICAL  [2J  end", s);
    }

    @Test
    void renderedLinesNeverExceedTheirLimitsNorSplitSurrogates() {
        java.util.Random random = new java.util.Random(8);
        String alphabet = "aZ09 -_@.+=:\n\t\u001b\u00e9\u4e2d😀🚨";
        for (int round = 0; round < 3000; round++) {
            int valueMax = 4 + random.nextInt(70);
            int totalMax = 4 + random.nextInt(200);
            StringBuilder v = new StringBuilder();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isSurrogate(c)) {
                    at -= Character.isLowSurrogate(c) ? 1 : 0;
                    v.append(alphabet, at, at + 2);
                } else {
                    v.append(c);
                }
            }
            ContextTemplate t = parse("{arg0}", valueMax, totalMax);
            String one = t.render(new Object[] {v.toString()}, null, null, 0, id -> 0);
            assertTrue(one.length() <= Math.min(valueMax, totalMax), "value " + one.length() + " > " + valueMax + ": " + one);
            ContextTemplate many = parse("{arg0}|{arg0}|{thread}|{arg0}", valueMax, totalMax);
            String line = many.render(new Object[] {v.toString()}, null, null, 0, id -> 0);
            assertTrue(line.length() <= totalMax, "line " + line.length() + " > " + totalMax);
            for (String s : List.of(one, line)) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    assertFalse(Character.isISOControl(c), "control character in " + s);
                    if (Character.isHighSurrogate(c)) {
                        assertTrue(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)), "split pair in " + s);
                    } else if (Character.isLowSurrogate(c)) {
                        assertTrue(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)), "split pair in " + s);
                    }
                }
            }
        }
    }

    @Test
    void unknownAndMalformedPlaceholdersNameThemselves() {
        for (String bad : List.of("{}", "{arg}", "{arg-1}", "{ARG0}", "{arg99999999999}", "{count:}", "{{arg0}}", "{arg0..x}",
                "{return.}", "{user}", "{env:HOME}", "{arg0.to string}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad, 64, 200), bad);
            assertTrue(e.getMessage().contains(bad.replace("{{", "{").replace("}}", "}"))
                    || e.getMessage().contains(bad.substring(1, bad.length() - 1)), bad + ": " + e.getMessage());
        }
    }
}
