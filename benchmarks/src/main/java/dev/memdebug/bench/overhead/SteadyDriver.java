package dev.memdebug.bench.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plays the sample bot's {@code steady} script against a running bot, unpaced: the same three users,
 * the same order of {@code /start}, eight downloads of 5-20 MB and {@code /stop}, but each message is
 * sent as soon as the previous one is answered instead of every 2 s, for a fixed number of messages.
 * The bot's own {@code --simulate steady} is paced by the clock, which fixes its request rate; this
 * fixes the work instead, so the time it takes measures the bot's throughput. Not thread-safe.
 */
final class SteadyDriver {

    private static final long[] USERS = {12345, 67890, 99999};
    private static final String[] FILES = {"photo.jpg", "report.pdf", "voice.ogg", "slides.pptx", "song.mp3", "scan.png", "notes.txt", "clip.mp4"};
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI webhook;
    private final URI health;

    SteadyDriver(int port) {
        URI base = URI.create("http://127.0.0.1:" + port);
        this.webhook = base.resolve("/webhook");
        this.health = base.resolve("/health");
    }

    /** Whether {@code GET /health} answers 200 now; false while the bot is not listening yet. */
    boolean healthy() {
        try {
            return get(health).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends {@code messages} messages of the script, then waits until no download is queued or running. */
    void run(int messages) throws IOException, InterruptedException {
        int stepsPerVisit = FILES.length + 2;
        for (int turn = 0; turn < messages; turn++) {
            long user = USERS[turn % USERS.length];
            int step = turn / USERS.length % stepsPerVisit;
            String text;
            if (step == 0) {
                text = "/start";
            } else if (step <= FILES.length) {
                text = "/download " + numbered(FILES[step - 1], turn) + " " + (5 + turn * 7 % 16);
            } else {
                text = "/stop";
            }
            send(turn + 1, user, text);
        }
        while (!downloadsIdle()) {
            Thread.sleep(20);
        }
    }

    private void send(long id, long user, String text) throws IOException, InterruptedException {
        String update = "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id
                + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"User " + user + "\"}"
                + ",\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\"" + text + "\"}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for '" + text + "': " + response.body());
        }
    }

    private boolean downloadsIdle() throws IOException, InterruptedException {
        String body = get(health).body();
        return body.contains("\"queue\":0,") && body.contains("\"activeDownloads\":0,");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code video.mp4}, 3 -> {@code video-3.mp4}, as the bot's simulator names files. */
    private static String numbered(String file, int n) {
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot) + "-" + n + file.substring(dot);
    }
}
