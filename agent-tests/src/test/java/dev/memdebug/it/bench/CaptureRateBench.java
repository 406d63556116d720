package dev.memdebug.it.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The capture-rate benchmark: many real kernel OOM kills of a JVM with the agent, across growth rates,
 * and per rate how often the log caught the crash (a CRITICAL block before the kill, the last hooked
 * operation named), how close its last figure came to the limit, whether the log still parses, and, in
 * the same runs, what the JDK Flight Recorder's continuous disk repository held at the kill.
 *
 * <p>Not a pass/fail test: it prints tables (markdown) and writes one line per kill to
 * {@code kills.tsv} in the output directory. Run it with {@code bench/capture-rate.sh}; options:
 * {@code --kills N} (per rate, default 20), {@code --rates 1,5,20,50,200,max,single} (default all),
 * {@code --parallel N} (kills at a time, default 2), {@code --no-jfr}, {@code --out DIR}.
 */
public final class CaptureRateBench {

    /** Every scenario, by the name used in {@code --rates}. Op sizes give about ten hooked operations a second. */
    static final Map<String, KillRun.Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        add(new KillRun.Scenario("1", 160, 72, 1, 100, -1));
        add(new KillRun.Scenario("5", 192, 55, 5, 512, -1));
        add(new KillRun.Scenario("20", 256, 45, 20, 2048, -1));
        add(new KillRun.Scenario("50", 256, 35, 50, 5120, -1));
        add(new KillRun.Scenario("200", 512, 35, 200, 20480, -1));
        add(new KillRun.Scenario("max", 512, 35, 0, 4096, -1));
        add(new KillRun.Scenario("single", 256, 70, 0, 100 * 1024, 1));
    }

    private static void add(KillRun.Scenario s) {
        SCENARIOS.put(s.name(), s);
    }

    private CaptureRateBench() {
    }

    public static void main(String[] args) throws Exception {
        int kills = 20;
        int parallel = 2;
        boolean jfr = true;
        List<String> rates = new ArrayList<>(SCENARIOS.keySet());
        Path out = Path.of("capture-rate-" + Instant.now().getEpochSecond());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--rates" -> rates = List.of(args[++i].split(","));
                case "--no-jfr" -> jfr = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --kills N --rates "
                            + String.join(",", SCENARIOS.keySet()) + " --parallel N --no-jfr --out DIR");
                    System.exit(2);
                }
            }
        }
        for (String r : rates) {
            if (!SCENARIOS.containsKey(r)) {
                System.err.println("unknown rate '" + r + "'; known: " + String.join(",", SCENARIOS.keySet()));
                System.exit(2);
            }
        }
        // Absolute: each killed app runs in its own directory and is given its configuration's path.
        out = out.toAbsolutePath();
        Files.createDirectories(out);
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "capture-rate: %d kill(s) per rate, rates %s, %d at a time, JFR %s, output %s%n",
                kills, rates, parallel, jfr ? "on" : "off", out.toAbsolutePath());
        List<KillRun.Result> all = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (PrintStream tsv = new PrintStream(Files.newOutputStream(out.resolve("kills.tsv")), true, StandardCharsets.UTF_8)) {
            tsv.println(String.join("\t", "rate", "kill", "exit", "oom_kills", "critical_block", "last_entered", "last_entered_age_ms", "last_named", "last_named_after_restart",
                    "last_figure_mb", "limit_mb", "last_record_age_ms", "critical_lead_ms", "torn_last_line", "parse_problems",
                    "jfr_chunks", "jfr_bytes", "jfr_events", "jfr_torn_chunks", "jfr_last_event_age_ms", "note", "dir"));
            for (String rate : rates) {
                KillRun.Scenario s = SCENARIOS.get(rate);
                List<Future<KillRun.Result>> futures = new ArrayList<>();
                for (int k = 1; k <= kills; k++) {
                    int index = k;
                    Path dir = out.resolve(rate + "-" + k);
                    boolean withJfr = jfr;
                    futures.add(pool.submit(() -> KillRun.run(s, index, dir, withJfr)));
                }
                List<KillRun.Result> results = new ArrayList<>();
                for (Future<KillRun.Result> f : futures) {
                    KillRun.Result r = f.get();
                    results.add(r);
                    tsv.println(row(r));
                    cleanUp(r);
                }
                all.addAll(results);
                System.out.println(summaryLine(s, results));
            }
        } finally {
            pool.shutdownNow();
        }
        String tables = tables(all, rates, jfr, kills, parallel, (System.nanoTime() - start) / 1_000_000_000L);
        Files.writeString(out.resolve("tables.md"), tables);
        System.out.println();
        System.out.print(tables);
    }

    /** The JFR repository of a kill is large and read already; the log and stdout stay for inspection. */
    private static void cleanUp(KillRun.Result r) throws IOException {
        Path repo = r.dir().resolve("jfr-repository");
        if (Files.isDirectory(repo)) {
            try (Stream<Path> walk = Files.walk(repo)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String row(KillRun.Result r) {
        JfrRepository j = r.jfr();
        return String.join("\t", r.scenario().name(), Integer.toString(r.index()), Integer.toString(r.exit()),
                Long.toString(r.oomKills()), Boolean.toString(r.criticalBlock()), Long.toString(r.lastEntered()), Long.toString(r.lastEnteredAgeMillis()),
                Long.toString(r.lastNamed()), Long.toString(r.lastNamedAfterRestart()), fmt(r.lastFigureMb()), fmt(r.limitMb()), Long.toString(r.lastRecordAgeMillis()),
                Long.toString(r.criticalLeadMillis()), Boolean.toString(r.tornLastLine()), String.join(" | ", r.parseProblems()),
                j == null ? "" : Integer.toString(j.chunks()), j == null ? "" : Long.toString(j.bytes()),
                j == null ? "" : Long.toString(j.events()), j == null ? "" : Integer.toString(j.tornChunks()),
                Long.toString(r.jfrLastEventAgeMillis()), r.note(), r.dir().toString());
    }

    private static String summaryLine(KillRun.Scenario s, List<KillRun.Result> rs) {
        List<KillRun.Result> killed = rs.stream().filter(KillRun.Result::oomKilled).toList();
        return String.format(Locale.ROOT, "%-7s %d/%d OOM-killed, CRITICAL %d, last op named %d (after restart %d), unparseable %d",
                label(s), killed.size(), rs.size(), killed.stream().filter(KillRun.Result::criticalBlock).count(),
                killed.stream().filter(KillRun.Result::lastOperationNamed).count(),
                killed.stream().filter(KillRun.Result::lastOperationNamedAfterRestart).count(),
                killed.stream().filter(r -> !r.parseProblems().isEmpty()).count());
    }

    static String tables(List<KillRun.Result> all, List<String> rates, boolean jfr, int kills, int parallel, long seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d kill(s) per rate, %d at a time, %d s in all.%n%n", kills, parallel, seconds));
        b.append("| growth | limit | OOM kills | CRITICAL block before the kill | last hooked op named before the kill | missed there: entered before the kill, most"
                + " | last hooked op named after the restart (marker, from the journal) | last figure below the limit, median / worst"
                + " | first CRITICAL before the kill, median / least | not fully parseable | torn last line |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String rate : rates) {
            KillRun.Scenario s = SCENARIOS.get(rate);
            List<KillRun.Result> rs = all.stream().filter(r -> r.scenario() == s).toList();
            List<KillRun.Result> k = rs.stream().filter(KillRun.Result::oomKilled).toList();
            int n = k.size();
            long missedAge = k.stream().filter(r -> !r.lastOperationNamed()).mapToLong(KillRun.Result::lastEnteredAgeMillis).max().orElse(-1);
            b.append(String.format(Locale.ROOT, "| %s | %d MB | %d/%d | %s | %s | %s | %s | %s | %s | %d | %d |%n",
                    label(s), s.limitMb(), n, rs.size(),
                    share(k.stream().filter(KillRun.Result::criticalBlock).count(), n),
                    share(k.stream().filter(KillRun.Result::lastOperationNamed).count(), n),
                    missedAge < 0 ? "-" : missedAge + " ms",
                    share(k.stream().filter(KillRun.Result::lastOperationNamedAfterRestart).count(), n),
                    medianWorst(k, KillRun.Result::belowLimitMb, true, " MB"),
                    medianLeast(k.stream().filter(r -> r.criticalLeadMillis() >= 0).map(r -> r.criticalLeadMillis() / 1000.0).toList(), " s"),
                    k.stream().filter(r -> !r.parseProblems().isEmpty()).count(),
                    k.stream().filter(KillRun.Result::tornLastLine).count()));
        }
        if (jfr) {
            b.append("\nThe same kills: age at the kill of the last record each tool left on disk.\n\n");
            b.append("| growth | memdebug: last record before the kill, median / worst | JFR: last readable event before the kill, median / worst"
                    + " | JFR: kills with no readable event | JFR: chunks torn | JFR repository, median |\n");
            b.append("|---|---|---|---|---|---|\n");
            for (String rate : rates) {
                KillRun.Scenario s = SCENARIOS.get(rate);
                List<KillRun.Result> k = all.stream().filter(r -> r.scenario() == s && r.oomKilled()).toList();
                List<KillRun.Result> withEvents = k.stream().filter(r -> r.jfrLastEventAgeMillis() >= 0).toList();
                List<Double> sizes = k.stream().map(r -> r.jfr().bytes() / 1048576.0).sorted().toList();
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d/%d | %d of %d | %s |%n", label(s),
                        medianWorst(k.stream().filter(r -> r.lastRecordAgeMillis() >= 0).toList(), r -> r.lastRecordAgeMillis() / 1000.0, false, " s"),
                        medianWorst(withEvents, r -> r.jfrLastEventAgeMillis() / 1000.0, false, " s"),
                        k.size() - withEvents.size(), k.size(),
                        k.stream().mapToInt(r -> r.jfr().tornChunks()).sum(), k.stream().mapToInt(r -> r.jfr().chunks()).sum(),
                        sizes.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f MB, %d chunk(s), %d events",
                                sizes.get(sizes.size() / 2), k.get(0).jfr().chunks(),
                                k.stream().mapToLong(r -> r.jfr().events()).sorted().toArray()[k.size() / 2])));
            }
        }
        return b.toString();
    }

    static String label(KillRun.Scenario s) {
        if (s.ops() == 1) {
            return "one " + (s.opKb() / 1024) + " MB allocation";
        }
        return s.rateMbPerSecond() > 0 ? fmt(s.rateMbPerSecond()) + " MB/s" : "unpaced";
    }

    private static String share(long count, int of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%d %%)", count, of, Math.round(100.0 * count / of));
    }

    /** Median and worst; {@code worstIsLowest} for figures where small is bad (room below the limit is good). */
    private static String medianWorst(List<KillRun.Result> rs, ToDoubleFunction<KillRun.Result> f, boolean worstIsLowest, String unit) {
        double[] v = rs.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return "-";
        }
        double worst = worstIsLowest ? v[0] : v[v.length - 1];
        return String.format(Locale.ROOT, "%.1f / %.1f%s", v[v.length / 2], worst, unit);
    }

    private static String medianLeast(List<Double> values, String unit) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f / %.2f%s", v[v.length / 2], v[0], unit);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
