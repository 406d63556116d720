package dev.memdebug.sample;

/**
 * One app counter or gauge as a snapshot shows it: {@code Sessions: 2}, {@code Cache: 8 items}.
 * Immutable.
 *
 * @param name  the configured name, e.g. {@code sessions}
 * @param label what the log calls it, e.g. {@code Sessions}
 * @param value the value, or {@link Long#MIN_VALUE} when a gauge could not be read
 * @param unit  a unit shown after the value ({@code items}), or empty
 * @param limit the configured limit, or -1 for none
 */
public record MetricValue(String name, String label, long value, String unit, long limit) {

    public static final long UNREADABLE = Long.MIN_VALUE;

    /** {@code Sessions: 2}, {@code Cache: 8 items}, {@code Queue: ?} when unreadable. */
    public String display() {
        String v = value == UNREADABLE ? "?" : Long.toString(value);
        return label + ": " + v + (unit.isEmpty() ? "" : " " + unit);
    }
}
