package dev.memdebug.instrument;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret or personal data in a context value before it reaches the log:
 * <ul>
 *   <li>{@code password=...}, {@code token: ...}, {@code api_key=...} and similar pairs keep the name and
 *       lose the value ({@code password=<token>});</li>
 *   <li>{@code Bearer ...} and {@code Basic ...} credentials;</li>
 *   <li>e-mail addresses ({@code <email>});</li>
 *   <li>token-like words: 20 or more characters of {@code [A-Za-z0-9_+/=~-]} mixing upper case, lower case
 *       and digits (API keys, base64, the parts of a JWT), or 32 or more hexadecimal digits ({@code <token>});</li>
 *   <li>phone numbers written as phone numbers: a leading {@code +} and 8 to 15 digits, or 9 to 15 digits in
 *       groups split by single spaces, dashes or parentheses ({@code <phone>}).</li>
 * </ul>
 * What it leaves alone, on purpose: plain digit runs (a user id cannot be told from a phone number without
 * separators, and ids are what a memory log needs), UUIDs, dates, IP addresses, file names and sizes.
 *
 * <p>Stateless and thread-safe; runs on the app's thread inside a hook's advice, so it is a few
 * precompiled patterns over a value that {@link ContextTemplate} has already cut to a bounded length.
 * It allocates a new string only when a match is masked.
 */
public final class Redactor {

    /** The mask for a secret or a token-like word. */
    public static final String TOKEN = "<token>";
    public static final String EMAIL = "<email>";
    public static final String PHONE = "<phone>";

    /** Masks nothing: for hooks whose context is known to hold nothing sensitive ({@code hook.NAME.redact = false}). */
    public static final Redactor NONE = new Redactor(false);
    /** The default: masks everything listed above. */
    public static final Redactor DEFAULT = new Redactor(true);

    /**
     * The patterns, compiled when first needed or when the monitor thread calls {@link #precompile} (ten
     * seconds after start), not in premain, where the hook configuration first touches this class: five
     * patterns cost about 3 ms of compiling before the app's main could run (measured).
     */
    static final class Patterns {
        static final Pattern SECRET_PAIR = Pattern.compile(
                "(?i)\\b((?:password|passwd|pwd|pass|secret|client[_-]?secret|token|access[_-]?token|refresh[_-]?token|"
                        + "api[_-]?key|access[_-]?key|private[_-]?key|auth|authorization|session[_-]?id|cookie|credentials?)"
                        + "\"?\\s*[=:]\\s*\"?)(?:(?:bearer|basic)\\s+)?[^\\s,;&\"'}\\])]+");
        static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}");
        static final Pattern EMAIL_ADDRESS = Pattern.compile(
                "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
        static final Pattern WORD = Pattern.compile("[A-Za-z0-9_+/=~-]{20,}");
        static final Pattern PHONE_NUMBER = Pattern.compile(
                "(?<![\\w+])(?:\\+\\d[\\d -]{6,18}\\d|\\(?\\d{1,4}\\)?(?:[ -]\\(?\\d{1,4}\\)?){2,6})(?![\\w:.])");

        private Patterns() {
        }
    }

