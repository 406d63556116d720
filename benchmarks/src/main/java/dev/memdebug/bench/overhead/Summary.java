package dev.memdebug.bench.overhead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The runs of every configuration as two Markdown tables: medians with min-max, and each configuration
 * against the first ("no agent") of the same invocation. Not thread-safe.
 */
final class Summary {

    private static final double MB = 1024.0 * 1024.0;

    private final Map<Configuration, List<RunResult>> runs = new LinkedHashMap<>();

    void add(Configuration configuration, RunResult result) {
        runs.computeIfAbsent(configuration, c -> new ArrayList<>()).add(result);
    }

    String tables() {
        StringBuilder out = new StringBuilder()
                .append("| Configuration | Start to first request (ms) | Peak RSS (MB) | RSS after run (MB) | CPU (s) | Messages/s | Sampler thread CPU (% of a core) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Configuration, List<RunResult>> e : runs.entrySet()) {
            List<RunResult> r = e.getValue();
            out.append("| ").append(e.getKey().name()).append(" (").append(r.size()).append(" runs)")
                    .append(" | ").append(spread(r, RunResult::startupMillis, "%.0f"))
                    .append(" | ").append(spread(r, x -> x.peakRssBytes() / MB, "%.1f"))
                    .append(" | ").append(spread(r, x -> x.endRssBytes() / MB, "%.1f"))
                    .append(" | ").append(spread(r, RunResult::cpuSeconds, "%.2f"))
                    .append(" | ").append(spread(r, RunResult::messagesPerSecond, "%.1f"))
                    .append(" | ").append(spread(r, RunResult::samplerCpuPercent, "%.2f"))
                    .append(" |\n");
        }
        List<RunResult> base = runs.values().iterator().next();
        out.append("\nMedians against \"").append(runs.keySet().iterator().next().name()).append("\" of the same invocation:\n\n")
                .append("| Configuration | Start-up | Peak RSS | RSS after run | CPU | Throughput |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Map.Entry<Configuration, List<RunResult>> e : runs.entrySet()) {
            List<RunResult> r = e.getValue();
            out.append("| ").append(e.getKey().name())
                    .append(" | ").append(against(r, base, RunResult::startupMillis, 1, "ms"))
                    .append(" | ").append(against(r, base, x -> x.peakRssBytes() / MB, 1, "MB"))
                    .append(" | ").append(against(r, base, x -> x.endRssBytes() / MB, 1, "MB"))
                    .append(" | ").append(against(r, base, RunResult::cpuSeconds, 2, "s"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f×", median(r, RunResult::messagesPerSecond) / median(base, RunResult::messagesPerSecond)))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** {@code median (min-max)}, or a dash when the figure does not apply. */
    private static String spread(List<RunResult> runs, ToDoubleFunction<RunResult> figure, String format) {
        double[] v = values(runs, figure);
        if (v.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(v), v[0], v[v.length - 1]);
    }

    /** {@code +12.3 MB (1.05×)}. */
    private static String against(List<RunResult> runs, List<RunResult> base, ToDoubleFunction<RunResult> figure, int decimals, String unit) {
        double m = median(runs, figure);
        double b = median(base, figure);
        return String.format(Locale.ROOT, "%+." + decimals + "f %s (%.2f×)", m - b, unit, m / b);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return median(values(runs, figure));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The figures that apply (NaN left out), sorted. */
    private static double[] values(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return runs.stream().mapToDouble(figure).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    @Override
    public String toString() {
        return Arrays.toString(runs.keySet().toArray());
    }
}
