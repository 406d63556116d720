package dev.memdebug.log;

import java.util.Locale;

/** Formats byte counts the way the log shows them: {@code 265.7 MB}, limits as {@code 512 MB}. Stateless. */
public final class Mb {

    private static final double MB = 1024.0 * 1024.0;

    private Mb() {
    }

    /** One decimal: {@code 265.7 MB}; {@code ?} for an unknown (negative) figure. */
    public static String of(long bytes) {
        if (bytes < 0) {
            return "? MB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
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
