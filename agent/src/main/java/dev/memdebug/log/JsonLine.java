package dev.memdebug.log;

/**
 * Builds one JSON object on one line, the machine-readable twin of a text event. Only what the log
 * needs: strings, numbers, booleans and nested objects, with RFC 8259 escaping. Not thread-safe; one
 * per event.
 */
public final class JsonLine {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    public JsonLine put(String key, String value) {
        key(key);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonLine put(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    public JsonLine put(String key, double value) {
        key(key);
        out.append(Double.isFinite(value) ? String.valueOf(value) : "null");
        return this;
    }

    public JsonLine put(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    /** Appends a nested object built by {@code nested}. */
    public JsonLine put(String key, JsonLine nested) {
        key(key);
        out.append(nested.toString());
        return this;
    }

    /** Appends an array of strings. */
    public JsonLine put(String key, java.util.List<String> values) {
        key(key);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, values.get(i));
        }
        out.append(']');
        return this;
    }

    /** Appends a value that is already JSON (an array built by the caller). */
    public JsonLine putRaw(String key, String json) {
        key(key);
        out.append(json);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void key(String key) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(key);
        out.append(':');
    }

    private void quote(String s) {
        quote(out, s);
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
