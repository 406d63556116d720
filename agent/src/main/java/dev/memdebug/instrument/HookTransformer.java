package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The transformer for all hooks and gauges. For each class the JVM defines or retransforms it decides,
 * cheapest test first, whether anything applies:
 * <ol>
 *   <li>by name: the agent's own packages never, the JDK's only when a hook or gauge names a JDK type;
 *   <li>by constant pool: a hook can only apply if the class file holds the hooked method's name
 *       ({@link ClassFileHeader#mentionsAny}, no allocation), a gauge only to the class it names;
 *   <li>by type: the class is the hook's type or a subtype ({@link TypeHierarchy}, from class files,
 *       never {@code Class.forName}).
 * </ol>
 * Only then does {@link ClassWeaver} rewrite it. Every throwable is caught: the class is then left as it
 * was and "could not instrument X: reason" goes to the notices once per message.
 *
 * <p>Thread-safety: called by the JVM on any thread, concurrently; the match sets are concurrent. A
 * call made while the same thread is already inside {@link #transform} (a class loaded by the resource
 * reading of the type check) leaves that class alone, as Byte Buddy's circularity lock did.
 */
final class HookTransformer implements ClassFileTransformer {

    private static final boolean DEBUG = Boolean.getBoolean("memdebug.debug");
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final int[] NO_GAUGES = new int[0];

    private final List<HookSpec> hooks;
    private final List<GaugeSpec> gauges;
    private final byte[][] hookMethodNames;
    private final byte[][] distinctMethodNames;
    private final String[] hookTypes;
    private final String[] gaugeTypes;
    private final String[] ignoredPrefixes;
    private final TypeHierarchy hierarchy;
    private final HookRuntime runtime;
    private final Instrumentation instrumentation;
    private final Module bridgeModule = HookBridge.class.getModule();
    private final List<Set<String>> matched;
    private final Consumer<String> errors;
    private final ThreadLocal<boolean[]> inside = new ThreadLocal<>() {
        @Override
        protected boolean[] initialValue() {
            return new boolean[1];
        }
    };

    /**
     * @param matched per hook id, the methods woven so far ({@code Type#name(descriptor)}); written here
     * @param errors  receives each failure message
     */
    HookTransformer(HookPlan plan, HookRuntime runtime, Instrumentation instrumentation, List<Set<String>> matched,
                    Consumer<String> errors) {
        this.hooks = plan.hooks();
        this.gauges = plan.gauges();
        this.runtime = runtime;
        this.instrumentation = instrumentation;
        this.matched = matched;
        this.errors = errors;
        hookMethodNames = new byte[hooks.size()][];
        hookTypes = new String[hooks.size()];
        // Loops, not streams: each lambda is a class to spin up in premain, where every millisecond counts.
        Set<String> names = new LinkedHashSet<>();
        boolean jdk = false;
        for (int i = 0; i < hooks.size(); i++) {
            MethodTarget target = hooks.get(i).target();
            hookMethodNames[i] = ClassFileHeader.utf8(target.methodName());
            hookTypes[i] = target.typeName().replace('.', '/');
            names.add(target.methodName());
            jdk |= target.isJdkType();
        }
        distinctMethodNames = new byte[names.size()][];
        int n = 0;
        for (String name : names) {
            distinctMethodNames[n++] = ClassFileHeader.utf8(name);
        }
        gaugeTypes = new String[gauges.size()];
        for (int i = 0; i < gaugeTypes.length; i++) {
            gaugeTypes[i] = gauges.get(i).typeName().replace('.', '/');
            jdk |= gauges.get(i).typeName().startsWith("java.");
        }
        List<String> ignored = new ArrayList<>();
        ignored.add("net/bytebuddy/");
        for (String agentPackage : HookInstaller.AGENT_PACKAGES) {
            ignored.add(agentPackage.replace('.', '/'));
        }
        if (!jdk) {
            ignored.addAll(List.of("java/", "javax/", "jdk/", "sun/", "com/sun/"));
        }
        ignoredPrefixes = ignored.toArray(new String[0]);
        hierarchy = new TypeHierarchy(jdk);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || isIgnored(className)) {
            return null;
        }
        boolean[] busy = inside.get();
        if (busy[0]) {
            return null;
        }
        busy[0] = true;
        try {
            return weave(module, loader, className, classBeingRedefined, classfileBuffer);
        } catch (Throwable t) {
            String message = "could not instrument " + className.replace('/', '.') + ": " + t;
            if (DEBUG) {
                t.printStackTrace();
            }
            errors.accept(message);
            return null;
        } finally {
            busy[0] = false;
        }
    }

    /** Whether a class loaded before the transformer was added needs retransforming. Loads nothing. */
    boolean wantsLoaded(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isSynthetic() || isIgnored(type.getName().replace('.', '/'))) {
            return false;
        }
        for (GaugeSpec g : gauges) {
            if (g.typeName().equals(type.getName())) {
                return true;
            }
        }
        for (HookSpec h : hooks) {
            if (TypeHierarchy.isSubtype(type, h.target().typeName())) {
                return true;
            }
        }
        return false;
    }

    private byte[] weave(Module module, ClassLoader loader, String className, Class<?> redefined, byte[] bytes) {
        int[] gaugeIds = gaugesOf(className);
        if (gaugeIds.length > 0 && redefined == null) {
            runtime.gauges().classSeen(className.replace('/', '.'), loader);
        }
        boolean mentioned = distinctMethodNames.length > 0 && ClassFileHeader.mentionsAny(bytes, distinctMethodNames);
        if (!mentioned && gaugeIds.length == 0) {
            return null;
        }
        ClassFileHeader header = ClassFileHeader.read(bytes);
        if ((header.access() & ACC_SYNTHETIC) != 0) {
            return null;
        }
        List<HookSpec> applicable = new ArrayList<>();
        if (mentioned) {
            for (int i = 0; i < hooks.size(); i++) {
                if (header.mentions(hookMethodNames[i]) && isSubtype(header, loader, redefined, i)) {
                    applicable.add(hooks.get(i));
                }
            }
        }
        if (applicable.isEmpty() && gaugeIds.length == 0) {
            return null;
        }
        ClassWeaver.Result result = ClassWeaver.weave(bytes, applicable, gaugeIds);
        if (result == null) {
            return null;
        }
        if (module != null && module.isNamed() && !module.canRead(bridgeModule)) {
            // A named module (java.base for a JDK hook) must read the bridge's module to link against it.
            instrumentation.redefineModule(module, Set.of(bridgeModule), Map.of(), Map.of(), Set.of(), Map.of());
        }
        for (ClassWeaver.Woven w : result.woven()) {
            matched.get(w.hookId()).add(w.method());
        }
        if (DEBUG) {
            System.err.println("[memdebug debug] transformed " + className.replace('/', '.'));
        }
        return result.bytes();
    }

    private boolean isSubtype(ClassFileHeader header, ClassLoader loader, Class<?> redefined, int hook) {
        if (redefined != null) {
            return TypeHierarchy.isSubtype(redefined, hooks.get(hook).target().typeName());
        }
        return hierarchy.isSubtype(header.name(), header.superName(), header.interfaces(), loader, hookTypes[hook]);
    }

    private int[] gaugesOf(String className) {
        int count = 0;
        for (String t : gaugeTypes) {
            if (t.equals(className)) {
                count++;
            }
        }
        if (count == 0) {
            return NO_GAUGES;
        }
        int[] ids = new int[count];
        int k = 0;
        for (int i = 0; i < gaugeTypes.length; i++) {
            if (gaugeTypes[i].equals(className)) {
                ids[k++] = gauges.get(i).id();
            }
        }
        return ids;
    }

    private boolean isIgnored(String internalName) {
        for (String prefix : ignoredPrefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
