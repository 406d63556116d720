package dev.memdebug.log;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fractional figures (percentages, seconds) as the log writes them, without {@code java.util.Formatter}
 * (see {@link Mb} for why). The text is what {@code %.1f} and {@code %.0f} give: rounded half up from
 * the shortest decimal form of the double. Stateless.
 */
public final class Decimal {

    private Decimal() {
    }

    /** One decimal: {@code 93.8}. */
    public static String one(double value) {
        return rounded(value, 1);
    }

    /** No decimals: {@code 94}. */
    public static String whole(double value) {
        return rounded(value, 0);
    }

    /** Milliseconds as seconds, one decimal below 10 s ({@code 2.5s}), whole seconds from there ({@code 12s}). */
    public static String seconds(long millis) {
        if (millis < 0 || millis >= 10_000) {
            return (millis / 1000) + "s";
        }
        long tenths = (millis + 50) / 100;
        return (tenths / 10) + "." + (tenths % 10) + "s";
    }

    private static String rounded(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
