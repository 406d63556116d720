package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.support.AgentJvm;
import dev.memdebug.it.support.LogChecker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alert.url}: the packaged agent in a forked JVM that climbs to CRITICAL sends the block to a real
 * HTTP server on 127.0.0.1, once per episode, logs the outcome, and never shows the URL's secret; a server
 * that hangs costs the app nothing.
 */
class AlertTest {

    private static final String CLIMB = "memory.limit=320MB,snapshot.interval=0,check.interval=50ms,alarm.repeat=1s";

    @TempDir
    Path dir;

    @Test
    void theCriticalBlockReachesTheEndpointOnceAndTheSecretStaysOut() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g")
                    .agentArgs(CLIMB + ",alert.format=json")
                    .env("MEMDEBUG_ALERT_URL", "http://127.0.0.1:" + port + "/hook/SECRET-PATH?token=SECRET-TOKEN")
                    .main(Allocator.class, "10", "30", "60", "3000");
            assertEquals(0, jvm.run(60), jvm.stderr());
            assertTrue(jvm.stdout().contains("done"), jvm.stdout());
            assertEquals(1, bodies.size(), "one alert for one CRITICAL episode, even with alarm.repeat=1s: " + bodies);
            String body = bodies.get(0);
            assertTrue(body.startsWith("application/json\n{\"type\":\"critical\""), body);
            assertTrue(body.contains("🚨 CRITICAL MEMORY - CRASH IMMINENT: "), body);
            String log = jvm.logText();
            assertTrue(log.contains("Alert: each CRITICAL episode's block is also sent to http://127.0.0.1:" + port + "/… (format json"), log);
            assertTrue(log.contains("📣 alert sent to http://127.0.0.1:" + port + "/… (HTTP 204, "), log);
            assertTrue(log.indexOf("CRITICAL MEMORY - CRASH IMMINENT") < log.indexOf("📣 alert sent"), "the log first, then the alert");
            assertEquals(List.of(), LogChecker.defects(log));
            for (String text : List.of(log, jvm.stderr(), Files.readString(dir.resolve("memory_debug.jsonl")))) {
                assertFalse(text.contains("SECRET"), "the URL's secret never appears: " + text);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHangingEndpointCostsOneFailureLineAndTheAppGoesOn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g")
                    .agentArgs(CLIMB + ",alert.timeout=500ms")
                    .env("MEMDEBUG_ALERT_URL", "http://127.0.0.1:" + silent.getLocalPort() + "/SECRET")
                    .main(Allocator.class, "10", "30", "60", "3000");
            assertEquals(0, jvm.run(60), jvm.stderr());
            assertTrue(jvm.stdout().contains("done"), jvm.stdout());
            String log = jvm.logText();
            assertEquals(1, LogChecker.count(log, "failed: no answer within the 500 ms time-out"), log);
            assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
            assertFalse(log.contains("SECRET") || jvm.stderr().contains("SECRET"), log);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aRefusedConnectionIsReported() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AgentJvm jvm = AgentJvm.in(dir).jvmArg("-Xmx1g").agentArgs(CLIMB + ",alert.url=http://127.0.0.1:" + port + "/x")
                .main(Allocator.class, "10", "30", "60", "2000");
        assertEquals(0, jvm.run(60), jvm.stderr());
        String log = jvm.logText();
        assertTrue(log.contains("⚠️ alert to http://127.0.0.1:" + port + "/… failed: ConnectException"), log);
        assertTrue(jvm.stderr().contains("[memdebug] ") && jvm.stderr().contains("failed: ConnectException"), jvm.stderr());
    }
}
