package dev.memdebug.instrument;

import dev.memdebug.config.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hook's context line, e.g. {@code User {arg0} - Total sessions: {count:sessions}}. Placeholders:
 * <ul>
 *   <li>{@code {arg0}}, {@code {arg1}}, ... an argument's {@code toString()}; {@code {arg0.userId}} follows a
 *       getter or field path ({@link ValuePath});</li>
 *   <li>{@code {return}} / {@code {return.path}} the returned value (exit only);</li>
 *   <li>{@code {thrown}} the exception's class and message (failure only);</li>
 *   <li>{@code {count:NAME}} a counter's current value;</li>
 *   <li>{@code {thread}} the calling thread's name; {@code {duration}} the call's time (exit only).</li>
 * </ul>
 * Each value is masked by the {@link Redactor} (and the whole line once more, since the template's own words
 * can name a value as secret: {@code password={arg1}}), cleaned of control characters (so a value cannot start a
 * line of its own or send terminal escapes to whoever reads the log) and cut to {@code valueMax} characters;
 * the whole line is cut to {@code totalMax}. Cuts never split a surrogate pair. A rendered line is never
 * longer than {@code totalMax}, a value never longer than {@code valueMax}.
 *
 * <p>Immutable and thread-safe; {@link #render} runs on the app's thread.
 */
public final class ContextTemplate {

    /** Where a value comes from. */
    enum Source { LITERAL, ARG, RETURN, THROWN, COUNTER, THREAD, DURATION }

    record Part(Source source, String text, int index, String[] path, int counterId) {
    }

    /** What {@link #render} can read, supplied by the hook at the moment of rendering. */
    interface Values {
        long counter(int id);
    }

    private final List<Part> parts;
    /**
     * Characters read past {@code valueMax} before masking, so a secret that starts inside the shown part
     * and runs past the cut is still recognised as a whole.
     */
    private static final int REDACT_LOOKAHEAD = 64;

    private final int valueMax;
    private final int totalMax;
    private final Redactor redactor;
    private final boolean usesArguments;
    private final boolean usesReturn;
    private final String source;

    private ContextTemplate(List<Part> parts, int valueMax, int totalMax, Redactor redactor, String source) {
        if (valueMax < 4 || totalMax < 4) {
            throw new IllegalArgumentException("context limits must be at least 4 characters");
        }
        this.parts = List.copyOf(parts);
        this.valueMax = valueMax;
        this.totalMax = totalMax;
        this.redactor = redactor;
        this.source = source;
        // Loops, not streams, here and below: templates are parsed in premain, where a lambda's first
        // linkage costs more than the whole parse.
        boolean arguments = false;
        boolean returned = false;
        for (Part p : parts) {
            arguments |= p.source() == Source.ARG;
            returned |= p.source() == Source.RETURN;
        }
        this.usesArguments = arguments;
        this.usesReturn = returned;
    }

    /**
     * Parses a template. {@code counterIds} lists the counter names by id; an unknown counter or placeholder
     * throws {@link IllegalArgumentException} naming it and what is allowed.
     */
    public static ContextTemplate parse(String text, List<String> counterIds,
                                        Set<String> counterNames, int valueMax, int totalMax) {
        return parse(text, counterIds, counterNames, valueMax, totalMax, Redactor.DEFAULT);
    }

    /** As {@link #parse(String, List, Set, int, int)}, masking values with {@code redactor}. */
    public static ContextTemplate parse(String text, List<String> counterIds,
                                        Set<String> counterNames, int valueMax, int totalMax, Redactor redactor) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(new Part(Source.LITERAL, text.substring(i), -1, null, -1));
                break;
            }
            if (open > i) {
                parts.add(new Part(Source.LITERAL, text.substring(i, open), -1, null, -1));
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("has an unclosed '{' at position " + (open + 1) + " in '" + text + "'");
            }
            parts.add(placeholder(text.substring(open + 1, close).strip(), text, counterIds, counterNames));
            i = close + 1;
        }
        return new ContextTemplate(parts, valueMax, totalMax, redactor, text);
    }

    private static Part placeholder(String name, String text, List<String> counterIds,
                                    Set<String> counterNames) {
        String[] dotted = name.split("\\.", -1);
        String head = dotted[0];
        String[] path = java.util.Arrays.copyOfRange(dotted, 1, dotted.length);
        for (String step : path) {
            if (!Names.javaIdentifierParts(step)) {
                throw new IllegalArgumentException("has '{" + name + "}', whose path step '" + step + "' is not a field or getter name");
            }
        }
        if (head.startsWith("arg") && Names.asciiDigits(head, 3, 1, 3)) {
            return new Part(Source.ARG, null, Integer.parseInt(head.substring(3)), path, -1);
        }
        switch (head) {
            case "return":
                return new Part(Source.RETURN, null, -1, path, -1);
            case "thrown":
                return new Part(Source.THROWN, null, -1, null, -1);
            case "thread":
                return new Part(Source.THREAD, null, -1, null, -1);
            case "duration":
                return new Part(Source.DURATION, null, -1, null, -1);
            default:
                break;
        }
        if (name.startsWith("count:")) {
            String counter = name.substring("count:".length()).strip();
            if (!counterNames.contains(counter)) {
                String suggestion = dev.memdebug.config.Suggestions.closest(counter, counterNames);
                throw new IllegalArgumentException("has '{" + name + "}', but no hook changes a counter named '" + counter + "'"
                        + (suggestion != null ? " - did you mean '" + suggestion + "'?" : ""));
            }
            return new Part(Source.COUNTER, null, -1, null, counterIds.indexOf(counter));
        }
        throw new IllegalArgumentException("has the unknown placeholder '{" + name + "}' in '" + text
                + "' (allowed: {arg0}, {arg0.field}, {return}, {return.field}, {thrown}, {count:NAME}, {thread}, {duration})");
    }

    /** Whether rendering needs the call's arguments (the advice then passes them). */
    public boolean usesArguments() {
        return usesArguments;
    }

    public boolean usesReturn() {
        return usesReturn;
    }

    /** The highest argument index used, or -1. */
    int highestArgument() {
        int highest = -1;
        for (Part p : parts) {
            if (p.source() == Source.ARG) {
                highest = Math.max(highest, p.index());
            }
        }
        return highest;
    }

    /** Renders the line. Never throws: a value that cannot be read shows as {@code ?}. */
    public String render(Object[] args, Object returned, Throwable thrown, long durationNanos, Values values) {
        StringBuilder out = new StringBuilder(64);
        for (Part p : parts) {
            switch (p.source()) {
                case LITERAL -> out.append(p.text());
                case ARG -> appendValue(out, args != null && p.index() < args.length ? ValuePath.follow(args[p.index()], p.path()) : ValuePath.UNREADABLE);
                case RETURN -> appendValue(out, ValuePath.follow(returned, p.path()));
                case THROWN -> appendValue(out, thrown == null ? "" : thrown.getClass().getSimpleName()
                        + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
                case COUNTER -> out.append(values.counter(p.counterId()));
                case THREAD -> appendValue(out, Thread.currentThread().getName());
                case DURATION -> out.append(durationNanos / 1_000_000).append(" ms");
            }
            if (out.length() > totalMax) {
                break;
            }
        }
        String line = out.toString();
        if (redactor.enabled()) {
            // Again over the whole line: the template's own words can make a value secret ("password={arg1}").
            line = redactor.redact(line);
        }
        if (line.length() > totalMax) {
            line = line.substring(0, cutPoint(line, totalMax - 3)) + "...";
        }
        return line;
    }

    /** Whether values are masked. */
    public boolean redacts() {
        return redactor.enabled();
    }

    private void appendValue(StringBuilder out, Object value) {
        String s;
        try {
            s = String.valueOf(value);
        } catch (Throwable t) {
            s = "<toString failed: " + t.getClass().getSimpleName() + ">";
        }
        if (s.length() > valueMax + REDACT_LOOKAHEAD) {
            s = s.substring(0, cutPoint(s, valueMax + REDACT_LOOKAHEAD));
        }
        s = redactor.redact(s);
        int start = out.length();
        if (s.length() > valueMax) {
            out.append(s, 0, cutPoint(s, valueMax - 3)).append("...");
        } else {
            out.append(s);
        }
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.setCharAt(i, ' ');
            }
        }
    }

    /** The largest length at most {@code max} that does not end between the halves of a surrogate pair. */
    static int cutPoint(CharSequence s, int max) {
        int cut = Math.max(0, Math.min(max, s.length()));
        if (cut > 0 && cut < s.length() && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }

    @Override
    public String toString() {
        return source;
    }
}
