package com.example.bot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Fetches the files users ask for. A file is received at a simulated bandwidth into direct buffers
 * from a {@link BufferPool}, as a native HTTP client or Netty would receive it; then it is
 * checksummed, written to a temporary file (standing for the upload to the user) that is deleted
 * again, and a 1 MB preview is copied to the heap as the processed result. The buffers go back to the
 * pool, or, with {@link FailurePattern#LEAK_DOWNLOADS} on, are kept for good once a download completes
 * (the guide's "memory not freed after operations").
 *
 * <p>A job whose name contains {@code fail} simulates a server that resets the connection halfway.
 *
 * <p>Thread-safe: any number of threads may download at once.
 */
public final class Downloader {

    /** The size of the buffers a download is received into. */
    public static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private static final int PREVIEW_BYTES = 1024 * 1024;
    private static final int PACKET_BYTES = 64 * 1024;

    private final BufferPool buffers;
    private final Path tempDir;
    private final long bytesPerSecond;
    private final boolean leakBuffers;
    private final AtomicInteger active = new AtomicInteger();
    private final Queue<ByteBuffer> leaked = new ConcurrentLinkedQueue<>();

    /**
     * @param settings the bandwidth and whether {@link FailurePattern#LEAK_DOWNLOADS} is on
     * @param buffers  a pool of {@link #CHUNK_BYTES} buffers
     * @param tempDir  where the temporary files go; it must exist
     */
    public Downloader(BotSettings settings, BufferPool buffers, Path tempDir) {
        if (buffers.bufferBytes() != CHUNK_BYTES) {
            throw new IllegalArgumentException("the pool's buffers must be " + CHUNK_BYTES + " bytes, not " + buffers.bufferBytes());
        }
        this.buffers = buffers;
        this.tempDir = tempDir;
        this.bytesPerSecond = settings.bandwidthMbPerSecond() * 1024L * 1024L;
        this.leakBuffers = settings.has(FailurePattern.LEAK_DOWNLOADS);
    }

    /**
     * Downloads and processes the file; blocks for as long as the simulated bandwidth takes.
     *
     * @throws IOException      if the transfer fails (a job named {@code *fail*}), the temporary file
     *                          cannot be written, or the thread is interrupted ({@link InterruptedIOException})
     * @throws OutOfMemoryError if there is no direct memory for the buffers or no heap for the preview
     */
    public DownloadResult download(DownloadJob job) throws IOException {
        long started = System.nanoTime();
        active.incrementAndGet();
        List<ByteBuffer> chunks = new ArrayList<>();
        boolean completed = false;
        try {
            receive(job, chunks);
            long checksum = checksum(chunks);
            long written = writeTemporaryFile(chunks);
            byte[] processed = preview(chunks);
            completed = true;
            return new DownloadResult(job, checksum, written, processed, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (completed && leakBuffers) {
                leaked.addAll(chunks);
            } else {
                chunks.forEach(buffers::release);
            }
            active.decrementAndGet();
        }
    }

    /** How many downloads are running. */
    public int activeCount() {
        return active.get();
    }

    /** Direct memory held by completed downloads' buffers under {@link FailurePattern#LEAK_DOWNLOADS}. */
    public long leakedBytes() {
        return (long) leaked.size() * CHUNK_BYTES;
    }

    private void receive(DownloadJob job, List<ByteBuffer> chunks) throws IOException {
        long total = job.sizeBytes();
        boolean resetHalfway = job.name().toLowerCase(Locale.ROOT).contains("fail");
        long end = resetHalfway ? total / 2 : total;
        byte[] packet = new byte[PACKET_BYTES];
        new SplittableRandom(job.name().hashCode()).nextBytes(packet);
        long started = System.nanoTime();
        for (long received = 0; received < end; ) {
            ByteBuffer chunk = buffers.acquire();
            chunks.add(chunk);
            chunk.limit((int) Math.min(CHUNK_BYTES, end - received));
            while (chunk.hasRemaining()) {
                chunk.put(packet, 0, Math.min(packet.length, chunk.remaining()));
            }
            chunk.flip();
            received += chunk.limit();
            throttle(started, received);
        }
        if (resetHalfway) {
            throw new IOException("connection reset by the server after " + (end >> 20) + " of " + job.sizeMb() + " MB");
        }
    }

    private void throttle(long startedNanos, long received) throws InterruptedIOException {
        if (bytesPerSecond == 0) {
            return;
        }
        long wait = startedNanos + received * 1_000_000_000L / bytesPerSecond - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download interrupted");
        }
    }

    private static long checksum(List<ByteBuffer> chunks) {
        CRC32 crc = new CRC32();
        chunks.forEach(chunk -> crc.update(chunk.duplicate()));
        return crc.getValue();
    }

    private long writeTemporaryFile(List<ByteBuffer> chunks) throws IOException {
        Path file = Files.createTempFile(tempDir, "download-", ".part");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (ByteBuffer chunk : chunks) {
                ByteBuffer view = chunk.duplicate();
                while (view.hasRemaining()) {
                    out.write(view);
                }
            }
            return out.size();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] preview(List<ByteBuffer> chunks) {
        ByteBuffer first = chunks.get(0).duplicate();
        byte[] preview = new byte[Math.min(PREVIEW_BYTES, first.remaining())];
        first.get(preview);
        return preview;
    }
}
