package com.example.bot;

import java.time.Duration;

/**
 * What a finished download produced. Immutable except for {@code processed}, which is handed over as
 * is and must not be changed.
 *
 * @param job          the job that was run
 * @param checksum     the CRC-32 of the file's bytes
 * @param bytesWritten how many bytes were written to the temporary file
 * @param processed    the processed result (a preview of the file) for the {@link ResultCache}
 * @param elapsed      how long the download took
 */
public record DownloadResult(DownloadJob job, long checksum, long bytesWritten, byte[] processed, Duration elapsed) {
}
