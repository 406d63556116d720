package dev.memdebug.analyze;

import java.util.List;

/**
 * One likely cause of a crash, with the log lines it rests on and the guide's fix. Immutable.
 *
 * @param kind     a stable identifier for machines ({@code limit}, {@code not-freed}, {@code leak}, ...)
 * @param score    how likely it caused the crash, 0 to 1; findings are ranked by it
 * @param title    one line, e.g. {@code Sessions: 4 with a limit of 3}
 * @param detail   what the numbers say
 * @param evidence {@code file:line  text} of each line it rests on
 * @param advice   what to change
 */
public record Finding(String kind, double score, int run, String title, String detail, List<String> evidence, String advice) {
}