    /** A word each {@link Patterns#SECRET_PAIR} match contains (case-insensitively); the prefilter's list. */
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "auth", "session", "cookie", "credential"};
    /** A word each {@link Patterns#CREDENTIAL} match contains. */
    private static final String[] CREDENTIAL_WORDS = {"bearer", "basic", "token"};

    private final boolean enabled;

    private Redactor(boolean enabled) {
        this.enabled = enabled;
    }

    /** Compiles the patterns now, on the calling thread (the monitor's), rather than on the app's thread whose context first needs one. */
    public static void precompile() {
        Patterns.PHONE_NUMBER.pattern();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Returns {@code text} with every match masked; {@code text} itself when nothing matched. Never throws. */
    public String redact(String text) {
        if (!enabled || text == null || text.isEmpty()) {
            return text;
        }
        // One pass over the characters decides which patterns can match at all; most values (ids, names,
        // sizes) skip every pattern.
        int digits = 0;
        boolean pair = false;
        boolean space = false;
        boolean at = false;
        int run = 0;
        int longestRun = 0;
        // A phone number lies within a run of digits, spaces, dashes, parentheses and plus signs that holds
        // 8 or more digits and either a '+' before a digit or a separator between two digits; without such
        // a run (a long id, "User 123456789 - Total: 4") the pattern cannot match and is not run.
        boolean phoneCandidate = false;
        int phoneDigits = 0;
        boolean split = false;
        boolean afterDigit = false;
        boolean separated = false;
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            digits += digit ? 1 : 0;
            pair |= c == '=' || c == ':';
            space |= Character.isWhitespace(c);
            at |= c == '@';
            run = isWordChar(c) ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
            if (digit) {
                phoneDigits++;
                split |= separated;
                afterDigit = true;
                separated = false;
                phoneCandidate |= phoneDigits >= 8 && (split || plus);
            } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '+') {
                separated = afterDigit;
                plus |= c == '+' && i + 1 < text.length() && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9';
            } else {
                phoneDigits = 0;
                split = false;
                afterDigit = false;
                separated = false;
                plus = false;
            }
        }
        String s = text;
        // The two keyword patterns run only where one of their words is there: a search for an alternation
        // of words at every boundary costs about a microsecond, a scan for the words a few nanoseconds.
        if (pair && containsAny(text, SECRET_WORDS)) {
            s = replace(s, Patterns.SECRET_PAIR, m -> m.group(1) + TOKEN);
        }
        if (space && containsAny(s, CREDENTIAL_WORDS)) {
            s = replace(s, Patterns.CREDENTIAL, m -> m.group(1) + " " + TOKEN);
        }
        if (at) {
            s = replace(s, Patterns.EMAIL_ADDRESS, m -> EMAIL);
        }
        if (longestRun >= 20 && digits > 0) {
            s = replace(s, Patterns.WORD, m -> looksLikeToken(m.group()) ? TOKEN : m.group());
        }
        if (phoneCandidate) {
            s = replace(s, Patterns.PHONE_NUMBER, m -> looksLikePhone(m.group()) ? PHONE : m.group());
        }
        return s;
    }

    /** A character of {@link Patterns#WORD}. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '+' || c == '/' || c == '=' || c == '~' || c == '-';
    }

    /**
     * Whether {@code text} contains one of {@code words} (lower-case ASCII), ignoring ASCII case as the
     * patterns' {@code (?i)} does. Allocation-free.
     */
    static boolean containsAny(String text, String[] words) {
        for (int i = 0; i < text.length(); i++) {
            char first = lower(text.charAt(i));
            for (String word : words) {
                if (word.charAt(0) == first && i + word.length() <= text.length() && matchesAt(text, i, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(String text, int at, String word) {
        for (int k = 1; k < word.length(); k++) {
            if (lower(text.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static boolean looksLikeToken(String word) {
        if (word.equals(TOKEN)) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean hexOnly = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            hexOnly &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
        if (upper && lower && digit) {
            return true;
        }
        return hexOnly && digit && (upper || lower) && word.length() >= 32;
    }

    static boolean looksLikePhone(String candidate) {
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (Character.isDigit(candidate.charAt(i))) {
                digits++;
            }
        }
        boolean international = candidate.startsWith("+");
        return international ? digits >= 8 && digits <= 15 : digits >= 9 && digits <= 15;
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replace(String s, Pattern pattern, Replacement replacement) {
        Matcher m = pattern.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean changed = false;
        do {
            String masked = replacement.apply(m);
            changed |= !masked.equals(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(masked));
        } while (m.find());
        m.appendTail(out);
        return changed ? out.toString() : s;
    }
}
