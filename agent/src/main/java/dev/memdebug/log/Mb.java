package dev.memdebug.log;

/**
 * Formats byte counts the way the log shows them: {@code 265.7 MB}, limits as {@code 512 MB}. Stateless.
 *
 * <p>In integer arithmetic, not {@code String.format}: every snapshot formats a dozen figures, and the
 * first {@code java.util.Formatter} call of a JVM loads and initialises the formatter, its number
 * formatting and locale data (about 0.7 MB of heap in the agent's start-up, measured). The result is
 * the same as {@code %.1f} (round half up): a byte count over 2^20 is a finite binary fraction, so
 * there is no representation error for the formatter's rounding to differ on.
 */
public final class Mb {

    private static final long MIB = 1024 * 1024;
    private static final double MB = MIB;

    private Mb() {
    }

    /** One decimal: {@code 265.7 MB}; {@code ?} for an unknown (negative) figure. */
    public static String of(long bytes) {
        if (bytes < 0) {
            return "? MB";
        }
        long tenths = tenths(bytes);
        return (tenths / 10) + "." + (tenths % 10) + " MB";
    }

    /** {@code bytes} (not negative) in tenths of a megabyte, rounded half up: 265.66 MB is 2657. Allocation-free. */
    public static long tenths(long bytes) {
        return bytes / MIB * 10 + ((bytes % MIB) * 10 + MIB / 2) / MIB;
    }

    /** Whole megabytes when exact ({@code 512 MB}), else one decimal. */
    public static String limit(long bytes) {
        if (bytes < 0) {
            return "? MB";
        }
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : of(bytes);
    }

    /** A signed rise: {@code +87.5 MB}. */
    public static String rise(long bytes) {
        return (bytes >= 0 ? "+" : "-") + of(Math.abs(bytes));
    }

    /** The figure as a plain number of megabytes with one decimal, for JSON. */
    public static double number(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / MB * 10) / 10.0;
    }
}
