package dev.memdebug.agent;

import dev.memdebug.config.AgentConfig;
import dev.memdebug.config.ConfigProblem;
import dev.memdebug.instrument.HookConfigParser;
import dev.memdebug.instrument.HookInstaller;
import dev.memdebug.instrument.HookPlan;
import dev.memdebug.instrument.HookRuntime;
import dev.memdebug.monitor.AppActivity;
import dev.memdebug.monitor.MemoryMonitor;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Installs the configured hooks and, once the monitor runs, connects them to it and has it report, after
 * {@code hooks.report-after}, the hooks that matched nothing. With no hook configured nothing of the weaving (ASM) is loaded at all.
 */
final class Hooks {

    private static volatile HookInstaller installer;

    private Hooks() {
    }

    static AppActivity install(AgentConfig config, Instrumentation instrumentation, boolean attached, List<String> notes) {
        if (config.hookEntries().isEmpty()) {
            return AppActivity.NONE;
        }
        HookPlan plan = HookConfigParser.parse(config.hookEntries(), config.contextRedact());
        for (ConfigProblem problem : plan.problems()) {
            notes.add("⚠️ CONFIG: " + problem.describe());
        }
        if (plan.isEmpty()) {
            return AppActivity.NONE;
        }
        try {
            HookRuntime runtime = new HookRuntime(plan, config.operationsCapacity());
            HookInstaller hookInstaller = new HookInstaller(plan, runtime, instrumentation);
            notes.addAll(hookInstaller.install());
            notes.add("Hooks: " + plan.hooks().size() + " hook(s), " + plan.counters().size() + " counter(s), "
                    + plan.gauges().size() + " gauge(s)" + (attached ? " (attached at run time; loaded classes retransformed)" : ""));
            installer = hookInstaller;
            return runtime;
        } catch (Throwable t) {
            notes.add("❌ hooks are off: they could not be installed (" + t + "); memory monitoring goes on");
            return AppActivity.NONE;
        }
    }

    static void bind(AppActivity app, MemoryMonitor monitor, long reportAfterMillis) {
        if (!(app instanceof HookRuntime runtime)) {
            return;
        }
        runtime.bind(monitor::latestUsedBytes, monitor::wake, monitor::wantsEveryOperation);
        HookInstaller hookInstaller = installer;
        if (hookInstaller != null) {
            runtime.reportUnmatchedAfter(hookInstaller, reportAfterMillis);
        }
    }
}
