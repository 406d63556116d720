package dev.memdebug.config;

import dev.memdebug.alert.AlertFormat;
import dev.memdebug.alert.AlertTarget;
import java.util.EnumMap;
import java.util.Map;

/**
 * The parsed value of every fixed key, defaults included. Package-private scaffolding of
 * {@link ConfigLoader}; not thread-safe, used during loading only.
 */
final class Values {

    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    private final Map<ConfigKey, String> texts = new EnumMap<>(ConfigKey.class);

    static Values defaults() {
        Values v = new Values();
        for (ConfigKey key : ConfigKey.values()) {
            v.values.put(key, parse(key, key.defaultValue()));
            v.texts.put(key, key.defaultValue());
        }
        return v;
    }

    /** Parses and stores {@code text} for {@code key}; throws {@link IllegalArgumentException} naming what was expected. */
    void set(ConfigKey key, String text) {
        values.put(key, parse(key, text));
        texts.put(key, text.strip());
    }

    boolean isDefault(ConfigKey key) {
        return key.defaultValue().equals(texts.get(key));
    }

    /** The value as its source wrote it, for messages; an alert URL only as scheme://host/… (it may hold a secret). */
    String display(ConfigKey key) {
        String text = texts.get(key);
        if (key == ConfigKey.ALERT_URL && !text.isEmpty()) {
            try {
                return AlertTarget.parse(text).display();
            } catch (IllegalArgumentException e) {
                return "(not a URL)";
            }
        }
        return text;
    }

    static Object parse(ConfigKey key, String text) {
        Object value = switch (key.kind()) {
            case BOOLEAN -> ValueParser.parseBoolean(text);
            case TEXT -> text(key, text);
            case SIZE -> ValueParser.parseSize(text);
            case SIZE_OR_AUTO -> "auto".equalsIgnoreCase(text == null ? "" : text.strip())
                    ? AgentConfig.LIMIT_AUTO : positiveSize(text);
            case DURATION -> ValueParser.parseDurationMillis(text);
            case THRESHOLD -> ValueParser.parseThreshold(text);
            case INT -> ValueParser.parseInt(text, intMin(key), intMax(key));
        };
        checkRange(key, value, text);
        return value;
    }

    /** Free text, but no control characters (they would break the header line), and a usable path for log.path. */
    private static String text(ConfigKey key, String text) {
        String s = text == null ? "" : text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                throw new IllegalArgumentException("expects plain text, not '" + s + "' (it holds the control character U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        if (key == ConfigKey.LOG_PATH) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("has an empty value; expects a file such as /var/data/memory_debug.log");
            }
            try {
                java.nio.file.Path p = java.nio.file.Path.of(s);
                if (p.getFileName() == null || s.endsWith("/")) {
                    throw new IllegalArgumentException("expects a file, not the directory '" + s + "'");
                }
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("is not a usable path: '" + s + "' (" + e.getReason() + ")");
            }
        }
        return s;
    }

    private static long positiveSize(String text) {
        long bytes = ValueParser.parseSize(text);
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException("expects 'auto' or a limit of at least 16MB, not '" + text + "'");
        }
        return bytes;
    }

    private static int intMin(ConfigKey key) {
        return switch (key) {
            case OPERATIONS_SHOWN -> 1;
            case OPERATIONS_CAPACITY -> 64;
            default -> 0;
        };
    }

    private static int intMax(ConfigKey key) {
        return switch (key) {
            case LOG_KEEP -> 9;
            case OPERATIONS_SHOWN -> 100;
            case OPERATIONS_CAPACITY -> 1 << 20;
            default -> 1_000_000;
        };
    }

    private static void checkRange(ConfigKey key, Object value, String text) {
        switch (key) {
            case CHECK_INTERVAL -> requireMillis(value, 10, 60_000, text);
            case CHECK_INTERVAL_HIGH -> requireMillis(value, 10, 1_000, text);
            case SPIKE_WINDOW -> requireMillis(value, 100, 3_600_000, text);
            case GC_SUMMARY_INTERVAL -> {
                if ((Long) value != 0) {
                    requireMillis(value, 1_000, 86_400_000, text);
                }
            }
            case GC_LONG_PAUSE -> requireMillis(value, 0, 60_000, text);
            case CRITICAL_HISTOGRAM_MAX_HEAP -> {
                if ((Long) value < 1024 * 1024) {
                    throw new IllegalArgumentException("expects a size of at least 1MB, not '" + text + "'");
                }
            }
            case LOG_MAX_SIZE -> {
                if ((Long) value < 64 * 1024) {
                    throw new IllegalArgumentException("expects a size of at least 64KB, not '" + text + "'");
                }
            }
            case ALERT_URL -> {
                if (!((String) value).isEmpty()) {
                    AlertTarget.parse((String) value);
                }
            }
            case ALERT_FORMAT -> AlertFormat.byId((String) value);
            case ALERT_TIMEOUT -> requireMillis(value, 100, 30_000, text);
            case SPIKE_THRESHOLD -> {
                if ((Long) value <= 0) {
                    throw new IllegalArgumentException("expects a size above zero, not '" + text + "'");
                }
            }
            default -> {
            }
        }
    }

    private static void requireMillis(Object value, long min, long max, String text) {
        long ms = (Long) value;
        if (ms < min || ms > max) {
            throw new IllegalArgumentException("expects a duration from " + ValueParser.formatDuration(min)
                    + " to " + ValueParser.formatDuration(max) + ", not '" + text + "'");
        }
    }

    boolean bool(ConfigKey k) { return (Boolean) values.get(k); }
    String text(ConfigKey k) { return (String) values.get(k); }
    long size(ConfigKey k) { return (Long) values.get(k); }
    long sizeOrAuto(ConfigKey k) { return (Long) values.get(k); }
    long duration(ConfigKey k) { return (Long) values.get(k); }
    int integer(ConfigKey k) { return (Integer) values.get(k); }
    Threshold threshold(ConfigKey k) { return (Threshold) values.get(k); }
}
