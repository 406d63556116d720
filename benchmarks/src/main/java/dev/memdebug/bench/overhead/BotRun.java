package dev.memdebug.bench.overhead;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the sample bot in one configuration, drives a fixed amount of work through it and measures the
 * process from outside ({@link ProcStats}), so the measuring costs the bot nothing. Each run gets its own
 * working directory (the agent's log goes there; no stray {@code agent.properties} is picked up).
 */
final class BotRun {

    /** A small container's JVM: the heap a 512 MB plan would give it and the collector it would pick. */
    static final String DEFAULT_BOT_JVM = "-Xmx256m -XX:MaxDirectMemorySize=192m -XX:+UseSerialGC";

    private static final long STARTUP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long REST_MILLIS = 2000;

    private final Path java;
    private final List<String> botJvm;
    private final Path botJar;
    private final int messages;
    private final int bandwidth;

    /**
     * @param botJvm    the JVM options every configuration shares, e.g. {@link #DEFAULT_BOT_JVM} split at spaces
     * @param messages  how many messages of the script each run sends
     * @param bandwidth the bot's {@code --bandwidth}: 0 makes downloads CPU-bound, so throughput shows CPU
     *                  taken from the app; {@code steady}'s 40 MB/s keeps five downloads running at once,
     *                  so the bot's buffer pool fills alike in every configuration and peak RSS compares
     */
    BotRun(Path java, List<String> botJvm, Path botJar, int messages, int bandwidth) {
        this.java = java;
        this.botJvm = List.copyOf(botJvm);
        this.botJar = botJar;
        this.messages = messages;
        this.bandwidth = bandwidth;
    }

    RunResult run(Configuration configuration, Path runDir) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(botJvm);
        command.addAll(configuration.jvmOptions(runDir));
        command.addAll(List.of("-jar", botJar.toAbsolutePath().toString(), "--port", Integer.toString(port), "--bandwidth", Integer.toString(bandwidth)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(runDir.toFile())
                .redirectOutput(runDir.resolve("stdout.txt").toFile())
                .redirectError(runDir.resolve("stderr.txt").toFile());
        SteadyDriver driver = new SteadyDriver(port);
        long launched = System.nanoTime();
        Process bot = builder.start();
        try {
            while (!driver.healthy()) {
                if (!bot.isAlive()) {
                    throw new IOException(configuration.name() + ": the bot exited with " + bot.exitValue() + " before serving; see " + runDir);
                }
                if (System.nanoTime() - launched > STARTUP_TIMEOUT_NANOS) {
                    throw new IOException(configuration.name() + ": the bot did not answer /health within 60 s; see " + runDir);
                }
                Thread.sleep(2);
            }
            double startupMillis = (System.nanoTime() - launched) / 1e6;
            ProcStats proc = new ProcStats(bot.pid());
            long samplerBefore = configuration.sampler() == null ? -1 : proc.threadCpuNanos(configuration.sampler());
            long workStarted = System.nanoTime();
            driver.run(messages);
            double messagesPerSecond = messages / ((System.nanoTime() - workStarted) / 1e9);
            Thread.sleep(REST_MILLIS);
            long samplerAfter = configuration.sampler() == null ? -1 : proc.threadCpuNanos(configuration.sampler());
            double samplerPercent = samplerBefore < 0 || samplerAfter < 0 ? Double.NaN
                    : 100.0 * (samplerAfter - samplerBefore) / (System.nanoTime() - workStarted);
            return new RunResult(startupMillis, proc.peakRssBytes(), proc.rssBytes(), proc.cpuSeconds(), messagesPerSecond, samplerPercent);
        } finally {
            bot.destroy();
            if (!bot.waitFor(10, TimeUnit.SECONDS)) {
                bot.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
