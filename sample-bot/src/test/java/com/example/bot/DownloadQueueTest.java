package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadQueueTest {

    @TempDir
    Path temp;

    /** Records outcomes as "completed NAME on THREAD" and "failed NAME: CAUSE". */
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

    private final DownloadListener recorder = new DownloadListener() {
        @Override
        public void completed(DownloadResult result) {
            outcomes.add("completed " + result.job().name() + " on " + Thread.currentThread().getName());
        }

        @Override
        public void failed(DownloadJob job, Throwable cause) {
            outcomes.add("failed " + job.name() + ": " + cause.getClass().getSimpleName());
        }
    };

    @Test
    void workersRunEveryJobAndReportHowItEnded() throws Exception {
        BotSettings settings = BotSettings.fromEnvironment(Map.of("RENDER", "1")).withBandwidth(0);
        Downloader downloader = new Downloader(settings, new BufferPool(Downloader.CHUNK_BYTES, 8), temp);
        try (DownloadQueue queue = new DownloadQueue(downloader, settings.maxConcurrentDownloads(), recorder)) {
            for (int i = 0; i < 6; i++) {
                queue.submit(new DownloadJob(1, "file-" + i + ".bin", 1));
            }
            queue.submit(new DownloadJob(1, "fail.bin", 2));

            Set<String> completed = new TreeSet<>();
            String failure = null;
            for (int i = 0; i < 7; i++) {
                String outcome = outcomes.poll(30, TimeUnit.SECONDS);
                assertNotNull(outcome, "outcome " + (i + 1) + " of 7");
                if (outcome.startsWith("failed ")) {
                    failure = outcome;
                } else {
                    completed.add(outcome.substring(0, outcome.indexOf(" on ")));
                    String thread = outcome.substring(outcome.indexOf(" on ") + 4);
                    assertTrue(thread.matches("download-worker-[123]"), thread);
                }
            }
            assertEquals(6, completed.size(), completed.toString());
            assertEquals("failed fail.bin: " + IOException.class.getSimpleName(), failure);
            assertEquals(0, queue.size());
        }
    }
}
