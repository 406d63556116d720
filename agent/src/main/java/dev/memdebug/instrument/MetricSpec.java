package dev.memdebug.instrument;

/**
 * How a counter or gauge appears in snapshots: {@code Sessions: 2}, {@code Cache: 8 items}, and the
 * limit that makes the log say {@code LIMIT EXCEEDED}. Immutable.
 *
 * @param name    the counter or gauge name
 * @param gauge   whether it is a gauge (else a counter)
 * @param index   the counter id or gauge id
 * @param label   the label shown
 * @param unit    shown after the value, or empty
 * @param limit   the limit, or -1
 */
public record MetricSpec(String name, boolean gauge, int index, String label, String unit, long limit) {
}
