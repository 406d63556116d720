package dev.memdebug.config;

/**
 * A memory threshold given either as a share of the limit ({@code 80%}) or as an absolute size
 * ({@code 410MB}). Immutable.
 */
public record Threshold(double percent, long bytes) {

    public static Threshold ofPercent(double percent) {
        return new Threshold(percent, -1);
    }

    public static Threshold ofBytes(long bytes) {
        return new Threshold(-1, bytes);
    }

    public boolean isPercent() {
        return bytes < 0;
    }

    /** The threshold in bytes for the given memory limit. */
    public long resolve(long limitBytes) {
        return isPercent() ? Math.round(limitBytes * percent / 100.0) : bytes;
    }

    @Override
    public String toString() {
        return isPercent() ? ValueParser.formatPercent(percent) : ValueParser.formatSize(bytes);
    }
}
