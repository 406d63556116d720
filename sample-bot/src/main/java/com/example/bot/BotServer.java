package com.example.bot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's HTTP side. {@code POST /webhook} takes a Telegram Update and answers 200 with the reply
 * as a {@code sendMessage} call, which Telegram performs for a webhook (or {@code {}} for an update
 * the bot ignores), 400 for a malformed update; {@code GET /health} answers {@link Health#toJson()}.
 * When memory runs out while serving a request, the answer is 503 and the server goes on.
 * Thread-safe.
 */
public final class BotServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int HTTP_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private BotServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds to {@code address} (port 0 picks a free port) and starts serving {@code bot}.
     *
     * @throws IOException if the address cannot be bound
     */
    public static BotServer start(Bot bot, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, task -> new Thread(task, "http-" + threads.incrementAndGet()));
        server.setExecutor(executor);
        server.createContext("/webhook", guarded("/webhook", exchange -> webhook(bot, exchange)));
        server.createContext("/health", guarded("/health", exchange -> health(bot, exchange)));
        server.start();
        return new BotServer(server, executor);
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Stops accepting requests and ends the HTTP threads; requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void webhook(Bot bot, HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, 405, error("use POST"));
            return;
        }
        Optional<String> body = readBody(exchange);
        if (body.isEmpty()) {
            respond(exchange, 413, error("the body is larger than " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        Optional<Update> update;
        try {
            update = UpdateParser.parse(body.get());
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, error(e.getMessage()));
            return;
        }
        if (update.isEmpty()) {
            respond(exchange, 200, "{}");
            return;
        }
        String reply = bot.handle(update.get());
        respond(exchange, 200, "{\"method\":\"sendMessage\",\"chat_id\":" + update.get().chatId() + ",\"text\":" + Json.quote(reply) + "}");
    }

    private static void health(Bot bot, HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            respond(exchange, 405, error("use GET"));
            return;
        }
        respond(exchange, 200, bot.health().toJson());
    }

    /**
     * Serves only {@code path} itself (a context also matches what lies below it). A request that runs
     * out of memory gets 503; one that fails with a bug gets 500, and the bug is reported as an
     * uncaught exception.
     */
    private static HttpHandler guarded(String path, HttpHandler handler) {
        return exchange -> {
            try {
                if (exchange.getRequestURI().getPath().equals(path)) {
                    handler.handle(exchange);
                } else {
                    respond(exchange, 404, error("not found"));
                }
            } catch (OutOfMemoryError e) {
                respondIfPossible(exchange, 503, error("out of memory"));
            } catch (RuntimeException e) {
                respondIfPossible(exchange, 500, error("internal error"));
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            } finally {
                exchange.close();
            }
        };
    }

    /** The body, or empty if it is larger than {@link #MAX_BODY_BYTES}. */
    private static Optional<String> readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers unless a response was already started; then the client just sees the connection close. */
    private static void respondIfPossible(HttpExchange exchange, int status, String json) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            respond(exchange, status, json);
        } catch (IOException | RuntimeException | OutOfMemoryError ignored) {
            // The client sees the connection close instead.
        }
    }

    private static String error(String message) {
        return "{\"error\":" + Json.quote(message) + "}";
    }
}
