package dev.memdebug.cli;

import dev.memdebug.agent.Version;
import dev.memdebug.config.ConfigKey;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command line of {@code memdebug-agent.jar}: {@code --help}, {@code --version},
 * {@code example-config}. Exit codes: 0 done, 2 bad usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(help());
            return 0;
        }
        switch (args[0]) {
            case "--version", "version" -> {
                out.println("memdebug " + Version.current());
                return 0;
            }
            case "analyze", "analyse" -> {
                return dev.memdebug.analyze.AnalyzeCommand.run(java.util.List.of(args).subList(1, args.length), out, err);
            }
            case "example-config" -> {
                out.print(ExampleConfig.render());
                return 0;
            }
            default -> {
                err.println("memdebug: unknown command '" + args[0] + "' (arguments: " + Arrays.toString(args) + ")");
                err.println("Run 'java -jar memdebug-agent.jar --help' for the commands.");
                return 2;
            }
        }
    }

    static String help() {
        StringBuilder b = new StringBuilder();
        b.append("memdebug ").append(Version.current()).append(" - a memory black box for JVM services in small containers\n\n");
        b.append("Attach:\n");
        b.append("  java -javaagent:memdebug-agent.jar[=key=value,...] -jar app.jar\n");
        b.append("  e.g. -javaagent:memdebug-agent.jar=config=agent.properties,log.path=/var/data/memory_debug.log\n\n");
        b.append("Commands:\n");
        b.append("  java -jar memdebug-agent.jar --help            this text\n");
        b.append("  java -jar memdebug-agent.jar --version         the version\n");
        b.append("  java -jar memdebug-agent.jar example-config    an agent.properties with every key, commented\n");
        b.append("  java -jar memdebug-agent.jar analyze LOG [--html FILE] [--json]\n");
        b.append("                                                 explain a memory_debug.log: how each run ended and the likely causes\n\n");
        b.append("Configuration (later wins): defaults < agent.properties (config=PATH, else ./agent.properties)\n");
        b.append("  < agent arguments < environment variables MEMDEBUG_<KEY> (log.max-size -> MEMDEBUG_LOG_MAX_SIZE)\n\n");
        b.append("Keys:\n");
        for (ConfigKey key : ConfigKey.values()) {
            b.append(String.format("  %-22s default %-18s %s%n", key.key(), key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue(), key.description()));
        }
        b.append(String.format("  %-22s %s%n", "config", "agent argument only: the properties file to read"));
        b.append("\nHooks (agent.properties only): see example-config and the README.\n");
        return b.toString();
    }
}
