package dev.memdebug.config;

/**
 * One {@code key = value} as read from a source, with the place it came from so that every message
 * about it can name that place. Immutable.
 *
 * @param source e.g. {@code /app/agent.properties:12}, {@code agent argument}, {@code environment MEMDEBUG_LOG_PATH}
 */
public record ConfigEntry(String key, String value, String source) {
}
