package com.example.bot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Downloads waiting their turn, and the worker threads ({@code download-worker-1} ...) that run them
 * with the {@link Downloader}, at most {@code maxConcurrent} at a time. Each outcome, an
 * {@link OutOfMemoryError} included, goes to the {@link DownloadListener}; the workers keep going,
 * even past a listener that throws (that is reported as an uncaught exception). Thread-safe.
 */
public final class DownloadQueue implements AutoCloseable {

    private final BlockingQueue<DownloadJob> waiting = new LinkedBlockingQueue<>();
    private final Downloader downloader;
    private final DownloadListener listener;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /** Starts {@code maxConcurrent} daemon worker threads. */
    public DownloadQueue(Downloader downloader, int maxConcurrent, DownloadListener listener) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("needs at least 1 worker, not " + maxConcurrent);
        }
        this.downloader = downloader;
        this.listener = listener;
        for (int i = 1; i <= maxConcurrent; i++) {
            Thread worker = new Thread(this::work, "download-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /** Adds the job to the end of the queue; it runs when a worker is free. */
    public void submit(DownloadJob job) {
        waiting.add(Objects.requireNonNull(job, "job"));
    }

    /** How many jobs wait for a worker (running ones not included). */
    public int size() {
        return waiting.size();
    }

    /** Stops the workers: running downloads are interrupted and waiting ones dropped, neither reported. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            DownloadJob job;
            try {
                job = waiting.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                run(job);
            } catch (RuntimeException | OutOfMemoryError e) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    private void run(DownloadJob job) {
        DownloadResult result;
        try {
            result = downloader.download(job);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (!closed) {
                listener.failed(job, e);
            }
            return;
        }
        listener.completed(result);
    }
}
