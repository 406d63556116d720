package dev.memdebug.monitor;

/**
 * Decides when HIGH and CRITICAL are logged, so a process hovering at a threshold does not flood the
 * log: a level is logged when it is entered, and again only after memory fell back below the threshold
 * by the re-arm margin, or after the repeat period if it is still there. Entering CRITICAL also counts
 * as having logged HIGH. Pure logic, no clock of its own, so tests drive it with chosen times.
 *
 * <p>Thread-safety: not thread-safe; the monitor thread only.
 */
public final class AlarmState {

    /** What to log for one observation. */
    public enum Level { NONE, HIGH, CRITICAL }

    private final long highBytes;
    private final long criticalBytes;
    private final long rearmBytes;
    private final long repeatMillis;
    private boolean highArmed = true;
    private boolean criticalArmed = true;
    private long lastHigh = Long.MIN_VALUE / 2;
    private long lastCritical = Long.MIN_VALUE / 2;
    private boolean aboveHigh;
    private long criticalEpisodes;

    public AlarmState(long highBytes, long criticalBytes, long rearmBytes, long repeatMillis) {
        this.highBytes = highBytes;
        this.criticalBytes = criticalBytes;
        this.rearmBytes = rearmBytes;
        this.repeatMillis = repeatMillis;
    }

    public Level observe(long nowMillis, long usedBytes) {
        return observe(nowMillis, usedBytes, usedBytes);
    }

    /**
     * Like {@link #observe(long, long)}, with the figure projected a moment ahead at the current climb
     * rate: above HIGH, a projection that reaches CRITICAL counts as CRITICAL now. A JVM close to its limit
     * can jump the last megabytes within one check (a heap expansion, a burst of allocations) and then
     * stall in the kernel's reclaim until it is killed, with no chance to write; the projection writes the
     * block while there is still room.
     */
    public Level observe(long nowMillis, long usedBytes, long projectedBytes) {
        return observe(nowMillis, usedBytes, projectedBytes, false);
    }

    /**
     * Like {@link #observe(long, long, long)}; {@code wouldReachLimit} says that one event already
     * foreseen (the next young collection's promotion step, or a burst under way that reaches CRITICAL
     * within a fifth of a second) would take memory there itself, which counts as CRITICAL at any level,
     * HIGH or not.
     */
    public Level observe(long nowMillis, long usedBytes, long projectedBytes, boolean wouldReachLimit) {
        aboveHigh = usedBytes >= highBytes;
        if (usedBytes >= criticalBytes || (aboveHigh && projectedBytes >= criticalBytes) || wouldReachLimit) {
            if (criticalArmed || nowMillis - lastCritical >= repeatMillis) {
                if (criticalArmed) {
                    criticalEpisodes++;
                }
                criticalArmed = false;
                highArmed = false;
                lastCritical = nowMillis;
                lastHigh = nowMillis;
                return Level.CRITICAL;
            }
            return Level.NONE;
        }
        if (projectedBytes < criticalBytes - rearmBytes) {
            criticalArmed = true;
        }
        if (usedBytes >= highBytes) {
            if (highArmed || nowMillis - lastHigh >= repeatMillis) {
                highArmed = false;
                lastHigh = nowMillis;
                return Level.HIGH;
            }
            return Level.NONE;
        }
        if (usedBytes < highBytes - rearmBytes) {
            highArmed = true;
        }
        return Level.NONE;
    }

    /**
     * Whether a CRITICAL episode lasts: its block was written and memory has not yet fallen back below
     * the re-arm margin.
     */
    public boolean criticalEpisode() {
        return !criticalArmed;
    }

    /** Whether the last observation was at or above HIGH (the monitor then checks faster). */
    public boolean aboveHigh() {
        return aboveHigh;
    }

    /**
     * How many CRITICAL episodes have begun: an episode starts when CRITICAL is logged after memory had
     * fallen back by the re-arm margin (or for the first time); repeats within one episode do not count.
     */
    public long criticalEpisodes() {
        return criticalEpisodes;
    }

    public long highBytes() {
        return highBytes;
    }

    public long criticalBytes() {
        return criticalBytes;
    }
}
