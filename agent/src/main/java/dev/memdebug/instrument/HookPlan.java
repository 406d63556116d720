package dev.memdebug.instrument;

import dev.memdebug.config.ConfigProblem;
import java.util.List;

/**
 * Everything the hook configuration asks for, validated: hooks, counters, gauges and how the snapshot
 * shows them, plus the problems found. Immutable.
 *
 * @param counters the counter names; a counter's id is its index
 * @param metrics  the counters and gauges in the order snapshots show them
 */
public record HookPlan(List<HookSpec> hooks, List<String> counters, List<GaugeSpec> gauges,
                       List<MetricSpec> metrics, List<ConfigProblem> problems) {

    public boolean isEmpty() {
        return hooks.isEmpty() && gauges.isEmpty();
    }
}
