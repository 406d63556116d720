package dev.memdebug.instrument;

import dev.memdebug.config.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One change a hook makes to a counter: {@code sessions +1 on return}. Immutable.
 *
 * @param counter the counter's name
 * @param delta   the amount added (negative to subtract)
 * @param phase   when: on entry, on any exit, on a normal return, or on an exception
 */
public record CounterChange(String counter, long delta, Phase phase) {

    /** When a hook acts, relative to the hooked call. */
    public enum Phase {
        /** When the method is entered. */
        ENTER,
        /** When the method ends, by returning or by throwing. */
        EXIT,
        /** When the method returns normally. */
        RETURN,
        /** When the method ends by throwing. */
        FAIL
    }

    /**
     * Parses {@code sessions +1}, {@code active-downloads +1 on enter, -1 on exit} or
     * {@code sessions +1, errors +1 on fail}: items separated by commas, each {@code [name] (+|-)N [on phase]};
     * an item without a name changes the counter named before it. Without {@code on}, a change applies
     * when the method returns normally, so a call that fails (a refused session) is not counted.
     */
    public static List<CounterChange> parse(String text) {
        List<CounterChange> changes = new ArrayList<>();
        String previous = null;
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("has an empty item in '" + text + "' (expected e.g. 'sessions +1' or 'active-downloads +1 on enter, -1 on exit')");
            }
            String[] words = Names.words(item);
            int i = 0;
            String name = previous;
            if (!words[0].startsWith("+") && !words[0].startsWith("-")) {
                name = words[0];
                i++;
                if (!Names.configName(name, false)) {
                    throw new IllegalArgumentException("has '" + name + "', which is not a counter name (letters, digits, '-' and '_'), in '" + text + "'");
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("does not say which counter '" + item + "' changes (expected e.g. 'sessions +1')");
            }
            if (i >= words.length || !(words[i].startsWith("+") || words[i].startsWith("-"))) {
                throw new IllegalArgumentException("expects a change such as +1 or -1 after '" + name + "' in '" + text + "'");
            }
            long delta;
            try {
                String digits = words[i].substring(1);
                if (!Names.digits(digits)) {
                    throw new NumberFormatException();
                }
                delta = words[i].startsWith("-") ? -Long.parseLong(digits) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("has '" + words[i] + "' where a change such as +1 or -1 was expected in '" + text + "'");
            }
            i++;
            Phase phase = Phase.RETURN;
            if (i < words.length) {
                if (!words[i].equals("on") || i + 1 >= words.length) {
                    throw new IllegalArgumentException("expects 'on enter', 'on exit', 'on return' or 'on fail' after '" + words[i - 1] + "' in '" + text + "'");
                }
                phase = switch (words[i + 1].toLowerCase(Locale.ROOT)) {
                    case "enter", "entry" -> Phase.ENTER;
                    case "exit" -> Phase.EXIT;
                    case "return" -> Phase.RETURN;
                    case "fail", "failure", "throw" -> Phase.FAIL;
                    default -> throw new IllegalArgumentException("has 'on " + words[i + 1] + "'; expected on enter, on exit, on return or on fail, in '" + text + "'");
                };
                if (i + 2 < words.length) {
                    throw new IllegalArgumentException("has unexpected words after 'on " + words[i + 1] + "' in '" + text + "'");
                }
            }
            changes.add(new CounterChange(name, delta, phase));
            previous = name;
        }
        return changes;
    }
}
