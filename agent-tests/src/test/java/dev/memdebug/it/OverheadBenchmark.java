package dev.memdebug.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.memdebug.it.apps.Idle;
import dev.memdebug.it.support.AgentJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent costs an idle app: time from process start to {@code main} and RSS after 2 s, median of
 * several forked JVMs per variant, run in turn so machine noise hits all alike; printed as a table with
 * ratios to the run without the agent. A benchmark, not a test: it asserts nothing and runs only with
 * {@code -Dmemdebug.benchmark=true}, e.g.
 * {@code mvn -B -o -pl agent-tests -am verify -Dtest=OverheadBenchmark -Dmemdebug.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OverheadBenchmark {

    private static final int ROUNDS = 9;

    @TempDir
    Path dir;

    @Test
    void idleAppWithAndWithoutTheAgent() throws Exception {
        assumeTrue(Boolean.getBoolean("memdebug.benchmark"), "a benchmark; run with -Dmemdebug.benchmark=true");
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        String[] variants = {"no agent", "agent, defaults", "agent, MBean server started (as at HIGH)"};
        for (String v : variants) {
            results.put(v, new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (String v : variants) {
                AgentJvm jvm = AgentJvm.in(dir.resolve(round + "-" + v.hashCode())).agentArgs("log.stderr=false");
                if (v.equals("no agent")) {
                    jvm.withoutAgent();
                }
                jvm.main(Idle.class, "2000", v.startsWith("agent, MBean") ? "connect" : "plain");
                if (jvm.run(60) != 0) {
                    throw new AssertionError(jvm.stderr());
                }
                String[] figures = jvm.stdout().strip().split(" ");
                results.get(v).add(new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])});
            }
        }
        long baseMain = median(results.get("no agent"), 0);
        long baseRss = median(results.get("no agent"), 1);
        System.out.printf("%n%-44s %14s %8s %14s %8s%n", "variant (median of " + ROUNDS + ")", "start→main ms", "ratio", "RSS after 2s", "ratio");
        for (Map.Entry<String, List<long[]>> e : results.entrySet()) {
            long main = median(e.getValue(), 0);
            long rss = median(e.getValue(), 1);
            System.out.printf("%-44s %14d %8.2f %11d KB %8.2f%n", e.getKey(), main, main / (double) baseMain, rss, rss / (double) baseRss);
        }
    }

    private static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
