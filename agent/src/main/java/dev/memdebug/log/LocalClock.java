package dev.memdebug.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local wall-clock time of an epoch millisecond as the log and the operation journal write it:
 * {@code 2026-11-26 05:59:44}, {@code 05:59:44}, or {@code 2026-11-26 05:59:44.123}.
 *
 * <p>Why not {@code DateTimeFormatter}: its class initialisation builds every predefined ISO formatter
 * (about 230 KB of heap and some forty classes in the app's JVM at start-up, for two patterns), every
 * format allocates, and the operation journal writes a time stamp on the app's own thread at each
 * hooked call, where nothing may allocate. Integer arithmetic on days (H. Hinnant's civil-from-days)
 * and the zone's offset, looked up once per offset period, does the same job.
 *
 * <p>Thread-safety: any thread. {@link #write} allocates nothing except when the time falls outside the
 * cached offset's period (a daylight-saving transition, or a time far from the last one), when the
 * zone rules are consulted once and the result is published through a volatile field; a race only
 * repeats that lookup. Years 0 to 9999.
 */
public final class LocalClock {

    /** Length of {@code yyyy-MM-dd HH:mm:ss}. */
    public static final int DATE_TIME_LENGTH = 19;
    /** Length of {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static final int DATE_TIME_MILLIS_LENGTH = 23;
    private static final long DAY = 86_400_000L;

    private final ZoneRules zone;
    private volatile Offset offset;

    public LocalClock(ZoneId zone) {
        this.zone = zone.getRules();
        this.offset = offsetAt(System.currentTimeMillis());
    }

    /**
     * Writes {@code yyyy-MM-dd HH:mm:ss}, then {@code .SSS} if {@code withMillis}, as ASCII into
     * {@code out} from {@code at}; returns the index after it. The caller leaves room
     * ({@link #DATE_TIME_LENGTH} or {@link #DATE_TIME_MILLIS_LENGTH} bytes).
     */
    public int write(byte[] out, int at, long timeMillis, boolean withMillis) {
        long local = local(timeMillis);
        long day = Math.floorDiv(local, DAY);
        int ofDay = (int) Math.floorMod(local, DAY);
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int dayOfMonth = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int n = two(out, at, year / 100);
        n = two(out, n, year % 100);
        out[n++] = '-';
        n = two(out, n, month);
        out[n++] = '-';
        n = two(out, n, dayOfMonth);
        out[n++] = ' ';
        n = time(out, n, ofDay);
        if (withMillis) {
            out[n++] = '.';
            int ms = ofDay % 1000;
            out[n++] = (byte) ('0' + ms / 100);
            n = two(out, n, ms % 100);
        }
        return n;
    }

    /** {@code yyyy-MM-dd HH:mm:ss}. */
    public String dateTime(long timeMillis) {
        byte[] text = new byte[DATE_TIME_LENGTH];
        write(text, 0, timeMillis, false);
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** {@code HH:mm:ss}. */
    public String time(long timeMillis) {
        byte[] text = new byte[8];
        time(text, 0, (int) Math.floorMod(local(timeMillis), DAY));
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long local(long timeMillis) {
        Offset o = offset;
        if (timeMillis >= o.validUntil || timeMillis < o.validFrom) {
            o = offsetAt(timeMillis);
            offset = o;
        }
        return timeMillis + o.millis;
    }

    private static int time(byte[] out, int n, int ofDay) {
        n = two(out, n, ofDay / 3_600_000);
        out[n++] = ':';
        n = two(out, n, ofDay / 60_000 % 60);
        out[n++] = ':';
        return two(out, n, ofDay / 1000 % 60);
    }

    private static int two(byte[] out, int n, int value) {
        out[n] = (byte) ('0' + value / 10);
        out[n + 1] = (byte) ('0' + value % 10);
        return n + 2;
    }

    /** The zone's offset at {@code timeMillis} and the span it holds for; allocates, so it runs at transitions only. */
    private Offset offsetAt(long timeMillis) {
        Instant at = Instant.ofEpochMilli(timeMillis);
        ZoneOffsetTransition previous = zone.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = zone.nextTransition(at);
        return new Offset(zone.getOffset(at).getTotalSeconds() * 1000L,
                previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000,
                next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000);
    }

    private record Offset(long millis, long validFrom, long validUntil) {
    }
}
