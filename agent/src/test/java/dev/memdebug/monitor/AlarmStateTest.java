package dev.memdebug.monitor;

import static dev.memdebug.monitor.AlarmState.Level.CRITICAL;
import static dev.memdebug.monitor.AlarmState.Level.HIGH;
import static dev.memdebug.monitor.AlarmState.Level.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlarmStateTest {

    private static final long MB = 1024 * 1024;
    private final AlarmState alarm = new AlarmState(410 * MB, 481 * MB, 25 * MB, 60_000);

    @Test
    void highIsLoggedOnceWhileMemoryHovers() {
        assertEquals(NONE, alarm.observe(0, 300 * MB));
        assertEquals(HIGH, alarm.observe(1000, 412 * MB));
        assertTrue(alarm.aboveHigh());
        assertEquals(NONE, alarm.observe(2000, 405 * MB));
        assertEquals(NONE, alarm.observe(3000, 415 * MB));
        assertEquals(NONE, alarm.observe(4000, 409 * MB));
        assertEquals(NONE, alarm.observe(5000, 411 * MB));
    }

    @Test
    void highRearmsAfterFallingByTheMargin() {
        assertEquals(HIGH, alarm.observe(0, 412 * MB));
        assertEquals(NONE, alarm.observe(1000, 380 * MB));
        assertEquals(HIGH, alarm.observe(2000, 412 * MB));
    }

    @Test
    void highRepeatsAfterTheQuietPeriod() {
        assertEquals(HIGH, alarm.observe(0, 412 * MB));
        assertEquals(NONE, alarm.observe(59_999, 412 * MB));
        assertEquals(HIGH, alarm.observe(60_000, 412 * MB));
    }

    @Test
    void criticalTakesPrecedenceAndCoversHigh() {
        assertEquals(CRITICAL, alarm.observe(0, 490 * MB));
        assertEquals(NONE, alarm.observe(100, 495 * MB));
        assertEquals(NONE, alarm.observe(200, 470 * MB));
        assertEquals(NONE, alarm.observe(300, 485 * MB));
        assertEquals(NONE, alarm.observe(400, 450 * MB));
        assertEquals(CRITICAL, alarm.observe(500, 482 * MB));
    }

    @Test
    void aStraightClimbLogsHighThenCritical() {
        assertEquals(NONE, alarm.observe(0, 100 * MB));
        assertEquals(HIGH, alarm.observe(100, 420 * MB));
        assertEquals(CRITICAL, alarm.observe(200, 490 * MB));
    }

    @Test
    void aProjectedCrossingAboveHighIsCriticalNow() {
        assertEquals(HIGH, alarm.observe(0, 420 * MB, 430 * MB));
        assertEquals(CRITICAL, alarm.observe(50, 470 * MB, 490 * MB));
        assertEquals(NONE, alarm.observe(100, 480 * MB, 500 * MB));
    }

    @Test
    void aProjectionBelowHighIsIgnored() {
        assertEquals(NONE, alarm.observe(0, 300 * MB, 500 * MB));
    }

    @Test
    void aCriticalEpisodeStartsOnEntryNotOnItsRepeats() {
        assertEquals(CRITICAL, alarm.observe(0, 482 * MB));
        assertEquals(1, alarm.criticalEpisodes());
        assertEquals(NONE, alarm.observe(1000, 483 * MB));
        assertEquals(CRITICAL, alarm.observe(61_000, 483 * MB));
        assertEquals(1, alarm.criticalEpisodes(), "a lasting episode logged again is no new episode");
        assertEquals(NONE, alarm.observe(62_000, 440 * MB));
        assertEquals(CRITICAL, alarm.observe(63_000, 482 * MB));
        assertEquals(2, alarm.criticalEpisodes(), "after falling by the margin, a new episode");
    }

    @Test
    void aForeseenStepToTheLimitIsCriticalEvenBelowHigh() {
        assertEquals(NONE, alarm.observe(0, 300 * MB, 300 * MB, false));
        assertEquals(CRITICAL, alarm.observe(100, 300 * MB, 520 * MB, true));
        assertTrue(alarm.criticalEpisode());
        assertEquals(NONE, alarm.observe(200, 310 * MB, 520 * MB, true), "once per episode");
    }

    @Test
    void aCriticalEpisodeLastsUntilMemoryFallsByTheMargin() {
        assertTrue(!alarm.criticalEpisode());
        assertEquals(CRITICAL, alarm.observe(0, 490 * MB));
        assertTrue(alarm.criticalEpisode());
        assertEquals(NONE, alarm.observe(100, 470 * MB));
        assertTrue(alarm.criticalEpisode(), "470 MB is within the 25 MB margin below CRITICAL");
        assertEquals(NONE, alarm.observe(200, 450 * MB));
        assertTrue(!alarm.criticalEpisode());
    }
}
