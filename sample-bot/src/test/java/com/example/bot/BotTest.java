package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotTest {

    @TempDir
    Path temp;

    @Test
    void sessionLimitIsThreeOnRenderAndFiveElsewhere() {
        BotSettings render = BotSettings.fromEnvironment(Map.of("RENDER", "true")).withSessionMb(1);
        SessionManager sessions = new SessionManager(render);
        for (long u = 1; u <= 3; u++) {
            sessions.createSession(u);
        }
        assertThrows(SessionLimitException.class, () -> sessions.createSession(4));
        assertEquals(5, BotSettings.fromEnvironment(Map.of()).maxSessions());
        assertEquals(3, render.maxConcurrentDownloads());
    }

    @Test
    void noSessionLimitPatternLetsThemPile() {
        BotSettings s = BotSettings.fromEnvironment(Map.of("RENDER", "1", "BOT_FAILURES", "no-session-limit")).withSessionMb(1);
        SessionManager sessions = new SessionManager(s);
        for (long u = 1; u <= 6; u++) {
            sessions.createSession(u);
        }
        assertEquals(6, sessions.activeCount());
        assertTrue(sessions.closeSession(6));
        assertEquals(5, sessions.activeCount());
    }

    @Test
    void cacheIsBoundedUnlessUnbounded() {
        ResultCache bounded = new ResultCache(3, false);
        ResultCache unbounded = new ResultCache(3, true);
        for (int i = 0; i < 10; i++) {
            bounded.put("k" + i, new byte[1]);
            unbounded.put("k" + i, new byte[1]);
        }
        assertEquals(3, bounded.size());
        assertEquals(10, unbounded.size());
    }

    @Test
    void aDownloadWritesAndDeletesItsTempFileAndCachesTheResult() throws Exception {
        BotSettings s = BotSettings.fromEnvironment(Map.of()).withBandwidth(0);
        ResultCache cache = new ResultCache(5, false);
        Downloader downloader = new Downloader(s, cache, temp);
        DownloadResult r = downloader.download(new DownloadJob(1, "a.bin", 3));
        assertEquals(1, cache.size());
        assertEquals(1024 * 1024, r.processed().length);
        try (var files = Files.list(temp)) {
            assertEquals(0, files.count(), "the temp file was deleted");
        }
        assertThrows(java.io.IOException.class, () -> downloader.download(new DownloadJob(1, "fail.bin", 1)));
        assertEquals(0, downloader.activeCount());
    }

    @Test
    void theWebhookAndHealthWorkOverHttp() throws Exception {
        Bot bot = new Bot(BotSettings.fromEnvironment(Map.of()).withSessionMb(1).withBandwidth(0), temp, m -> { });
        BotServer server = new BotServer(bot, "127.0.0.1", 0);
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String start = post(client, base, "/start");
            assertTrue(start.contains("Welcome"), start);
            String download = post(client, base, "/download x 1");
            assertTrue(download.contains("Queued x (1 MB)"), download);
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create(base + "/webhook"))
                    .POST(HttpRequest.BodyPublishers.ofString("{oops")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            long deadline = System.currentTimeMillis() + 10_000;
            String health = "";
            while (System.currentTimeMillis() < deadline) {
                health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (health.contains("\"cache\":1")) {
                    break;
                }
                Thread.sleep(20);
            }
            assertEquals("{\"status\":\"ok\",\"sessions\":1,\"queue\":0,\"activeDownloads\":0,\"cache\":1}", health);
        } finally {
            server.stop();
        }
    }

    private static String post(HttpClient client, String base, String text) throws Exception {
        String json = "{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":42},\"chat\":{\"id\":42},\"text\":\"" + text + "\"}}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
