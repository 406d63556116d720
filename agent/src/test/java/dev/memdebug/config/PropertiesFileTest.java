package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileTest {

    @Test
    void linesSplitAtEveryKindOfLineBreakAsTheFormerExpressionDid() {
        java.util.Random random = new java.util.Random(19);
        String alphabet = "a\r\n=#";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            org.junit.jupiter.api.Assertions.assertArrayEquals(text.split("\r\n|\n|\r", -1), PropertiesFile.lines(text), text);
        }
    }

    @Test
    void keepsOrderLinesAndHashesInsideValues() {
        PropertiesFile.Content c = PropertiesFile.parse(String.join("\n",
                "# a comment",
                "hook.a.method = com.example.Foo#bar   # inline note",
                "",
                "hook.a.label: Session Created",
                "hook.a.context = one \\",
                "   two",
                "not a pair"), "f");
        assertEquals(3, c.entries().size());
        assertEquals("com.example.Foo#bar", c.entries().get(0).value());
        assertEquals("f:2", c.entries().get(0).source());
        assertEquals("Session Created", c.entries().get(1).value());
        assertEquals("one two", c.entries().get(2).value());
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).describe().startsWith("f:7"), c.problems().get(0).describe());
    }

    @Test
    void aHashStartsACommentOnlyWithWhitespaceOnBothSides() {
        PropertiesFile.Content c = PropertiesFile.parse(String.join("\n",
                "hook.a.context = #{arg0}",
                "hook.b.context = Order #{arg0} of #{arg1}   # the order number",
                "hook.c.context = Ticket \\# {arg0}",
                "hook.d.context = trailing #",
                "hook.e.context = tab\t#\tnote"), "f");
        assertEquals(java.util.List.of("#{arg0}", "Order #{arg0} of #{arg1}", "Ticket # {arg0}", "trailing", "tab"),
                c.entries().stream().map(ConfigEntry::value).toList());
    }

    @Test
    void invalidUtf8IsReportedNotFatal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.write(f, new byte[] {'a', '=', (byte) 0xff, '\n'});
        PropertiesFile.Content c = PropertiesFile.read(f);
        assertEquals(1, c.entries().size());
        assertTrue(c.problems().get(0).describe().contains("not valid UTF-8"));
    }
}
