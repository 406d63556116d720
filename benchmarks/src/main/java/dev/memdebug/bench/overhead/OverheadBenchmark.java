package dev.memdebug.bench.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What watching the sample bot costs, agent against agent, in one invocation: the bot is started in
 * each {@link Configuration} in turn (round-robin, so a burst of load on a shared machine hits every
 * configuration alike), the unpaced {@code steady} script ({@link SteadyDriver}) is driven through it,
 * and {@link Summary} prints medians, min-max and ratios against "no agent". Linux only ({@code /proc}).
 *
 * <p>{@code bench/overhead.sh} builds the jars, fetches the OpenTelemetry agent and calls this with:
 * {@code --agent JAR --bot JAR --hooks FILE [--otel JAR] [--compare-agent JAR] [--runs N] [--messages N] [--out DIR]
 * [--bot-jvm "OPTIONS"] [--bandwidth MB_PER_S]}; the bot's JVM options default to {@link BotRun#DEFAULT_BOT_JVM}.
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--runs", "5", "--messages", "120", "--out", "benchmarks/target/overhead",
                "--bot-jvm", BotRun.DEFAULT_BOT_JVM, "--bandwidth", "0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--agent", "--bot", "--hooks")) {
            if (!options.containsKey(required)) {
                System.err.println("usage: OverheadBenchmark --agent JAR --bot JAR --hooks FILE [--otel JAR] [--compare-agent JAR] [--runs N] [--messages N] [--out DIR] [--bot-jvm \"OPTIONS\"] [--bandwidth MB_PER_S]");
                System.exit(2);
            }
        }
        int runs = Integer.parseInt(options.get("--runs"));
        int messages = Integer.parseInt(options.get("--messages"));
        Path out = Path.of(options.get("--out")).toAbsolutePath();
        Path otel = options.containsKey("--otel") ? Path.of(options.get("--otel")) : null;
        Path compare = options.containsKey("--compare-agent") ? Path.of(options.get("--compare-agent")) : null;
        List<Configuration> configurations = Configuration.all(Path.of(options.get("--agent")), Path.of(options.get("--hooks")), otel, compare);
        BotRun bot = new BotRun(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(options.get("--bot-jvm").strip().split("\\s+")), Path.of(options.get("--bot")), messages,
                Integer.parseInt(options.get("--bandwidth")));

        Summary summary = new Summary();
        for (int run = 1; run <= runs; run++) {
            for (int c = 0; c < configurations.size(); c++) {
                Configuration configuration = configurations.get(c);
                RunResult r = bot.run(configuration, out.resolve("run" + run + "-config" + c));
                summary.add(configuration, r);
                System.err.printf(Locale.ROOT, "run %d/%d %-36s start %5.0f ms  peak %6.1f MB  after %6.1f MB  cpu %5.2f s  %6.1f msg/s  sampler %.2f%%%n",
                        run, runs, configuration.name(), r.startupMillis(), r.peakRssBytes() / 1048576.0, r.endRssBytes() / 1048576.0,
                        r.cpuSeconds(), r.messagesPerSecond(), r.samplerCpuPercent());
            }
        }
        String tables = summary.tables();
        Files.writeString(out.resolve("table.md"), tables);
        System.out.println(tables);
    }
}
