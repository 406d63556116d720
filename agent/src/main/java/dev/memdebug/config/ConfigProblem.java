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

    /** The problem as the single line the agent prints on stderr and writes into the log header. */
    public String describe() {
        return key == null ? source + ": " + message : source + ": '" + key + "' " + message;
    }
}
