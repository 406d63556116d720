package dev.memdebug.ops;

/**
 * One operation of the app (a hooked call's entry or exit) or of the agent itself (a periodic check, a
 * garbage collection), as the log lists it: {@code [14:46:42] Session Created - 456.2 MB - User 77777}.
 * Immutable; built by the writer side only, never on an app thread.
 *
 * @param timeMillis  wall-clock time of the operation
 * @param label       what happened, e.g. {@code Session Created}, {@code Download Failed}
 * @param memoryBytes the tracked memory figure current when it happened, or -1 if unknown
 * @param context     detail such as {@code User 77777 - Total sessions: 4}; empty if none
 */
public record Operation(long timeMillis, String label, long memoryBytes, String context) {
}
