package dev.memdebug.config;

/**
 * One thing wrong with the configuration, named by where it came from and which key it concerns.
 * Immutable.
 *
 * @param source where the value came from, e.g. {@code agent.properties:12}, {@code agent argument},
 *               {@code environment MEMDEBUG_HIGH_THRESHOLD}
 * @param key    the configuration key concerned, or {@code null} for a problem with a whole source
 * @param message what was wrong and what was expected, as one plain sentence
 */
public record ConfigProblem(String source, String key, String message) {

    /**
     * The problem as the single line the agent prints on stderr and writes into the log header. Control
     * characters from the value (a newline, a NUL, a terminal escape) are shown as {@code \\uXXXX}, so a
     * bad value can neither break the line nor forge one.
     */
    public String describe() {
        return visible(key == null ? source + ": " + message : source + ": '" + key + "' " + message);
    }

    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
