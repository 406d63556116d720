package com.example.bot;

/**
 * Told by the {@link DownloadQueue} how each download ended. Called on the worker thread that ran the
 * download, so implementations must be thread-safe, and should return quickly.
 */
public interface DownloadListener {

    void completed(DownloadResult result);

    /** The download failed; {@code cause} may be an {@link OutOfMemoryError} when memory ran out. */
    void failed(DownloadJob job, Throwable cause);
}
