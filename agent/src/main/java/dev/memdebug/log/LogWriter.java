package dev.memdebug.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The single writer of {@code memory_debug.log}, its JSON-lines twin and the stderr mirror.
 *
 * <p><b>Durability contract:</b> when {@link #write} returns, the event's text is in the kernel (one
 * {@code write(2)} for the whole event on an unbuffered channel), so a SIGKILL right after cannot lose
 * it; a kill during the call can at worst cut that one event short. The text file is written before the
 * JSON file and the mirror, because the text is what the user reads after a crash.
 *
 * <p>Thread-safety: all methods are {@code synchronized}. Callers are the agent's own threads (monitor,
 * start-up, shutdown hook; GC notifications are queued and written by the monitor); app threads never call it, so its lock can never stall the
 * app. The CRITICAL block is written by the monitor thread that detected it, with no queue in between.
 */
public final class LogWriter {

    private final LogFile text;
    private final LogFile json;
    private final StderrMirror mirror;
    private byte[] continuation;

    /**
     * @param textPath the log file
     * @param jsonPath the JSON-lines file, or {@code null} for none
     * @param mirror   where mirrored events and the writer's own problems go; {@code null} for no mirror
     *                 (problems then still reach stderr through a private mirror)
     */
    public LogWriter(Path textPath, Path jsonPath, long maxSize, int keep, StderrMirror mirror) {
        StderrMirror problemSink = mirror != null ? mirror : new StderrMirror();
        this.text = new LogFile(textPath, maxSize, keep, m -> problemSink.write("❌ " + m));
        this.json = jsonPath == null ? null : new LogFile(jsonPath, maxSize, keep, m -> problemSink.write("❌ " + m));
        this.mirror = mirror;
    }

    /**
     * Writes one event. {@code textBlock} is complete lines ending in a newline; {@code jsonLine} is one
     * JSON object without newline, or {@code null}; {@code mirrorIt} copies the text to stderr.
     * Returns whether the text reached the log file.
     */
    public synchronized boolean write(String textBlock, String jsonLine, boolean mirrorIt) {
        boolean written = text.append(textBlock.getBytes(StandardCharsets.UTF_8), continuation);
        // While the text cannot be written (a full disk) the JSON twin waits too: it must never take the
        // room the text needs when space comes back.
        if (json != null && jsonLine != null && written) {
            json.append((jsonLine + "\n").getBytes(StandardCharsets.UTF_8), null);
        }
        if (mirror != null && (mirrorIt || !written)) {
            mirror.write(textBlock);
        }
        return written;
    }

    /** Sets the block written at the top of a file opened by rotation, so it keeps the header's context. */
    public synchronized void setContinuation(String block) {
        this.continuation = block == null ? null : block.getBytes(StandardCharsets.UTF_8);
    }

    public Path textPath() {
        return text.path();
    }

    public Path jsonPath() {
        return json == null ? null : json.path();
    }

    /** Whether the last write reached the log file. */
    public synchronized boolean healthy() {
        return text.healthy();
    }

    public synchronized void close() {
        text.close();
        if (json != null) {
            json.close();
        }
    }
}
