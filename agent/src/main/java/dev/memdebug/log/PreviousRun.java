package dev.memdebug.log;

/**
 * What the log says about the run before this one. Immutable.
 *
 * @param pid          its process id, or -1 if its header is not in the part read
 * @param started      its start stamp as written, or {@code null}
 * @param lastLine     the first line of its last event, or {@code null}
 * @param lastMb       the last memory figure it recorded, or -1
 * @param limitMb      the limit its header named, or -1
 * @param peakLine     its last HIGH or CRITICAL line, or {@code null}
 * @param critical     whether it had logged CRITICAL
 * @param tornLine     whether the file ended in the middle of a line
 * @param oomKills     the cgroup's OOM kill count its header recorded, or -1
 * @param clean        whether it wrote the clean-shutdown line
 */
public record PreviousRun(long pid, String started, String lastLine, double lastMb, double limitMb,
                          String peakLine, boolean critical, boolean tornLine, long oomKills, boolean clean) {
}
