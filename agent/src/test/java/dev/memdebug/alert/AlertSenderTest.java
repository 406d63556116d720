package dev.memdebug.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against real HTTP servers on 127.0.0.1: one that answers, one that fails, one that hangs, none. */
class AlertSenderTest {

    private static final String BLOCK = "[12:00:00] 🚨 CRITICAL MEMORY - CRASH IMMINENT: 480.0 MB / 512 MB\nSessions: 4\n";

    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    @Test
    void postsTheBlockAndReportsSuccessWithoutTheSecret() throws Exception {
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpServer server = server(200, bodies);
        AlertSender sender = sender("http://127.0.0.1:" + server.getAddress().getPort() + "/hook/SECRET?token=SECRET2", 2000);
        assertTrue(sender.offer(BLOCK));
        assertEquals(BLOCK.strip() + "\n", bodies.poll(10, TimeUnit.SECONDS));
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome);
        assertTrue(outcome.startsWith("ok: alert sent to http://127.0.0.1:" + server.getAddress().getPort() + "/… (HTTP 200, "), outcome);
        assertFalse(outcome.contains("SECRET"), outcome);
    }

    @Test
    void anErrorStatusIsOneFailureLine() throws Exception {
        HttpServer server = server(500, new LinkedBlockingQueue<>());
        AlertSender sender = sender("http://127.0.0.1:" + server.getAddress().getPort() + "/SECRET", 2000);
        sender.offer(BLOCK);
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome);
        assertTrue(outcome.startsWith("failed: alert to http://127.0.0.1:") && outcome.contains("answered HTTP 500"), outcome);
        assertTrue(outcome.endsWith("not retried"), outcome);
        assertFalse(outcome.contains("SECRET"), outcome);
        assertEquals(null, outcomes.poll(500, TimeUnit.MILLISECONDS), "one attempt, one line");
    }

    @Test
    void aServerThatNeverAnswersCostsOneTimeOut() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeables.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException done) {
                // closed by the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        AlertSender sender = sender("http://127.0.0.1:" + silent.getLocalPort() + "/x?token=SECRET", 300);
        long start = System.nanoTime();
        assertTrue(sender.offer(BLOCK));
        assertFalse(sender.offer(BLOCK), "a second alert while one is in flight is skipped");
        String skipped = outcomes.poll(5, TimeUnit.SECONDS);
        assertTrue(skipped.contains("skipped: the previous one is still being sent"), skipped);
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome);
        assertTrue(outcome.contains("no answer within the 300 ms time-out"), outcome);
        assertFalse(outcome.contains("SECRET"), outcome);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "bounded by the time-out, not hanging");
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void aRefusedConnectionIsReported() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AlertSender sender = sender("http://127.0.0.1:" + port + "/SECRET", 1000);
        sender.offer(BLOCK);
        String outcome = outcomes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome);
        assertTrue(outcome.startsWith("failed: alert to http://127.0.0.1:" + port + "/… failed: ConnectException"), outcome);
        assertFalse(outcome.contains("SECRET"), outcome);
    }

    private AlertSender sender(String url, long timeoutMillis) {
        AlertSender sender = new AlertSender(AlertTarget.parse(url), AlertFormat.TEXT, timeoutMillis, "test-app", "test-host",
                (ok, message) -> outcomes.add((ok ? "ok: " : "failed: ") + message));
        sender.start();
        return sender;
    }

    private HttpServer server(int status, BlockingQueue<String> bodies) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        closeables.add(() -> server.stop(0));
        return server;
    }
}
