package dev.memdebug.log;

/**
 * One event as written: the text block for people (complete lines, ending in a newline) and its JSON
 * line for machines. Immutable.
 */
public record LogEvent(String text, String json) {
}
