package dev.memdebug.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the CRITICAL block to the user's {@code alert.url}, so the owner hears of a crash before it
 * happens. Opt-in: without {@code alert.url} this class is never loaded and the agent sends nothing.
 *
 * <p>Contract: {@link #offer} never blocks and never does I/O; the request runs on this sender's own
 * daemon thread ({@code memdebug-alert}), after the block is already in the log, with connect and read
 * time-outs of {@code alert.timeout} each. One attempt per alert, no retries: a crash alert that arrives
 * a minute late is worth less than the CPU and memory a retry loop takes from a dying process. Every
 * outcome (sent, failed and why, skipped) goes to the {@link Reporter}, which logs it. The URL is only
 * ever shown through {@link AlertTarget#display()}, and error messages are scrubbed of it.
 *
 * <p>The thread is started at agent start-up and loads the HTTP classes then (opening no connection),
 * so that at CRITICAL time, with memory nearly gone, the send needs no class loading.
 *
 * <p>Thread-safety: {@link #offer} from any thread (the monitor thread in practice); the rest runs on
 * the sender's thread.
 */
public final class AlertSender {

    /** Where outcomes go. Called on the sender's thread. */
    public interface Reporter {
        /** {@code ok}: the endpoint took the alert (2xx); otherwise {@code message} says why not. */
        void report(boolean ok, String message);
    }

    private final AlertTarget target;
    private final AlertFormat format;
    private final int timeoutMillis;
    private final String app;
    private final String host;
    private final Reporter reporter;
    private final AtomicReference<String> pending = new AtomicReference<>();
    private volatile Thread thread;
    private volatile boolean sending;

    public AlertSender(AlertTarget target, AlertFormat format, long timeoutMillis, String app, String host, Reporter reporter) {
        this.target = target;
        this.format = format;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMillis));
        this.app = app;
        this.host = host;
        this.reporter = reporter;
    }

    /** Starts the sender's daemon thread. Call once. */
    public void start() {
        Thread t = new Thread(this::loop, "memdebug-alert");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Queues {@code block} for sending and returns at once. If an alert is still waiting or being sent,
     * this one is skipped (and reported): alerts are once per episode, so a second one this close is a
     * repeat. Returns whether it was queued.
     */
    public boolean offer(String block) {
        if (sending || !pending.compareAndSet(null, block)) {
            reporter.report(false, "alert to " + target.display() + " skipped: the previous one is still being sent");
            return false;
        }
        LockSupport.unpark(thread);
        return true;
    }

    /** How the URL is shown: scheme, host and port only. */
    public String describe() {
        return target.display() + " (format " + format.id() + ", time-out " + timeoutMillis + " ms)";
    }

    private void loop() {
        warmUp();
        while (true) {
            String block = pending.get();
            if (block == null) {
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(60));
                continue;
            }
            sending = true;
            pending.set(null);
            try {
                send(block);
            } catch (Throwable t) {
                reporter.report(false, "alert to " + target.display() + " failed: " + scrub(t));
            } finally {
                sending = false;
            }
        }
    }

    /** Loads what a send needs, without connecting: {@code openConnection} only builds the object. */
    private void warmUp() {
        try {
            HttpURLConnection c = (HttpURLConnection) target.uri().toURL().openConnection();
            c.setConnectTimeout(timeoutMillis);
            format.body("", app, host).getBytes(StandardCharsets.UTF_8);
        } catch (Throwable t) {
            reporter.report(false, "alert to " + target.display() + " cannot be prepared: " + scrub(t));
        }
    }

    private void send(String block) throws IOException {
        byte[] body = format.body(block, app, host).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) target.uri().toURL().openConnection();
        try {
            c.setRequestMethod("POST");
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            // A redirect could take the crash report somewhere the user did not name.
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", format.contentType());
            c.setRequestProperty("User-Agent", "memdebug");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            drain(c, status);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (status >= 200 && status < 300) {
                reporter.report(true, "alert sent to " + target.display() + " (HTTP " + status + ", " + ms + " ms)");
            } else {
                reporter.report(false, "alert to " + target.display() + " failed: the endpoint answered HTTP " + status
                        + " after " + ms + " ms; not retried");
            }
        } catch (SocketTimeoutException e) {
            reporter.report(false, "alert to " + target.display() + " failed: no answer within the " + timeoutMillis
                    + " ms time-out (" + scrub(e) + "); not retried");
        } catch (IOException e) {
            reporter.report(false, "alert to " + target.display() + " failed: " + scrub(e) + "; not retried");
        } finally {
            c.disconnect();
        }
    }

    /** Reads and discards the response, so the connection is released; its content is never logged. */
    private static void drain(HttpURLConnection c, int status) {
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                in.readNBytes(64 * 1024);
            }
        } catch (IOException ignored) {
            // The status already says how it went.
        }
    }

    /** The throwable's type and message with the URL, its path and its query removed. */
    String scrub(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String full = target.uri().toString();
        message = message.replace(full, target.display());
        String path = target.uri().getRawPath();
        if (path != null && path.length() > 1) {
            message = message.replace(path, "/…");
        }
        String query = target.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            message = message.replace(query, "…");
        }
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
