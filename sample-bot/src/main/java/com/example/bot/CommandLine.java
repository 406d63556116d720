package com.example.bot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The bot's command-line options, parsed. An option's value may follow it ({@code --port 8080}) or be
 * attached with {@code =} ({@code --port=8080}). Immutable.
 *
 * @param help      {@code --help}: print {@link #usage()} and exit
 * @param port      {@code --port N}
 * @param scenario  {@code --simulate SCENARIO}
 * @param duration  {@code --duration SECONDS}, only with a scenario
 * @param failures  {@code --no-session-limit}, {@code --leak-downloads}, {@code --unbounded-cache}
 * @param sessionMb {@code --session-mb N}
 * @param bandwidth {@code --bandwidth MB_PER_SECOND}
 */
public record CommandLine(boolean help, OptionalInt port, Optional<Scenario> scenario, Optional<Duration> duration,
                          Set<FailurePattern> failures, OptionalInt sessionMb, OptionalInt bandwidth) {

    public CommandLine {
        failures = Set.copyOf(failures);
        if (duration.isPresent() && scenario.isEmpty()) {
            throw new IllegalArgumentException("--duration needs --simulate");
        }
    }

    /** @throws IllegalArgumentException naming the offending option */
    public static CommandLine parse(String... args) {
        Deque<String> words = split(args);
        boolean help = false;
        OptionalInt port = OptionalInt.empty();
        OptionalInt sessionMb = OptionalInt.empty();
        OptionalInt bandwidth = OptionalInt.empty();
        Optional<Scenario> scenario = Optional.empty();
        Optional<Duration> duration = Optional.empty();
        Set<FailurePattern> failures = EnumSet.noneOf(FailurePattern.class);
        while (!words.isEmpty()) {
            String option = words.poll();
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = OptionalInt.of(BotSettings.parsePort(value(option, words)));
                case "--simulate" -> scenario = Optional.of(Scenario.byId(value(option, words)));
                case "--duration" -> duration = Optional.of(Duration.ofSeconds(number(option, words, 1, 86_400)));
                case "--session-mb" -> sessionMb = OptionalInt.of(number(option, words, 0, 1024));
                case "--bandwidth" -> bandwidth = OptionalInt.of(number(option, words, 0, 100_000));
                default -> failures.add(failureFlag(option));
            }
        }
        return new CommandLine(help, port, scenario, duration, failures, sessionMb, bandwidth);
    }

    /**
     * The settings to run with: those of the environment ({@link BotSettings#fromEnvironment(Map)}),
     * then the scenario's failure patterns and bandwidth, then the options given here.
     */
    public BotSettings settings(Map<String, String> env) {
        BotSettings settings = BotSettings.fromEnvironment(env).withFailures(failures);
        if (scenario.isPresent()) {
            settings = settings.withFailures(scenario.get().failures()).withBandwidth(scenario.get().bandwidthMbPerSecond());
        }
        if (port.isPresent()) {
            settings = settings.withPort(port.getAsInt());
        }
        if (sessionMb.isPresent()) {
            settings = settings.withSessionMb(sessionMb.getAsInt());
        }
        if (bandwidth.isPresent()) {
            settings = settings.withBandwidth(bandwidth.getAsInt());
        }
        return settings;
    }

    /** How long the scenario runs: {@code --duration}, or the scenario's default. */
    public Optional<Duration> simulationTime() {
        return scenario.map(s -> duration.orElse(s.defaultDuration()));
    }

    /** The text {@code --help} prints. */
    public static String usage() {
        StringBuilder text = new StringBuilder()
                .append("sample-bot: a small Telegram-style bot service (POST /webhook, GET /health)\n\n")
                .append("Usage: java [-Xmx1g -XX:MaxDirectMemorySize=1g] -jar sample-bot.jar [options]\n\n")
                .append("  --port N                HTTP port on 0.0.0.0 (default: $PORT, else 8080; 0 picks a free one)\n")
                .append("  --simulate SCENARIO     start, then let scripted users drive the bot over HTTP on 127.0.0.1:\n");
        for (Scenario scenario : Scenario.values()) {
            text.append(String.format("                            %-11s %s%n", scenario.id(), scenario.description()));
        }
        text.append("  --duration SECONDS      end the simulation after this long (steady, spike: 60; seed-crash, leak: 600)\n")
                .append("  --session-mb N          heap working set per session (default ").append(BotSettings.DEFAULT_SESSION_MB).append(")\n")
                .append("  --bandwidth N           simulated download speed in MB/s, 0 for unthrottled (default ")
                .append(BotSettings.DEFAULT_BANDWIDTH_MB_PER_SECOND).append(", or the scenario's)\n");
        for (FailurePattern pattern : FailurePattern.values()) {
            text.append(String.format("  --%-21s failure pattern: %s%n", pattern.id(), pattern.effect()));
        }
        return text.append("  --help                  print this text\n\n")
                .append("Environment: PORT; RENDER (set: at most 3 sessions and 3 concurrent downloads, else 5 and 5);\n")
                .append("BOT_FAILURES, failure patterns to turn on, e.g. BOT_FAILURES=").append(FailurePattern.ids().replace(" ", "")).append(".\n\n")
                .append("seed-crash, leak and spike grow memory past 512 MB on purpose: sessions live on the heap and\n")
                .append("downloads in direct buffers. Give the JVM more heap and direct memory than the container has\n")
                .append("(-Xmx1g -XX:MaxDirectMemorySize=1g in a 512 MB container) and the kernel OOM-kills it (exit 137),\n")
                .append("as on Render; with smaller caps the bot gets OutOfMemoryErrors instead, answers them and goes on.\n")
                .toString();
    }

    /** The arguments with {@code --option=value} split in two. */
    private static Deque<String> split(String[] args) {
        Deque<String> words = new ArrayDeque<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                words.add(arg.substring(0, equals));
                words.add(arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        return words;
    }

    private static String value(String option, Deque<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.poll();
    }

    private static int number(String option, Deque<String> words, int min, int max) {
        String value = value(option, words);
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new IllegalArgumentException(option + " takes a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static FailurePattern failureFlag(String arg) {
        if (arg.startsWith("--")) {
            try {
                return FailurePattern.byId(arg.substring(2));
            } catch (IllegalArgumentException notAPattern) {
                // Reported below as an unknown option.
            }
        }
        throw new IllegalArgumentException("unknown option '" + arg + "'");
    }
}
