package dev.memdebug.bench.overhead;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting the bot: the JVM options a user would add to watch it.
 *
 * @param name        the table's row name
 * @param jvmOptions  added before {@code -jar}; {@code {dir}} stands for the run's own directory
 * @param sampler     the name of the agent thread whose CPU is reported, or {@code null}
 */
record Configuration(String name, List<String> jvmOptions, String sampler) {

    /** The memdebug agent's sampling thread. */
    static final String MEMDEBUG_MONITOR = "memdebug-monitor";

    /** The options with {@code {dir}} replaced. */
    List<String> jvmOptions(Path runDir) {
        List<String> out = new ArrayList<>();
        for (String option : jvmOptions) {
            out.add(option.replace("{dir}", runDir.toString()));
        }
        return out;
    }

    /**
     * The configurations compared, "no agent" first: memdebug with the sample bot's hooks, without
     * hooks, and with the sample hooks while memory is above HIGH (so it samples every 50 ms); JFR in
     * continuous mode; the OpenTelemetry agent with every exporter off, if its jar is given; and another
     * build of memdebug with the sample hooks, if one is given to compare against (a before/after of a
     * change, in one invocation so both meet the same load).
     */
    static List<Configuration> all(Path agentJar, Path sampleHooks, Path otelJar, Path compareJar) {
        String agent = "-javaagent:" + agentJar.toAbsolutePath();
        String quiet = "log.path={dir}/memory_debug.log";
        List<Configuration> all = new ArrayList<>(List.of(
                new Configuration("no agent", List.of(), null),
                new Configuration("memdebug, sample hooks", List.of(agent + "=config=" + sampleHooks.toAbsolutePath() + "," + quiet), MEMDEBUG_MONITOR),
                new Configuration("memdebug, no hooks", List.of(agent + "=" + quiet), MEMDEBUG_MONITOR),
                new Configuration("memdebug, sample hooks, above HIGH", List.of(agent + "=config=" + sampleHooks.toAbsolutePath() + "," + quiet
                        + ",memory.limit=512MB,high.threshold=1MB"), MEMDEBUG_MONITOR),
                new Configuration("JFR continuous", List.of("-XX:StartFlightRecording=settings=default,disk=true,maxage=10m,dumponexit=false"), null)));
        if (compareJar != null) {
            all.add(2, new Configuration("memdebug " + compareJar.getFileName() + ", sample hooks", List.of("-javaagent:" + compareJar.toAbsolutePath()
                    + "=config=" + sampleHooks.toAbsolutePath() + "," + quiet), MEMDEBUG_MONITOR));
        }
        if (otelJar != null) {
            all.add(new Configuration("OpenTelemetry agent, exporters off", List.of("-javaagent:" + otelJar.toAbsolutePath(),
                    "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"), null));
        }
        return all;
    }
}
