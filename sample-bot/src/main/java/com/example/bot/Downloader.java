package com.example.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Fetches a file into direct buffers (as a native HTTP client or Netty would), at a simulated
 * bandwidth, then processes it (a checksum and a 1 MB "thumbnail" for the cache), writes it to a temp
 * file, deletes that file and drops the buffers. With the "leak downloads" failure pattern the buffers
 * are kept after completion (the guide's "memory not freed after operations"). Thread-safe.
 */
public final class Downloader {

    private static final int CHUNK = 4 * 1024 * 1024;

    private final BotSettings settings;
    private final ResultCache cache;
    private final Path tempDir;
    private final AtomicInteger active = new AtomicInteger();
    private final List<ByteBuffer> leaked = Collections.synchronizedList(new ArrayList<>());

    public Downloader(BotSettings settings, ResultCache cache, Path tempDir) {
        this.settings = settings;
        this.cache = cache;
        this.tempDir = tempDir;
    }

    public DownloadResult download(DownloadJob job) throws IOException {
        long start = System.currentTimeMillis();
        active.incrementAndGet();
        try {
            if (job.name().contains("fail")) {
                throw new IOException("the server refused " + job.name());
            }
            List<ByteBuffer> chunks = fetch(job);
            CRC32 crc = new CRC32();
            for (ByteBuffer chunk : chunks) {
                crc.update(chunk.duplicate().flip());
            }
            Path file = Files.createTempFile(tempDir, "download-", ".bin");
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (ByteBuffer chunk : chunks) {
                    ByteBuffer view = chunk.duplicate().flip();
                    while (view.hasRemaining()) {
                        out.write(view);
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
            byte[] processed = new byte[1024 * 1024];
            processed[0] = (byte) crc.getValue();
            for (int i = 0; i < processed.length; i += 4096) {
                processed[i] = 1;
            }
            cache.put(job.userId() + "/" + job.name(), processed);
            if (settings.leakDownloads()) {
                leaked.addAll(chunks);
            }
            return new DownloadResult(job, crc.getValue(), processed, System.currentTimeMillis() - start);
        } finally {
            active.decrementAndGet();
        }
    }

    private List<ByteBuffer> fetch(DownloadJob job) {
        long total = (long) job.sizeMb() * 1024 * 1024;
        long nanosPerChunk = settings.bandwidthMbPerSecond() <= 0 ? 0
                : (long) (1e9 * CHUNK / (settings.bandwidthMbPerSecond() * 1024.0 * 1024.0));
        List<ByteBuffer> chunks = new ArrayList<>();
        byte[] packet = new byte[4096];
        for (long got = 0; got < total; got += CHUNK) {
            ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min(CHUNK, total - got));
            packet[0] = (byte) got;
            while (chunk.hasRemaining()) {
                chunk.put(packet, 0, Math.min(packet.length, chunk.remaining()));
            }
            chunks.add(chunk);
            sleepNanos(nanosPerChunk);
        }
        return chunks;
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    public int activeCount() {
        return active.get();
    }

    /** Buffers kept by the leak failure pattern, in bytes. */
    public long leakedBytes() {
        synchronized (leaked) {
            return leaked.stream().mapToLong(ByteBuffer::capacity).sum();
        }
    }
}
