package dev.memdebug.config;

/**
 * The character checks of the configuration (agent-argument keys, whole numbers; class, method, field,
 * counter and hook names), in plain loops. The configuration is parsed in premain, before the app's main
 * runs: a regular expression or a stream there costs its compilation or a lambda's linkage (a few
 * milliseconds each, measured) for checks this simple. Stateless.
 */
public final class Names {

    private Names() {
    }

    /** A Java identifier: a start character, then part characters. */
    public static boolean javaIdentifier(String s) {
        return !s.isEmpty() && Character.isJavaIdentifierStart(s.charAt(0)) && javaIdentifierParts(s);
    }

    /** Not empty, and every character may be part of a Java identifier. */
    public static boolean javaIdentifierParts(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name of the configuration: ASCII letters, digits, {@code -} and {@code _}, starting with a letter,
     * or also with a digit if {@code digitFirst} ({@code [A-Za-z0-9][A-Za-z0-9_-]*}).
     */
    public static boolean configName(String s, boolean digitFirst) {
        if (s.isEmpty() || !(asciiLetter(s.charAt(0)) || digitFirst && asciiDigit(s.charAt(0)))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(asciiLetter(c) || asciiDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} from {@code from} on is {@code min} to {@code max} ASCII digits. */
    public static boolean asciiDigits(String s, int from, int min, int max) {
        int n = s.length() - from;
        if (n < min || n > max) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (!asciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Not empty, and every character is a digit ({@link Character#isDigit}, as {@link Long#parseLong} reads them). */
    public static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} split at runs of ASCII white space, as {@code s.split("\\s+")} does. */
    public static String[] words(String s) {
        if (s.isEmpty()) {
            return new String[] {s};
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (asciiSpace(s.charAt(i))) {
                words.add(s.substring(from, i));
                while (i + 1 < s.length() && asciiSpace(s.charAt(i + 1))) {
                    i++;
                }
                from = i + 1;
            }
        }
        words.add(s.substring(from));
        int size = words.size();
        while (size > 0 && words.get(size - 1).isEmpty()) {
            size--;
        }
        return words.subList(0, size).toArray(new String[0]);
    }

    static boolean asciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
