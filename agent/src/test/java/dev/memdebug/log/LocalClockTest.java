package dev.memdebug.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalClockTest {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Test
    void everyFormMatchesTheJdksFormatterAcrossZonesTransitionsAndCenturies() {
        Random random = new Random(11);
        for (String zoneName : List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia")) {
            ZoneId zone = ZoneId.of(zoneName);
            LocalClock clock = new LocalClock(zone);
            List<Long> times = new ArrayList<>();
            // Both 2026 transitions in the northern and southern half, leap days, and random times from 1900
            // to 2100 in random order, so the cached offset is asked to move both ways.
            for (String around : List.of("2026-03-29T00:59:59.500Z", "2026-10-25T00:59:59.500Z", "2026-04-04T15:29:59.500Z",
                    "2026-10-03T15:59:59.500Z", "2024-02-29T23:59:59.900Z", "2000-02-29T12:00:00Z", "1970-01-01T00:00:00Z")) {
                long at = Instant.parse(around).toEpochMilli();
                for (int i = -20; i < 20; i++) {
                    times.add(at + i * 100L);
                }
            }
            for (int i = 0; i < 2000; i++) {
                times.add(-2_208_988_800_000L + Math.floorMod(random.nextLong(), 6_311_433_600_000L));
            }
            java.util.Collections.shuffle(times, random);
            byte[] line = new byte[40];
            for (long time : times) {
                var local = Instant.ofEpochMilli(time).atZone(zone);
                String where = zoneName + " at " + time;
                assertEquals(DATE_TIME.format(local), clock.dateTime(time), where);
                assertEquals(TIME.format(local), clock.time(time), where);
                line[3] = 'x';
                int end = clock.write(line, 3, time, true);
                assertEquals(3 + LocalClock.DATE_TIME_MILLIS_LENGTH, end, where);
                assertEquals(MILLIS.format(local), new String(line, 3, end - 3, StandardCharsets.US_ASCII), where);
            }
        }
    }

    @Test
    void writingTheTimeAllocatesNothingOnceTheOffsetIsCached() {
        LocalClock clock = new LocalClock(ZoneId.of("Europe/Berlin"));
        long now = System.currentTimeMillis();
        byte[] line = new byte[LocalClock.DATE_TIME_MILLIS_LENGTH];
        clock.write(line, 0, now, true);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // Warm up (the interpreter and the first compilation may allocate), then count.
        for (int i = 0; i < 20_000; i++) {
            clock.write(line, 0, now + i, true);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 10_000; i++) {
            clock.write(line, 0, now + i, true);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // getThreadAllocatedBytes itself may account a few bytes; 10,000 allocating calls would show as >= 160 KB.
        assertEquals(true, allocated < 1024, "allocated " + allocated + " bytes in 10,000 calls");
    }
}
