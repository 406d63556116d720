package dev.memdebug.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.memdebug.bootstrap.HookBridge;
import dev.memdebug.config.Suggestions;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs one Byte Buddy {@link AgentBuilder} for all hooks and gauges, with narrow matchers: only the
 * named types and their subtypes are considered, and the JDK's classes only when a hook names one.
 * Classes loaded before the agent are retransformed. Failures are collected as notices naming the class
 * and why; they never reach the app.
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
     * Injects the bridge, installs the dispatcher and the transformer. Returns problems found on the way
     * (for the header). Call once, from premain or agentmain.
     */
    public List<String> install() {
        List<String> notes = new ArrayList<>();
        HookBridge.install(runtime);
        Class<?> bridge = HookBridge.class;

        boolean jdk = plan.hooks().stream().anyMatch(h -> h.target().isJdkType())
                || plan.gauges().stream().anyMatch(g -> g.typeName().startsWith("java."));
        ElementMatcher.Junction<TypeDescription> ignored = nameStartsWith("net.bytebuddy.").or(isSynthetic());
        for (String agentPackage : AGENT_PACKAGES) {
            ignored = ignored.or(nameStartsWith(agentPackage));
        }
        if (!jdk) {
            ignored = ignored.or(nameStartsWith("java.")).or(nameStartsWith("javax.")).or(nameStartsWith("jdk."))
                    .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun."));
        }
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new Listener())
                .ignore(ignored);
        if (bridge.getClassLoader() == null) {
            builder = builder.assureReadEdgeTo(instrumentation, bridge);
        }
        for (HookSpec hook : plan.hooks()) {
            Class<?> adviceClass = hook.needsValues() ? ValuesAdvice.class : CounterAdvice.class;
            Advice advice = Advice.withCustomMapping().bind(HookId.class, hook.id()).to(adviceClass);
            ElementMatcher<MethodDescription> methods = new Recording(methodMatcher(hook.target()), matched.get(hook.id()));
            String type = hook.target().typeName();
            builder = builder.type(named(type).or(hasSuperType(named(type))))
                    .transform((b, typeDescription, loader, module, domain) -> b.visit(advice.on(methods)));
        }
        for (GaugeSpec gauge : plan.gauges()) {
            Advice advice = Advice.withCustomMapping().bind(HookId.class, gauge.id()).to(InstanceAdvice.class);
            builder = builder.type(named(gauge.typeName()))
                    .transform((b, typeDescription, loader, module, domain) -> b.visit(advice.on(isConstructor())));
        }
        builder.installOn(instrumentation);
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (runtime.gauges().wantsClass(loaded.getName())) {
                runtime.gauges().classLoaded(loaded);
            }
        }
        return notes;
    }

    static ElementMatcher.Junction<MethodDescription> methodMatcher(MethodTarget target) {
        ElementMatcher.Junction<MethodDescription> m = isMethod().and(named(target.methodName())).and(not(isAbstract()));
        if (target.parameterTypes() != null) {
            m = m.and(takesArguments(target.parameterTypes().size()));
            for (int i = 0; i < target.parameterTypes().size(); i++) {
                m = m.and(takesArgument(i, named(target.parameterTypes().get(i))));
            }
        }
        return m;
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

    /** Remembers each method a hook's matcher accepted. */
    private static final class Recording implements ElementMatcher<MethodDescription> {
        private final ElementMatcher<MethodDescription> delegate;
        private final Set<String> hits;

        Recording(ElementMatcher<MethodDescription> delegate, Set<String> hits) {
            this.delegate = delegate;
            this.hits = hits;
        }

        @Override
        public boolean matches(MethodDescription target) {
            boolean m = delegate.matches(target);
            if (m) {
                hits.add(target.getDeclaringType().getTypeName() + "#" + target.getName() + target.getDescriptor());
            }
            return m;
        }
    }

    /** Records transformation errors and tells the gauge reader about loaded gauge classes. */
    private final class Listener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
            if (DEBUG) {
                System.err.println("[memdebug debug] transformed " + type.getName());
            }
            noteGaugeClass(type.getName(), loader);
        }

        @Override
        public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
            if (DEBUG) {
                System.err.println("[memdebug debug] discovered " + typeName);
            }
        }

        @Override
        public void onIgnored(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded) {
            if (DEBUG && type.getName().contains("Hammer")) {
                System.err.println("[memdebug debug] ignored " + type.getName());
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            String message = "could not instrument " + typeName + ": " + throwable;
            if (DEBUG) {
                throwable.printStackTrace();
            }
            if (errors.add(message)) {
                runtime.notice(message);
            }
        }

        private void noteGaugeClass(String name, ClassLoader loader) {
            if (!runtime.gauges().wantsClass(name)) {
                return;
            }
            runtime.gauges().classSeen(name, loader);
        }
    }
}
