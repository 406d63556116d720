package com.example.bot;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deliberate bugs the bot can be started with, one per crash cause in the user's guide. Each is
 * named on the command line as {@code --NAME} and in {@code BOT_FAILURES} as {@code NAME}.
 */
public enum FailurePattern {

    /** {@link SessionManager} never refuses a session, so sessions pile up past the limit. */
    NO_SESSION_LIMIT("no-session-limit", "sessions are never refused"),

    /** {@link Downloader} keeps each finished download's buffers instead of releasing them. */
    LEAK_DOWNLOADS("leak-downloads", "download buffers are kept after completion"),

    /** {@link ResultCache} never evicts. */
    UNBOUNDED_CACHE("unbounded-cache", "the result cache never evicts");

    private final String id;
    private final String effect;

    FailurePattern(String id, String effect) {
        this.id = id;
        this.effect = effect;
    }

    /** The name used on the command line and in {@code BOT_FAILURES}, e.g. {@code no-session-limit}. */
    public String id() {
        return id;
    }

    /** What goes wrong with the pattern on, for the start-up banner and {@code --help}. */
    public String effect() {
        return effect;
    }

    /** The pattern with this {@link #id()}; {@link IllegalArgumentException} naming the valid ones otherwise. */
    public static FailurePattern byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown failure pattern '" + id + "' (known: " + ids() + ")"));
    }

    /** The patterns in a comma-separated list such as {@code BOT_FAILURES}; blank entries are ignored. */
    public static Set<FailurePattern> parseList(String list) {
        Set<FailurePattern> patterns = EnumSet.noneOf(FailurePattern.class);
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                patterns.add(byId(id));
            }
        }
        return patterns;
    }

    /** All ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(FailurePattern::id).collect(Collectors.joining(", "));
    }
}
