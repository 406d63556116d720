package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written checks against the regular expressions and streams they replace, on random text. */
class NamesTest {

    private static final String ALPHABET = "aZ09_-.$ \t\n\u000b\f\r+é٣\u2003x";

    @Test
    void everyCheckAgreesWithTheExpressionItReplaces() {
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(7);
            for (int j = 0; j < length; j++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = random.nextInt(5) == 0 ? "arg" + b : b.toString();
            assertEquals(s.matches("[A-Za-z0-9][A-Za-z0-9_-]*"), Names.configName(s, true), s);
            assertEquals(s.matches("[A-Za-z][A-Za-z0-9_-]*"), Names.configName(s, false), s);
            assertEquals(s.matches("arg\\d{1,3}"), s.startsWith("arg") && Names.asciiDigits(s, 3, 1, 3), s);
            assertEquals(!s.isEmpty() && s.chars().allMatch(Character::isDigit), Names.digits(s), s);
            assertEquals(!s.isEmpty() && s.chars().allMatch(Character::isJavaIdentifierPart), Names.javaIdentifierParts(s), s);
            assertEquals(!s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0)) && s.chars().allMatch(Character::isJavaIdentifierPart),
                    Names.javaIdentifier(s), s);
            assertArrayEquals(s.split("\\s+"), Names.words(s), s);
        }
    }
}
