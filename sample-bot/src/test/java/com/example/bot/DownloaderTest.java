package com.example.bot;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final BotSettings UNTHROTTLED = BotSettings.fromEnvironment(Map.of()).withBandwidth(0);

    @TempDir
    Path temp;

    private final BufferPool pool = new BufferPool(Downloader.CHUNK_BYTES, 4);

    @Test
    void aDownloadWritesItsTemporaryFileAndDeletesIt() throws Exception {
        Downloader downloader = new Downloader(UNTHROTTLED, pool, temp);
        try (WatchService watcher = temp.getFileSystem().newWatchService()) {
            temp.register(watcher, ENTRY_CREATE, ENTRY_DELETE);

            DownloadResult result = downloader.download(new DownloadJob(12345, "report.pdf", 9));

            assertEquals(9L * 1024 * 1024, result.bytesWritten());
            assertEquals(List.of(), list(temp), "the temporary file is gone");
            List<String> events = new ArrayList<>();
            while (events.size() < 2) {
                WatchKey key = watcher.poll(10, TimeUnit.SECONDS);
                if (key == null) {
                    break;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    events.add(event.kind().name() + " " + event.context());
                }
                key.reset();
            }
            assertEquals(2, events.size(), events.toString());
            String file = events.get(0).substring("ENTRY_CREATE ".length());
            assertTrue(file.startsWith("download-") && file.endsWith(".part"), file);
            assertEquals(List.of("ENTRY_CREATE " + file, "ENTRY_DELETE " + file), events);
        }
    }

    @Test
    void theResultHasTheChecksumAndAOneMegabytePreview() throws Exception {
        Downloader downloader = new Downloader(UNTHROTTLED, pool, temp);
        DownloadResult first = downloader.download(new DownloadJob(1, "a.bin", 2));
        DownloadResult again = downloader.download(new DownloadJob(2, "a.bin", 2));
        DownloadResult other = downloader.download(new DownloadJob(1, "b.bin", 2));
        assertEquals(first.checksum(), again.checksum(), "the same file has the same bytes");
        assertNotEquals(first.checksum(), other.checksum());
        assertEquals(1024 * 1024, first.processed().length);
        assertEquals(0, downloader.activeCount());
    }

    @Test
    void buffersGoBackToThePoolForReuse() throws Exception {
        Downloader downloader = new Downloader(UNTHROTTLED, pool, temp);
        downloader.download(new DownloadJob(1, "three-chunks.bin", 10));
        assertEquals(3, pool.retained());
        downloader.download(new DownloadJob(1, "one-chunk.bin", 1));
        assertEquals(3, pool.retained(), "the chunk was taken from the pool and given back");
        assertEquals(0, downloader.leakedBytes());
    }

    @Test
    void withLeakDownloadsTheBuffersAreKept() throws Exception {
        BotSettings leaking = UNTHROTTLED.withFailures(Set.of(FailurePattern.LEAK_DOWNLOADS));
        Downloader downloader = new Downloader(leaking, pool, temp);
        downloader.download(new DownloadJob(1, "a.bin", 5));
        downloader.download(new DownloadJob(1, "b.bin", 3));
        assertEquals(3L * Downloader.CHUNK_BYTES, downloader.leakedBytes());
        assertEquals(0, pool.retained());
    }

    @Test
    void aFailedDownloadCleansUpAfterItself() throws Exception {
        Downloader downloader = new Downloader(UNTHROTTLED.withFailures(Set.of(FailurePattern.LEAK_DOWNLOADS)), pool, temp);
        IOException e = assertThrows(IOException.class, () -> downloader.download(new DownloadJob(1, "will-fail.zip", 16)));
        assertEquals("connection reset by the server after 8 of 16 MB", e.getMessage());
        assertEquals(0, downloader.activeCount());
        assertEquals(2, pool.retained(), "the buffers received so far were released");
        assertEquals(0, downloader.leakedBytes(), "only completed downloads leak");
        assertEquals(List.of(), list(temp));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
