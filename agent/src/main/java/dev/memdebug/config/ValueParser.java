package dev.memdebug.config;

import java.util.Locale;

/**
 * Parses the value syntaxes of the configuration: sizes ({@code 512MB}, {@code 1.5g}; a bare number is
 * megabytes), durations ({@code 300s}, {@code 100ms}, {@code 5m}; a bare number is seconds),
 * percentages, booleans and bounded integers. Each parser throws {@link IllegalArgumentException}
 * whose message says what was expected; the loader turns it into a {@link ConfigProblem}. Stateless.
 */
public final class ValueParser {

    private static final long MB = 1024L * 1024L;
    /** Larger figures are typing mistakes; refusing them also keeps every product below overflow. */
    private static final double MAX_BYTES = 1024.0 * 1024 * MB * 1024;
    private static final double MAX_MILLIS = 365.0 * 24 * 3_600_000;

    private ValueParser() {
    }

    public static long parseSize(String text) {
        String s = normalise(text);
        int unitStart = unitStart(s);
        double number = parseNumber(s.substring(0, unitStart), text, "a size such as 512MB or 1.5GB");
        String unit = s.substring(unitStart).trim();
        long multiplier = switch (unit) {
            case "", "m", "mb", "mib" -> MB;
            case "b" -> 1;
            case "k", "kb", "kib" -> 1024;
            case "g", "gb", "gib" -> 1024 * MB;
            default -> throw new IllegalArgumentException(
                    "expects a size such as 512MB, 64KB or 1.5GB, not '" + text + "' (unknown unit '" + unit + "')");
        };
        if (number < 0) {
            throw new IllegalArgumentException("expects a size of zero or more, not '" + text + "'");
        }
        if (number * multiplier > MAX_BYTES) {
            throw new IllegalArgumentException("expects a size of at most 1PB, not '" + text + "'");
        }
        return Math.round(number * multiplier);
    }

    public static long parseDurationMillis(String text) {
        String s = normalise(text);
        int unitStart = unitStart(s);
        double number = parseNumber(s.substring(0, unitStart), text, "a duration such as 300s, 100ms or 5m");
        String unit = s.substring(unitStart).trim();
        long multiplier = switch (unit) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1000;
            case "ms", "millis" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> 60_000;
            case "h", "hour", "hours" -> 3_600_000;
            default -> throw new IllegalArgumentException(
                    "expects a duration such as 300s, 100ms or 5m, not '" + text + "' (unknown unit '" + unit + "')");
        };
        if (number < 0) {
            throw new IllegalArgumentException("expects a duration of zero or more, not '" + text + "'");
        }
        if (number * multiplier > MAX_MILLIS) {
            throw new IllegalArgumentException("expects a duration of at most 365 days, not '" + text + "'");
        }
        return Math.round(number * multiplier);
    }

    /** A percentage ({@code 80%}) or a size ({@code 410MB}). */
    public static Threshold parseThreshold(String text) {
        String s = normalise(text);
        if (s.endsWith("%")) {
            double p = parseNumber(s.substring(0, s.length() - 1).trim(), text, "a percentage such as 80% or a size such as 410MB");
            if (p <= 0 || p > 100) {
                throw new IllegalArgumentException("expects a percentage above 0% and at most 100%, not '" + text + "'");
            }
            return Threshold.ofPercent(p);
        }
        try {
            long bytes = parseSize(s);
            if (bytes <= 0) {
                throw new IllegalArgumentException("expects a positive size or a percentage such as 80%, not '" + text + "'");
            }
            return Threshold.ofBytes(bytes);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("expects a positive")) {
                throw e;
            }
            throw new IllegalArgumentException("expects a percentage such as 80% or a size such as 410MB, not '" + text + "'");
        }
    }

    public static boolean parseBoolean(String text) {
        return switch (normalise(text)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expects true or false, not '" + text + "'");
        };
    }

    public static int parseInt(String text, int min, int max) {
        long value;
        try {
            String digits = normalise(text);
            if (!wholeNumber(digits)) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expects a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("expects a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
        return (int) value;
    }

    /** {@code [+-]?[0-9]{1,18}}, checked without a regular expression (premain parses these). */
    private static boolean wholeNumber(String s) {
        int from = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        return Names.asciiDigits(s, from, 1, 18);
    }

    public static String formatSize(long bytes) {
        if (bytes % (1024 * MB) == 0 && bytes >= 1024 * MB) {
            return bytes / (1024 * MB) + "GB";
        }
        if (bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }

    public static String formatDuration(long millis) {
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis >= 600_000) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    public static String formatPercent(double percent) {
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    private static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("has an empty value");
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static int unitStart(String s) {
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        return i;
    }

    private static double parseNumber(String digits, String original, String expected) {
        try {
            double value = Double.parseDouble(digits.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expects " + expected + ", not '" + original + "'");
        }
    }
}
