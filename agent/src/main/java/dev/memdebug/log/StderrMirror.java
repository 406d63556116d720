package dev.memdebug.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Copies log text to the process's standard error, which platforms (Render, Heroku, {@code docker
 * logs}, {@code kubectl logs --previous}) keep in their log stream when the disk is reset. Every line
 * carries the same prefix, so {@code grep memdebug} over that stream gives a readable excerpt.
 *
 * <p>Writes go straight to file descriptor 2, not through {@link System#err}: an app that redirects
 * {@code System.err} into its logging framework would otherwise buffer, reformat or drop them, and
 * the write reaches the kernel before the call returns.
 *
 * <p>Thread-safety: {@code synchronized}; the agent's threads only.
 */
public final class StderrMirror {

    /** The prefix of every mirrored line. */
    public static final String PREFIX = "[memdebug] ";

    private final FileOutputStream err = new FileOutputStream(FileDescriptor.err);
    private boolean broken;

    /** Writes {@code text} (one or more lines) with the prefix on each line. Never throws. */
    public synchronized void write(String text) {
        if (broken) {
            return;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            out.append(PREFIX).append(text, start, end).append('\n');
            start = end + 1;
        }
        try {
            err.write(out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A closed stderr cannot be reported anywhere else; stop trying so we don't pay for it again.
            broken = true;
        }
    }
}
