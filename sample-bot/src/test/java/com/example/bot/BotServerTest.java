package com.example.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BotServerTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private Bot bot;
    private BotServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        BotSettings settings = BotSettings.fromEnvironment(Map.of()).withSessionMb(1).withBandwidth(0);
        bot = Bot.create(settings, temp, EventLog.silent());
        server = BotServer.start(bot, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        bot.close();
    }

    @Test
    @Timeout(30)
    void aUserStartsDownloadsAndTheHealthShowsTheResult() throws Exception {
        assertEquals("{\"method\":\"sendMessage\",\"chat_id\":12345,\"text\":\"Welcome! Send /download <name> <size-mb> to fetch a file, /stop to end.\"}",
                post("/webhook", update("/start")).body());
        HttpResponse<String> queued = post("/webhook", update("/download x 1"));
        assertEquals(200, queued.statusCode());
        String reply = (String) ((Map<?, ?>) Json.parse(queued.body())).get("text");
        assertTrue(reply.matches("Queued x \\(1 MB\\); [01] waiting\\."), reply);

        Health health = new BotClient(base).health();
        while (!health.downloadsIdle()) {
            Thread.sleep(10);
            health = new BotClient(base).health();
        }
        assertEquals(new Health(1, 0, 0, 1), health);
        assertEquals("{\"status\":\"ok\",\"sessions\":1,\"queue\":0,\"activeDownloads\":0,\"cache\":1}", get("/health").body());
    }

    @Test
    void badRequestsGetErrors() throws Exception {
        HttpResponse<String> malformed = post("/webhook", "{\"update_id\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"error\":\"malformed JSON at position 13: unexpected end of input\"}", malformed.body());
        assertEquals(413, post("/webhook", " ".repeat(70_000)).statusCode());
        HttpResponse<String> wrongMethod = get("/webhook");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertEquals(404, get("/webhook/other").statusCode());
        assertEquals(404, get("/").statusCode());
    }

    @Test
    void updatesOtherThanMessagesAreAcknowledged() throws Exception {
        HttpResponse<String> response = post("/webhook", "{\"update_id\":5,\"callback_query\":{\"id\":\"1\"}}");
        assertEquals(200, response.statusCode());
        assertEquals("{}", response.body());
    }

    private static String update(String text) {
        return "{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":12345,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":12345,\"type\":\"private\"},\"date\":1700000000,\"text\":" + Json.quote(text) + "}}";
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
