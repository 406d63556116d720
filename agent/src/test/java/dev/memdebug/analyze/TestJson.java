package dev.memdebug.analyze;

/** Lets tests in other packages parse JSON with the analyzer's own reader. */
public final class TestJson {

    private TestJson() {
    }

    public static Object parse(String text) {
        return JsonValue.parse(text);
    }
}
