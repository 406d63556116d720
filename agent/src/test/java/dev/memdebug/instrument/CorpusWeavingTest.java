package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * Every method of every class in real jars from the test class path (JCTools: unsafe, loops, switches;
 * Byte Buddy's ASM: big methods, many frames) hooked with a context (the heaviest woven code) and every
 * constructor with a gauge, then loaded in a fresh loader and linked, so the JVM's verifier checks each
 * woven method. A frame mistake would be a VerifyError in an app; here it fails the test.
 *
 * <p>More jars: {@code -Dcorpus.jars=a.jar,b.jar}. Run so on all of Byte Buddy (3300 classes), JUnit 3.8
 * and 4.13, commons-collections 3.2 and commons-lang 2.4 (class file versions 46 to 49, without frames):
 * no failure.
 */
class CorpusWeavingTest {

    @Test
    void everyMethodOfRealJarsWeavesIntoVerifiableCode() throws Exception {
        List<String> failures = new ArrayList<>();
        int classes = 0;
        for (String marker : List.of("org/jctools/queues/MpscArrayQueue.class", "net/bytebuddy/jar/asm/ClassReader.class")) {
            URL url = CorpusWeavingTest.class.getClassLoader().getResource(marker);
            String jarPath = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
            classes += weaveAll(Path.of(jarPath).toFile(), marker.startsWith("net/") ? "net/bytebuddy/jar/asm/" : "", failures);
        }
        for (String extra : System.getProperty("corpus.jars", "").split(",")) {
            if (!extra.isEmpty()) {
                int n = weaveAll(new File(extra), "", failures);
                System.out.println(extra + ": " + n);
            }
        }
        assertTrue(classes > 100, "classes woven: " + classes);
        assertEquals(List.of(), failures);
    }

    private static int weaveAll(File jar, String prefix, List<String> failures) throws Exception {
        int count = 0;
        URL[] urls = {jar.toURI().toURL()};
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String entry = e.nextElement().getName();
                if (!entry.endsWith(".class") || !entry.startsWith(prefix) || entry.startsWith("META-INF") || entry.endsWith("module-info.class")) {
                    continue;
                }
                byte[] bytes;
                try (var in = file.getInputStream(file.getJarEntry(entry))) {
                    bytes = in.readAllBytes();
                }
                String name = entry.substring(0, entry.length() - ".class".length());
                HookPlan plan = HookConfigParserTest.parse(config(name, bytes));
                int[] gauges = plan.gauges().stream().mapToInt(GaugeSpec::id).toArray();
                try {
                    ClassWeaver.Result result = ClassWeaver.weave(bytes, plan.hooks(), gauges);
                    if (result == null) {
                        continue;
                    }
                    String binary = name.replace('/', '.');
                    // The whole jar in one loader of its own (package-private supertypes must share it), the
                    // woven class in place of the original; initialising it links it, which verifies every method.
                    try (Woven loader = new Woven(urls, binary, result.bytes())) {
                        try {
                            Class.forName(binary, true, loader);
                        } catch (ExceptionInInitializerError ignored) {
                            // A static initialiser that fails outside its usual environment: linked and verified all the same.
                        }
                    }
                    count++;
                } catch (VerifyError | ClassFormatError | IllegalStateException | IllegalArgumentException | ArrayIndexOutOfBoundsException t) {
                    failures.add(name + ": " + t);
                } catch (NoClassDefFoundError ignored) {
                    // An optional dependency of the jar that is not on the test class path: not linked, not counted.
                }
            }
        }
        return count;
    }

    /** Loads the jar's classes itself, and one of them from woven bytes. */
    private static final class Woven extends URLClassLoader {
        private final String name;
        private final byte[] bytes;

        Woven(URL[] urls, String name, byte[] bytes) {
            super(urls, null);
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String className) throws ClassNotFoundException {
            return className.equals(name) ? defineClass(name, bytes, 0, bytes.length) : super.findClass(className);
        }
    }

    /** A hook with a context on every method name of the class, and a gauge on it. */
    private static String[] config(String name, byte[] bytes) {
        Set<String> methods = new LinkedHashSet<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
                if (!method.startsWith("<")) {
                    methods.add(method);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        String type = name.replace('/', '.');
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (String m : methods) {
            lines.add("hook.h" + i + ".method = " + type + "#" + m);
            lines.add("hook.h" + i + ".context = {arg0} {return}");
            i++;
        }
        lines.add("gauge.g = " + type + "#x");
        return lines.toArray(new String[0]);
    }
}
