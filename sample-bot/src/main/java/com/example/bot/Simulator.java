package com.example.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Scripted users that drive the bot through its own webhook over HTTP on 127.0.0.1, to reproduce the
 * guide's patterns: {@code steady}, {@code seed-crash}, {@code leak}, {@code spike}. Errors are printed
 * and the script goes on.
 */
public final class Simulator {

    /** The user ids of the guide's example log, then more. */
    static final long[] USERS = {12345, 67890, 99999, 77777, 88888, 55555, 44444, 33333, 22222, 11111, 10101, 20202};

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI webhook;
    private final Consumer<String> out;
    private long updateId;

    public Simulator(int port, Consumer<String> out) {
        this.webhook = URI.create("http://127.0.0.1:" + port + "/webhook");
        this.out = out;
    }

    /** Which failure pattern a scenario needs switched on, or {@code null}. */
    public static String failureFor(String scenario) {
        return switch (scenario) {
            case "seed-crash" -> "no-session-limit";
            case "leak" -> "leak-downloads";
            default -> null;
        };
    }

    public void run(String scenario, long seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000;
        out.accept("simulating '" + scenario + "' for up to " + seconds + " s");
        switch (scenario) {
            case "steady" -> steady(end);
            case "seed-crash" -> seedCrash(end);
            case "leak" -> leak(end);
            case "spike" -> spike(end);
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "' (steady, seed-crash, leak, spike)");
        }
    }

    /** Two or three users come and go with modest downloads; memory stays well under 512 MB. */
    private void steady(long end) throws InterruptedException {
        int round = 0;
        while (System.currentTimeMillis() < end) {
            long a = USERS[round % 3];
            long b = USERS[(round + 1) % 3];
            send(a, "/start");
            send(b, "/start");
            send(a, "/download photo-" + round + ".jpg " + (5 + round % 10));
            send(b, "/download doc-" + round + ".pdf " + (8 + round % 12));
            pause(end, 1500);
            send(a, "/stop");
            pause(end, 500);
            round++;
        }
    }

    /** The guide's timeline, compressed: sessions climb past the limit while large downloads pile up. */
    private void seedCrash(long end) throws InterruptedException {
        for (int i = 0; System.currentTimeMillis() < end; i++) {
            long user = USERS[i % USERS.length] + (i / USERS.length) * 100_000L;
            send(user, "/start");
            send(user, "/download video-" + i + ".mp4 " + (40 + (i * 13) % 41));
            send(user, "/download album-" + i + ".zip " + (40 + (i * 29) % 41));
            pause(end, 2000);
        }
    }

    /** One user downloads files back to back; the buffers are never freed. */
    private void leak(long end) throws InterruptedException {
        long user = USERS[0];
        send(user, "/start");
        for (int i = 0; System.currentTimeMillis() < end; i++) {
            send(user, "/download part-" + i + ".bin " + (10 + i % 11));
            pause(end, 4000);
        }
    }

    /** Normal use, then one huge download. */
    private void spike(long end) throws InterruptedException {
        send(USERS[0], "/start");
        send(USERS[0], "/download small.jpg 5");
        pause(end, 5000);
        send(USERS[1], "/start");
        send(USERS[1], "/download huge-backup.tar 700");
        while (System.currentTimeMillis() < end) {
            pause(end, 1000);
        }
    }

    private void send(long user, String text) {
        long id = ++updateId;
        String json = String.format(Locale.ROOT,
                "{\"update_id\":%d,\"message\":{\"message_id\":%d,\"from\":{\"id\":%d,\"first_name\":\"User%d\"},"
                        + "\"chat\":{\"id\":%d,\"type\":\"private\"},\"date\":%d,\"text\":%s}}",
                id, id, user, user, user, System.currentTimeMillis() / 1000, BotServer.quote(text));
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                out.accept("user " + user + " " + text + " -> HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (Exception | OutOfMemoryError e) {
            out.accept("user " + user + " " + text + " failed: " + e);
        }
    }

    private static void pause(long end, long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, Math.min(millis, end - System.currentTimeMillis())));
    }
}
