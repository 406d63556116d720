package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // secrets named as such
            "password=hunter2                           | password=<token>",
            "user=bob, pwd: s3cr3t; next                | user=bob, pwd: <token>; next",
            "{\"api_key\":\"abc\", \"n\": 1}            | {\"api_key\":\"<token>\", \"n\": 1}",
            "Authorization: Bearer abcdefgh12345        | Authorization: <token>",
            "curl -H Bearer abcdefgh12345             | curl -H Bearer <token>",
            "token eyJhbGciOiJIUzI1NiJ9                 | token <token>",
            "sessionId=42                               | sessionId=<token>",
            "PASSWORD=Hunter2 and Client-Secret: x      | PASSWORD=<token> and Client-Secret: <token>",
            "BASIC QWxhZGRpbjpvcGVu                     | BASIC <token>",
            "id ab-C1d2e3f4g5h6i7j8k9l0 end             | id <token> end",
            // token-like words
            "key ghp_A1b2C3d4E5f6G7h8I9j0K1l2           | key <token>",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | <token>.<token>.<token>",
            "sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 | sha <token>",
            // e-mail addresses
            "from alice.smith+tag@mail.example.co.uk ok | from <email> ok",
            "User 77777 <bob@example.com>               | User 77777 <<email>>",
            // phone numbers written as phone numbers
            "call +14155552671                          | call <phone>",
            "call +44 20 7946 0958 now                  | call <phone> now",
            "(415) 555-2671                             | <phone>",
            "415-555-2671                               | <phone>",
            "030 1234 5678                              | <phone>",
    })
    void masks(String in, String out) {
        assertEquals(out, Redactor.DEFAULT.redact(in));
    }

    @Test
    void thePhonePrefilterNeverSkipsANumberThePatternWouldMask() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "0123456789012345678901234567890123456789 -()+x:";
        int masked = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = 8 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            java.util.regex.Matcher m = Redactor.Patterns.PHONE_NUMBER.matcher(text);
            boolean phone = false;
            while (m.find()) {
                phone |= Redactor.looksLikePhone(m.group());
            }
            if (phone) {
                masked++;
                assertEquals(true, Redactor.DEFAULT.redact(text).contains(Redactor.PHONE), text);
            }
        }
        assertEquals(true, masked > 1000, "the random strings hold phone numbers: " + masked);
    }

    @Test
    void theKeywordPrefilterIgnoresAsciiCaseAndFindsWordsAnywhere() {
        String[] words = {"secret", "key"};
        assertEquals(true, Redactor.containsAny("my_SeCrEt", words));
        assertEquals(true, Redactor.containsAny("apiKEY", words));
        assertEquals(true, Redactor.containsAny("key", words));
        assertEquals(false, Redactor.containsAny("ke", words));
        assertEquals(false, Redactor.containsAny("User 77777 - Total: 4", words));
        assertEquals(false, Redactor.containsAny("", words));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "User 12345 - Total sessions: 4",
            "User 4155552671",
            "album-3.zip 45 MB",
            "2026-11-24 15:55:33",
            "request 550e8400-e29b-41d4-a716-446655440000",
            "client 192.168.100.200",
            "com.example.bot.SessionManager#createSession",
            "/var/data/memory_debug.log",
            "User 123456 - 1024 items",
            "IllegalStateException: disk full",
            "17.0.15+6 build 2026-11-24",
            "author: Bob",
            "download-2026-11-24-report.pdf",
    })
    void leavesIdsSizesDatesAndNamesAlone(String in) {
        assertSame(in, Redactor.DEFAULT.redact(in));
    }

    @Test
    void noneMasksNothing() {
        String s = "password=hunter2 bob@example.com +14155552671";
        assertSame(s, Redactor.NONE.redact(s));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertEquals(null, Redactor.DEFAULT.redact(null));
        assertEquals("", Redactor.DEFAULT.redact(""));
    }
}
