package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import dev.memdebug.config.Suggestions;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Installs one {@link HookTransformer} for all hooks and gauges: only the named types and their
 * subtypes are woven, and the JDK's classes are considered only when a hook names one. Classes loaded
 * before the agent that the hooks or gauges name (or subtype) are retransformed. Failures are collected
 * as notices naming the class and why; they never reach the app.
 *
 * <p>It also remembers which methods each hook matched, so that {@link #report} can say, at a set time
 * after start, which hooks matched nothing (with a "did you mean") and which matched more than expected.
 */
public final class HookInstaller {

    /** A hook that matches more methods than this is reported, as its pattern is probably too wide. */
    static final int WIDE_MATCH = 25;

    /** The agent's own packages, never instrumented (an app may live under {@code dev.memdebug} too). */
    static final List<String> AGENT_PACKAGES = List.of("dev.memdebug.agent.", "dev.memdebug.analyze.", "dev.memdebug.bootstrap.",
            "dev.memdebug.cli.", "dev.memdebug.config.", "dev.memdebug.instrument.", "dev.memdebug.log.", "dev.memdebug.monitor.",
            "dev.memdebug.ops.", "dev.memdebug.platform.", "dev.memdebug.sample.", "dev.memdebug.shaded.");
    private static final boolean DEBUG = Boolean.getBoolean("memdebug.debug");

    private final HookPlan plan;
    private final HookRuntime runtime;
    private final Instrumentation instrumentation;
    private final List<Set<String>> matched = new ArrayList<>();
    private final Set<String> errors = ConcurrentHashMap.newKeySet();

    public HookInstaller(HookPlan plan, HookRuntime runtime, Instrumentation instrumentation) {
        this.plan = plan;
        this.runtime = runtime;
        this.instrumentation = instrumentation;
        for (int i = 0; i < plan.hooks().size(); i++) {
            matched.add(ConcurrentHashMap.newKeySet());
        }
    }

    /**
     * Installs the dispatcher and the transformer, then retransforms the loaded classes that the hooks
     * and gauges name (or subtype). The bridge must have been injected before ({@link BootstrapInjector}).
     * Returns problems found on the way (for the header). Call once, from premain or agentmain.
     */
    public List<String> install() {
        List<String> notes = new ArrayList<>();
        HookBridge.install(runtime);
        HookTransformer transformer = new HookTransformer(plan, runtime, instrumentation, matched, new Consumer<>() {
            @Override
            public void accept(String message) {
                error(message);
            }
        });
        instrumentation.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (runtime.gauges().wantsClass(type.getName())) {
                runtime.gauges().classLoaded(type);
            }
            if (transformer.wantsLoaded(type) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        retransform(loaded);
        return notes;
    }

    /** Retransforms all at once; if the JVM refuses the batch, one by one, so one bad class spoils none else. */
    private void retransform(List<Class<?>> types) {
        if (types.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(types.toArray(new Class<?>[0]));
            return;
        } catch (Throwable batch) {
            if (DEBUG) {
                batch.printStackTrace();
            }
        }
        for (Class<?> type : types) {
            try {
                instrumentation.retransformClasses(type);
            } catch (Throwable t) {
                error("could not instrument " + type.getName() + ": " + t);
            }
        }
    }

    private void error(String message) {
        if (errors.add(message)) {
            runtime.notice(message);
        }
    }

    /**
     * Lines on hooks that matched nothing or too much, with suggestions from the loaded classes. Called
     * on the monitor thread once {@code hooks.report-after} has passed.
     */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        Class<?>[] loaded = null;
        for (HookSpec hook : plan.hooks()) {
            Set<String> hits = matched.get(hook.id());
            if (hits.size() > WIDE_MATCH) {
                lines.add("hook '" + hook.name() + "' (" + hook.target() + ") matched " + hits.size()
                        + " methods; if that is more than you meant, give parameter types, e.g. " + hook.target().methodName() + "(long)");
                continue;
            }
            if (!hits.isEmpty()) {
                continue;
            }
            if (loaded == null) {
                loaded = instrumentation.getAllLoadedClasses();
            }
            lines.add(unmatched(hook, loaded));
        }
        for (String error : errors) {
            lines.add(error);
        }
        return lines;
    }

    private String unmatched(HookSpec hook, Class<?>[] loaded) {
        String typeName = hook.target().typeName();
        Class<?> type = null;
        Set<String> names = new TreeSet<>();
        for (Class<?> c : loaded) {
            if (c.getName().equals(typeName)) {
                type = c;
            }
            String n = c.getName();
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.") && !n.contains("$$")
                    && AGENT_PACKAGES.stream().noneMatch(n::startsWith)) {
                names.add(n);
            }
        }
        String prefix = "hook '" + hook.name() + "' (" + hook.source() + ") matched nothing: ";
        if (type == null) {
            String simple = typeName.substring(typeName.lastIndexOf('.') + 1);
            String suggestion = null;
            for (String n : names) {
                if (n.endsWith("." + simple) || n.endsWith("$" + simple)) {
                    suggestion = n;
                    break;
                }
            }
            if (suggestion == null) {
                suggestion = Suggestions.closest(typeName, names);
            }
            return prefix + "class " + typeName + " has not been loaded"
                    + (suggestion != null ? " - did you mean " + suggestion + "?" : " (check the name, or the app has not used it yet)");
        }
        Set<String> methodNames = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                for (Method m : c.getDeclaredMethods()) {
                    methodNames.add(m.getName());
                }
            } catch (LinkageError ignored) {
                // A class whose methods cannot be listed gives no suggestion.
            }
        }
        if (!methodNames.contains(hook.target().methodName())) {
            String suggestion = Suggestions.closest(hook.target().methodName(), methodNames);
            return prefix + typeName + " has no method '" + hook.target().methodName() + "'"
                    + (suggestion != null ? " - did you mean '" + suggestion + "'?" : " (it has: " + abbreviate(methodNames) + ")");
        }
        return prefix + typeName + "#" + hook.target().methodName()
                + " exists but no concrete method with those parameter types was instrumented"
                + (hook.target().parameterTypes() != null ? " (check the parameter types " + hook.target().parameterTypes() + ")" : "");
    }

    private static String abbreviate(Set<String> names) {
        String all = String.join(", ", names);
        return all.length() > 200 ? all.substring(0, 197) + "..." : all;
    }
}
