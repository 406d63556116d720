package com.example.bot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the bot: {@code java -jar sample-bot.jar [options]} ({@code --help} lists them). The bot
 * serves HTTP until the process is stopped; with {@code --simulate} it also runs the scenario against
 * itself and exits 0 when the scenario's time is up. Exit status 2 means bad options, 1 that the bot
 * could not start.
 */
public final class BotMain {

    private BotMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine options;
        BotSettings settings;
        try {
            options = CommandLine.parse(args);
            settings = options.settings(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sample-bot: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(CommandLine.usage());
            return;
        }
        EventLog log = EventLog.to(System.out, "bot");
        Bot bot;
        BotServer server;
        try {
            Path tempDir = Files.createTempDirectory("sample-bot-");
            tempDir.toFile().deleteOnExit();
            bot = Bot.create(settings, tempDir, log);
            server = BotServer.start(bot, new InetSocketAddress("0.0.0.0", settings.port()));
        } catch (IOException e) {
            System.err.println("sample-bot: cannot start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.log("shutting down");
            server.close();
            bot.close();
        }, "bot-shutdown"));
        log.log("listening on 0.0.0.0:" + server.port() + " (POST /webhook, GET /health); " + settings.describe());
        if (options.scenario().isPresent()) {
            Duration time = options.simulationTime().orElseThrow();
            new Simulator(new BotClient(URI.create("http://127.0.0.1:" + server.port())), EventLog.to(System.out, "sim"))
                    .run(options.scenario().get(), time);
            log.log("simulation finished: " + bot.health().toJson());
            System.exit(0);
        }
    }
}
