package com.example.bot;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Downloads waiting to run, and the workers that run at most {@code maxConcurrentDownloads} at a time.
 * {@link #size()} is the number waiting. Thread-safe.
 */
public final class DownloadQueue {

    private final LinkedBlockingQueue<DownloadJob> waiting = new LinkedBlockingQueue<>();
    private final Semaphore slots;
    private final Downloader downloader;
    private final Consumer<String> events;

    public DownloadQueue(BotSettings settings, Downloader downloader, Consumer<String> events) {
        this.slots = new Semaphore(settings.maxConcurrentDownloads());
        this.downloader = downloader;
        this.events = events;
        for (int i = 1; i <= settings.maxConcurrentDownloads(); i++) {
            Thread worker = new Thread(this::work, "download-worker-" + i);
            worker.setDaemon(true);
            worker.start();
        }
    }

    public void submit(DownloadJob job) {
        waiting.add(job);
    }

    public int size() {
        return waiting.size();
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            DownloadJob job;
            try {
                job = waiting.take();
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                DownloadResult result = downloader.download(job);
                events.accept("download done: " + job + " in " + result.millis() + " ms");
            } catch (Exception | OutOfMemoryError e) {
                events.accept("download failed: " + job + ": " + e);
            } finally {
                slots.release();
            }
        }
    }
}
