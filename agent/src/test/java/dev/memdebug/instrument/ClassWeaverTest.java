package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.weavetarget.Targets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Woven classes loaded in a fresh loader (so the JVM verifies them) and run against a recording dispatcher. */
class ClassWeaverTest {

    private final WeavingSupport.Recorder recorder = new WeavingSupport.Recorder();

    @AfterEach
    void uninstall() {
        WeavingSupport.install(null);
    }

    /** Weaves the hooks (and gauges) of {@code config} into {@code type} and loads the result. */
    private Class<?> woven(Class<?> type, String... config) throws Exception {
        HookPlan plan = HookConfigParserTest.parse(config);
        assertEquals(List.of(), plan.problems());
        int[] gauges = plan.gauges().stream().mapToInt(GaugeSpec::id).toArray();
        ClassWeaver.Result result = ClassWeaver.weave(WeavingSupport.bytesOf(type), plan.hooks(), gauges);
        WeavingSupport.install(recorder);
        return new WeavingSupport.Loader(Map.of(type.getName(), result.bytes())).loadClass(type.getName());
    }

    private static Object call(Class<?> type, Object target, String name, Object... args) throws Throwable {
        Method m = Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void wideArgumentsAreBoxedAndTheResultPassedOn() throws Throwable {
        Class<?> c = woven(Targets.Calls.class, "hook.w.method = dev.memdebug.weavetarget.Targets$Calls#wide", "hook.w.context = {arg0} {arg1} {return}");
        Object calls = c.getConstructor().newInstance();
        assertEquals(7L + 2 + 3 + 4, call(c, calls, "wide", 7L, 2.5, 3, "four"));
        assertEquals(List.of("enter 0 [7:Long, 2.5:Double, 3:Integer, four:String]",
                "exit 0 42 [7:Long, 2.5:Double, 3:Integer, four:String] 16:Long null"), recorder.calls);
    }

    @Test
    void everyPrimitiveKindIsBoxed() throws Throwable {
        Class<?> c = woven(Targets.Calls.class, "hook.f.method = dev.memdebug.weavetarget.Targets$Calls#flag", "hook.f.context = {arg0} {return}");
        assertEquals(true, call(c, c.getConstructor().newInstance(), "flag", true, 'x', (byte) 1, (short) 2, 1.5f));
        assertEquals(List.of("enter 0 [true:Boolean, x:Character, 1:Byte, 2:Short, 1.5:Float]",
                "exit 0 42 [true:Boolean, x:Character, 1:Byte, 2:Short, 1.5:Float] true:Boolean null"), recorder.calls);
    }

    @Test
    void aCallThroughAGenericInterfaceIsCountedOnceNotAgainInItsBridge() throws Throwable {
        Class<?> c = woven(Targets.TextHandler.class, "hook.h.method = dev.memdebug.weavetarget.Targets$TextHandler#handle",
                "hook.h.counter = n +1", "hook.h.log = none");
        Method bridge = Arrays.stream(c.getDeclaredMethods()).filter(Method::isBridge).findFirst().orElseThrow();
        assertEquals(5, bridge.invoke(c.getConstructor().newInstance(), "hello"), "the call through the erased signature");
        assertEquals(List.of("enter 0", "exit 0 42 null"), recorder.calls, "woven once: in handle(String), not in the bridge too");
        Class<?> erased = woven(Targets.TextHandler.class, "hook.h.method = dev.memdebug.weavetarget.Targets$TextHandler#handle(java.lang.Object)",
                "hook.h.counter = n +1", "hook.h.log = none");
        recorder.calls.clear();
        Arrays.stream(erased.getDeclaredMethods()).filter(Method::isBridge).findFirst().orElseThrow()
                .invoke(erased.getConstructor().newInstance(), "hello");
        assertEquals(List.of("enter 0", "exit 0 42 null"), recorder.calls, "named by its erased parameter, the bridge is what matches");
    }

    @Test
    void staticMethodWithACounterOnlyHook() throws Throwable {
        Class<?> c = woven(Targets.Calls.class, "hook.t.method = dev.memdebug.weavetarget.Targets$Calls#twice", "hook.t.counter = n +1", "hook.t.log = none");
        assertEquals(42, call(c, null, "twice", 21));
        assertEquals(List.of("enter 0", "exit 0 42 null"), recorder.calls);
    }

    @Test
    void aThrowingMethodReportsAndRethrowsTheSameThrowable() throws Throwable {
        Class<?> c = woven(Targets.Calls.class, "hook.f.method = dev.memdebug.weavetarget.Targets$Calls#fail", "hook.f.context = {thrown}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(c, null, "fail", "disk full"));
        assertEquals("disk full", e.getMessage());
        // {thrown} needs neither arguments nor the return value: the plain bridge calls.
        assertEquals(List.of("enter 0", "exit 0 42 " + e), recorder.calls);
    }

    @Test
    void everyReturnOfAMethodWithManyIsReported() throws Throwable {
        Class<?> c = woven(Targets.Calls.class, "hook.c.method = dev.memdebug.weavetarget.Targets$Calls#classify", "hook.c.context = {return}");
        Object calls = c.getConstructor().newInstance();
        for (int n : new int[] {-3, 0, 1, 9, 7}) {
            call(c, calls, "classify", n);
        }
        assertEquals(List.of("negative", "zero", "one", "composite", "prime"), recorder.calls.stream()
                .filter(s -> s.startsWith("exit")).map(s -> s.split(" ")[4].replace(":String", "")).toList());
    }

    @Test
    void framesOfLoopsHandlersAndMonitorsStayValid() throws Throwable {
        Class<?> c = woven(Targets.Calls.class,
                "hook.l.method = dev.memdebug.weavetarget.Targets$Calls#loopFirst", "hook.l.context = {arg0} {return}",
                "hook.g.method = dev.memdebug.weavetarget.Targets$Calls#guarded", "hook.g.counter = g +1", "hook.g.log = none",
                "hook.n.method = dev.memdebug.weavetarget.Targets$Calls#nothing", "hook.n.context = {return}",
                "hook.a.method = dev.memdebug.weavetarget.Targets$Calls#list", "hook.a.context = {return}");
        Object calls = c.getConstructor().newInstance();
        assertEquals(10, call(c, calls, "loopFirst", 4));
        assertEquals("13", call(c, calls, "guarded", List.of("a", "bcd")));
        assertEquals("npe", call(c, calls, "guarded", Arrays.asList("a", null)));
        assertNull(call(c, calls, "nothing"));
        assertEquals(List.of("a"), call(c, calls, "list"));
        assertEquals(List.of("enter 0 [4:Integer]", "exit 0 42 [4:Integer] 10:Integer null",
                "enter 1", "exit 1 42 null", "enter 1", "exit 1 42 null",
                "enter 2 []", "exit 2 42 [] null null",
                "enter 3 []", "exit 3 42 [] [a]:ArrayList null"), recorder.calls);
    }

    @Test
    void twoHooksOnOneMethodNest() throws Throwable {
        Class<?> c = woven(Targets.Calls.class,
                "hook.a.method = dev.memdebug.weavetarget.Targets$Calls#wide", "hook.a.context = {arg0}",
                "hook.b.method = dev.memdebug.weavetarget.Targets$Calls#wide(long, double, int, String)", "hook.b.counter = b +1", "hook.b.log = none");
        assertEquals(1L + 1 + 1 + 1, call(c, c.getConstructor().newInstance(), "wide", 1L, 1.0, 1, "x"));
        assertEquals(List.of("enter 1", "enter 0 [1:Long, 1.0:Double, 1:Integer, x:String]",
                "exit 0 42 [1:Long, 1.0:Double, 1:Integer, x:String] 4:Long null", "exit 1 42 null"), recorder.calls);
    }

    @Test
    void parameterTypesSelectTheOverload() throws Exception {
        HookPlan plan = HookConfigParserTest.parse("hook.w.method = dev.memdebug.weavetarget.Targets$Calls#wide(long, double, int)");
        assertNull(ClassWeaver.weave(WeavingSupport.bytesOf(Targets.Calls.class), plan.hooks(), new int[0]));
        plan = HookConfigParserTest.parse("hook.w.method = dev.memdebug.weavetarget.Targets$Calls#wide(long, double, int, java.lang.String)");
        ClassWeaver.Result result = ClassWeaver.weave(WeavingSupport.bytesOf(Targets.Calls.class), plan.hooks(), new int[0]);
        assertEquals(List.of(new ClassWeaver.Woven(0, "dev.memdebug.weavetarget.Targets$Calls#wide(JDILjava/lang/String;)J")), result.woven());
    }

    @Test
    void abstractMethodsAreNotWovenTheirImplementationsAre() throws Exception {
        HookPlan plan = HookConfigParserTest.parse("hook.n.method = dev.memdebug.weavetarget.Targets$Base#name");
        assertNull(ClassWeaver.weave(WeavingSupport.bytesOf(Targets.Base.class), plan.hooks(), new int[0]));
        assertEquals(1, ClassWeaver.weave(WeavingSupport.bytesOf(Targets.Square.class), plan.hooks(), new int[0]).woven().size());
    }

    @Test
    void gaugeConstructorsReportEachInstanceIncludingDelegatingOnes() throws Throwable {
        Class<?> c = woven(Targets.Square.class, "gauge.sq = dev.memdebug.weavetarget.Targets$Square#side");
        Object square = c.getConstructor(double.class).newInstance(3.0);
        assertEquals(18.0, call(c, square, "area", 2.0));
        c.getConstructor().newInstance();
        assertEquals(List.of("constructed 0 Square", "constructed 0 Square", "constructed 0 Square"), recorder.calls);
    }

    @Test
    void aFailingDispatcherNeverReachesTheApp() throws Throwable {
        Class<?> c = woven(Targets.Calls.class,
                "hook.w.method = dev.memdebug.weavetarget.Targets$Calls#wide", "hook.w.context = {arg0}",
                "hook.t.method = dev.memdebug.weavetarget.Targets$Calls#twice", "hook.t.counter = n +1", "hook.t.log = none",
                "hook.f.method = dev.memdebug.weavetarget.Targets$Calls#fail", "hook.f.counter = n +1");
        WeavingSupport.install(new WeavingSupport.Failing());
        assertEquals(10L, call(c, c.getConstructor().newInstance(), "wide", 4L, 3.0, 2, "x"));
        assertEquals(8, call(c, null, "twice", 4));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(c, null, "fail", "own"));
        assertEquals("own", e.getMessage());
        Class<?> g = woven(Targets.Square.class, "gauge.sq = dev.memdebug.weavetarget.Targets$Square#side");
        WeavingSupport.install(new WeavingSupport.Failing());
        assertTrue(g.getConstructor().newInstance() != null);
    }

    @Test
    void anUnwovenClassLoadsTheSameCode() throws Exception {
        Class<?> c = woven(Targets.Calls.class, "hook.w.method = dev.memdebug.weavetarget.Targets$Calls#wide");
        Object calls = c.getConstructor().newInstance();
        assertEquals(1_234_567_890_123L, c.getField("constant").get(calls));
        assertSame(c.getClassLoader().getParent(), WeavingSupport.class.getClassLoader());
    }
}
