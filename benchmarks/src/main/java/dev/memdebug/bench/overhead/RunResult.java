package dev.memdebug.bench.overhead;

/**
 * What one run of the bot measured.
 *
 * @param startupMillis     from launching {@code java} to the first {@code GET /health} answered
 * @param peakRssBytes      the process's peak resident set ({@code VmHWM}) at the end of the run
 * @param endRssBytes       its resident set after the work and a short rest
 * @param cpuSeconds        user plus system CPU of the whole process, start to end
 * @param messagesPerSecond messages of the script handled per second, downloads included
 * @param samplerCpuPercent CPU of the agent's sampling thread during the work and rest, in percent of
 *                          one core; NaN when the configuration has no such thread
 */
record RunResult(double startupMillis, long peakRssBytes, long endRssBytes, double cpuSeconds,
                 double messagesPerSecond, double samplerCpuPercent) {
}
