package dev.memdebug.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * One append-only file with size-capped rotation ({@code name} → {@code name.1} → … {@code name.keep}).
 *
 * <p><b>Durability contract:</b> {@link #append} hands all bytes to the kernel with {@code write(2)}
 * calls on an unbuffered {@link FileChannel} before it returns; nothing stays in the JVM. That is what
 * survives a SIGKILL (the page cache belongs to the kernel). It does not {@code fsync}: a power cut is
 * not the failure this log is for, and an fsync can stall for seconds on a busy disk.
 *
 * <p>Failures never escape: a write that fails is reported once through {@code problems} and the
 * file is reopened on a later append (after the directory was deleted, the file rotated away by
 * someone else, or a full disk freed). A write that fails half-way (a full disk) is cut back to where it
 * started, so a torn event is never followed by complete ones. At most once a second the file is checked
 * against its path: deleted, moved away or replaced, it is started again. Before each write its size is
 * checked: truncated by someone else ({@code > memory_debug.log}, logrotate's copytruncate), writing goes
 * on at its new end. A file that
 * starts empty after the first one begins with the continuation block, so every file can be read on its
 * own. New files are created owner-read/write only ({@code rw-------}), whatever the umask.
 *
 * <p>Thread-safety: not thread-safe; {@link LogWriter} serialises all calls.
 */
final class LogFile {

    private static final long REOPEN_BACKOFF_MILLIS = 2_000;
    private static final long EXISTS_CHECK_MILLIS = 1_000;

    private final Path path;
    private final long maxSize;
    private final int keep;
    private final Consumer<String> problems;
    private FileChannel channel;
    private long size;
    private long lastFailure = Long.MIN_VALUE / 2;
    private long lastExistsCheck;
    private boolean failing;
    private Object fileKey;
    private long lost;

    LogFile(Path path, long maxSize, int keep, Consumer<String> problems) {
        this.path = path;
        this.maxSize = maxSize;
        this.keep = keep;
        this.problems = problems;
    }

    Path path() {
        return path;
    }

    /** Whether the last append reached the file. */
    boolean healthy() {
        return channel != null && !failing;
    }

    /**
     * Appends {@code bytes}; rotates first when they would take the file over its cap, writing
     * {@code continuation} at the top of the new file. Returns whether the bytes reached the kernel.
     */
    boolean append(byte[] bytes, byte[] continuation) {
        long now = System.currentTimeMillis();
        try {
            if (channel != null && now - lastExistsCheck >= EXISTS_CHECK_MILLIS) {
                lastExistsCheck = now;
                checkPath();
            }
            if (channel == null) {
                if (failing && now - lastFailure < REOPEN_BACKOFF_MILLIS) {
                    lost++;
                    return false;
                }
                open(continuation);
            }
            checkTruncated(continuation);
            if (size > 0 && size + bytes.length > maxSize) {
                rotate(continuation);
            }
            writeFully(bytes);
            if (failing) {
                failing = false;
                problems.accept("log file " + path + " is writable again" + (lost > 0 ? "; " + lost
                        + " event(s) in between went to stderr only" : ""));
                lost = 0;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            lastFailure = now;
            closeQuietly();
            lost++;
            if (!failing) {
                failing = true;
                problems.accept("cannot write log file " + path + ": " + describe(e)
                        + "; events go to stderr only until it can be written again");
            }
            return false;
        }
    }

    /** Bytes in the current file, as far as this writer knows. */
    long size() {
        return size;
    }

    void close() {
        closeQuietly();
    }

    /** Compares the open file with what its path now names; closes it when they differ. */
    private void checkPath() {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            problems.accept("log file " + path + " disappeared (deleted or moved by someone else); starting a new one");
            closeQuietly();
            return;
        }
        if (fileKey != null && !fileKey.equals(now.fileKey())) {
            problems.accept("log file " + path + " was replaced by another file; writing to the new one");
            closeQuietly();
            return;
        }
    }

    /**
     * Takes the file's real size before a write (one {@code fstat}): smaller than what this writer wrote
     * means someone truncated it, and the file then starts again with the continuation block.
     */
    private void checkTruncated(byte[] continuation) throws IOException {
        long actual = channel.size();
        long expected = size;
        size = actual;
        if (actual < expected) {
            problems.accept("log file " + path + " was truncated by someone else (" + expected + " -> " + actual
                    + " bytes); writing on at its end");
            if (actual == 0 && continuation != null) {
                writeFully(continuation);
            }
        }
    }

    private void open(byte[] continuation) throws IOException {
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        EnumSet<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (!Files.exists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            channel = FileChannel.open(path, options, ownerOnly);
        } else {
            channel = FileChannel.open(path, options);
        }
        size = channel.size();
        lastExistsCheck = System.currentTimeMillis();
        try {
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            fileKey = null;
        }
        if (size == 0 && continuation != null) {
            writeFully(continuation);
        }
    }

    private void rotate(byte[] continuation) throws IOException {
        closeQuietly();
        if (keep == 0) {
            Files.deleteIfExists(path);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(rotated(i))) {
                    Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open(continuation);
    }

    Path rotated(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }

    private void writeFully(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            if (buffer.position() > 0) {
                cutBack(buffer.position());
            }
            throw e;
        }
        size += bytes.length;
    }

    /** Removes the first {@code written} bytes of an event whose write failed half-way. */
    private void cutBack(int written) {
        try {
            channel.truncate(Math.max(0, channel.size() - written));
        } catch (IOException | RuntimeException ignored) {
            // The torn event stays; the analyzer names it as cut off. Nothing more can be done here.
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a file we only append to loses nothing: every byte was written already.
            }
            channel = null;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + " (" + message + ")";
    }
}
