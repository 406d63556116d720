package com.example.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts the bot: {@code java -jar sample-bot.jar [--simulate SCENARIO] [options]}; {@code --help} for all. */
public final class BotMain {

    private BotMain() {
    }

    public static void main(String[] args) throws Exception {
        BotSettings settings = BotSettings.fromEnvironment(System.getenv());
        String scenario = null;
        long duration = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(help());
                    return;
                }
                case "--port" -> settings = settings.withPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--simulate" -> scenario = value(args, ++i, "--simulate");
                case "--duration" -> duration = Long.parseLong(value(args, ++i, "--duration"));
                case "--session-mb" -> settings = settings.withSessionMb(Integer.parseInt(value(args, ++i, "--session-mb")));
                case "--bandwidth" -> settings = settings.withBandwidth(Integer.parseInt(value(args, ++i, "--bandwidth")));
                case "--no-session-limit", "--leak-downloads", "--unbounded-cache" -> settings = settings.withFailure(args[i].substring(2));
                default -> {
                    System.err.println("[bot] unknown option '" + args[i] + "'; see --help");
                    System.exit(2);
                }
            }
        }
        if (scenario != null) {
            if (!List.of("steady", "seed-crash", "leak", "spike").contains(scenario)) {
                System.err.println("[bot] unknown scenario '" + scenario + "' (steady, seed-crash, leak, spike)");
                System.exit(2);
            }
            String failure = Simulator.failureFor(scenario);
            if (failure != null) {
                settings = settings.withFailure(failure);
            }
            if (scenario.equals("spike")) {
                settings = settings.withBandwidth(400);
            } else if (scenario.equals("seed-crash")) {
                settings = settings.withBandwidth(6);
            }
        }
        Path temp = Files.createTempDirectory("sample-bot-");
        Bot bot = new Bot(settings, temp, BotMain::event);
        BotServer server = new BotServer(bot, "0.0.0.0", settings.port());
        server.start();
        event("listening on port " + server.port() + "; " + settings.describe());
        if (scenario == null) {
            return;
        }
        long seconds = duration > 0 ? duration : scenario.equals("steady") ? 60 : 600;
        new Simulator(server.port(), BotMain::event).run(scenario, seconds);
        event("simulation '" + scenario + "' finished; " + bot.healthJson());
        server.stop();
        deleteQuietly(temp);
        System.exit(0);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("[bot] " + option + " needs a value; see --help");
            System.exit(2);
        }
        return args[i];
    }

    static void event(String message) {
        System.out.println("[bot] " + message);
        System.out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A temp directory left behind is harmless.
        }
    }

    static String help() {
        return String.join("\n",
                "sample-bot - a small Telegram-style bot service (POST /webhook, GET /health)",
                "",
                "Usage: java [-Xmx1g -XX:MaxDirectMemorySize=1g] -jar sample-bot.jar [options]",
                "  --port N              HTTP port (default: $PORT, else 8080)",
                "  --simulate SCENARIO   drive the bot with scripted users through its own webhook:",
                "                          steady      a few users, modest downloads; stays well under 512 MB",
                "                          seed-crash  the guide's timeline: sessions past the limit, downloads pile up",
                "                          leak        download buffers kept after completion: slow growth",
                "                          spike       normal use, then one 700 MB download",
                "  --duration SECONDS    stop the simulation after this long (steady: 60, others: 600)",
                "  --session-mb N        heap working set per session (default 24)",
                "  --bandwidth N         simulated download speed in MB/s (default 40)",
                "  --no-session-limit    failure pattern: ignore the session limit",
                "  --leak-downloads      failure pattern: keep download buffers after completion",
                "  --unbounded-cache     failure pattern: never evict cached results",
                "",
                "Limits: 3 sessions and 3 concurrent downloads when RENDER is set, 5 otherwise.",
                "Failure patterns can also be set with BOT_FAILURES=no-session-limit,leak-downloads,unbounded-cache.",
                "seed-crash, leak and spike grow memory past 512 MB on purpose: run them with a heap and direct",
                "memory allowed more than the container has (e.g. -Xmx1g -XX:MaxDirectMemorySize=1g), the",
                "misconfiguration that ends in a kernel OOM kill (exit 137) instead of an OutOfMemoryError.",
                "");
    }
}
