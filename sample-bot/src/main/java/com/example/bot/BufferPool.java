package com.example.bot;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size, reused the way a pooled network allocator (Netty's, for one) reuses
 * them: {@link #release(ByteBuffer)} hands a buffer back for a later {@link #acquire()}. At most
 * {@code maxRetained} buffers wait for reuse; the JVM frees the memory of any other released buffer
 * once the garbage collector finds it unreachable. A buffer that is acquired and never released is a
 * leak. Thread-safe.
 */
public final class BufferPool {

    private final int bufferBytes;
    private final int maxRetained;
    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retained = new AtomicInteger();

    public BufferPool(int bufferBytes, int maxRetained) {
        if (bufferBytes < 1 || maxRetained < 0) {
            throw new IllegalArgumentException("needs bufferBytes >= 1 and maxRetained >= 0, not " + bufferBytes + " and " + maxRetained);
        }
        this.bufferBytes = bufferBytes;
        this.maxRetained = maxRetained;
    }

    /**
     * A cleared direct buffer of {@link #bufferBytes()}, reused if one is free.
     *
     * @throws OutOfMemoryError if a new buffer would take direct memory past {@code -XX:MaxDirectMemorySize}
     */
    public ByteBuffer acquire() {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(bufferBytes);
        }
        retained.decrementAndGet();
        return buffer.clear();
    }

    /** Hands a buffer from {@link #acquire()} back; the caller must not use it afterwards. */
    public void release(ByteBuffer buffer) {
        if (!buffer.isDirect() || buffer.capacity() != bufferBytes) {
            throw new IllegalArgumentException("not a buffer of this pool: " + buffer);
        }
        if (retained.incrementAndGet() <= maxRetained) {
            free.add(buffer);
        } else {
            retained.decrementAndGet();
        }
    }

    public int bufferBytes() {
        return bufferBytes;
    }

    /** How many released buffers wait for reuse. */
    public int retained() {
        return retained.get();
    }
}
