package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.weavetarget.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transformer's decisions, called as the JVM calls it, and the woven class run. */
class HookTransformerTest {

    private final List<Set<String>> matched = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final ClassLoader loader = HookTransformerTest.class.getClassLoader();

    @AfterEach
    void uninstall() {
        WeavingSupport.install(null);
    }

    private HookTransformer transformer(String... config) {
        HookPlan plan = HookConfigParserTest.parse(config);
        for (int i = 0; i < plan.hooks().size(); i++) {
            matched.add(ConcurrentHashMap.newKeySet());
        }
        return new HookTransformer(plan, new HookRuntime(plan, 64), null, matched, errors::add);
    }

    private byte[] transform(HookTransformer t, Class<?> type) throws Exception {
        return t.transform(null, loader, type.getName().replace('.', '/'), null, null, WeavingSupport.bytesOf(type));
    }

    @Test
    void implementationsOfAnInterfaceMethodAreWovenAndRecorded() throws Throwable {
        HookTransformer t = transformer("hook.area.method = dev.memdebug.weavetarget.Targets$Shape#area", "hook.area.counter = n +1", "hook.area.log = none");
        byte[] square = transform(t, Targets.Square.class);
        assertNotNull(square);
        assertNull(transform(t, Targets.Field.class), "same method name, unrelated type");
        assertNull(transform(t, Targets.Calls.class), "the name is not in its constant pool");
        assertNull(transform(t, Targets.Shape.class), "the interface's method is abstract");
        assertEquals(Set.of("dev.memdebug.weavetarget.Targets$Square#area(D)D"), matched.get(0));
        assertEquals(List.of(), errors);

        WeavingSupport.Recorder recorder = new WeavingSupport.Recorder();
        WeavingSupport.install(recorder);
        Class<?> c = new WeavingSupport.Loader(Map.of(Targets.Square.class.getName(), square)).loadClass(Targets.Square.class.getName());
        Object shape = c.getConstructor(double.class).newInstance(2.0);
        assertEquals(8.0, c.getMethod("area", double.class).invoke(shape, 2.0));
        assertEquals(List.of("enter 0", "exit 0 42 null"), recorder.calls);
    }

    @Test
    void theAgentsOwnAndTheJdksClassesAreSkippedByName() throws Exception {
        HookTransformer t = transformer("hook.s.method = dev.memdebug.weavetarget.Targets$Shape#size");
        assertNull(t.transform(null, null, "java/util/ArrayList", null, null, new byte[] {1}), "skipped before reading a byte");
        assertNull(t.transform(null, loader, "dev/memdebug/instrument/HookInstaller", null, null, new byte[] {1}));
        assertEquals(List.of(), errors);
    }

    @Test
    void aClassThatCannotBeReadIsLeftAloneAndReported() {
        HookTransformer t = transformer("hook.s.method = x.Y#size");
        assertNull(t.transform(null, loader, "x/Broken", null, null, new byte[] {1, 2, 3}));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("could not instrument x.Broken: java.lang.IllegalArgumentException"), errors.get(0));
    }

    @Test
    void gaugesWeaveTheConstructorsOfTheirClassOnly() throws Exception {
        HookTransformer t = transformer("gauge.sq = dev.memdebug.weavetarget.Targets$Square#side");
        assertNotNull(transform(t, Targets.Square.class));
        assertNull(transform(t, Targets.Base.class));
    }

    @Test
    void loadedClassesAreChosenForRetransformationByType() {
        HookTransformer t = transformer("hook.area.method = dev.memdebug.weavetarget.Targets$Shape#area", "gauge.c = dev.memdebug.weavetarget.Targets$Calls#constant");
        assertTrue(t.wantsLoaded(Targets.Square.class));
        assertTrue(t.wantsLoaded(Targets.Calls.class));
        assertTrue(!t.wantsLoaded(Targets.Field.class) && !t.wantsLoaded(String.class) && !t.wantsLoaded(HookInstaller.class));
    }
}
