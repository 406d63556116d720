package com.example.bot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Talks to a running bot over HTTP: sends messages to its webhook the way Telegram delivers them, and
 * reads its health. Thread-safe.
 */
final class BotClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI webhook;
    private final URI health;
    private final AtomicLong updateIds = new AtomicLong();

    /** @param base the bot's address, e.g. {@code http://127.0.0.1:8080} */
    BotClient(URI base) {
        this.webhook = base.resolve("/webhook");
        this.health = base.resolve("/health");
    }

    /**
     * Sends {@code text} as a private message from {@code userId} and returns the bot's reply text
     * ({@code ""} if the bot answered without one).
     *
     * @throws IOException if the request fails or the bot does not answer 200
     */
    String send(long userId, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(updateJson(userId, text))).build();
        String body = call(request);
        if (Json.parse(body) instanceof Map<?, ?> answer && answer.get("text") instanceof String reply) {
            return reply;
        }
        return "";
    }

    /** @throws IOException if the request fails or the bot does not answer 200 */
    Health health() throws IOException, InterruptedException {
        return Health.fromJson(call(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build()));
    }

    private String call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri().getPath() + ": " + response.body());
        }
        return response.body();
    }

    private String updateJson(long userId, String text) {
        long id = updateIds.incrementAndGet();
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id
                + ",\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"User " + userId + "\"}"
                + ",\"chat\":{\"id\":" + userId + ",\"type\":\"private\"}"
                + ",\"date\":" + Instant.now().getEpochSecond() + ",\"text\":" + Json.quote(text) + "}}";
    }
}
