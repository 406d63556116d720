package dev.memdebug.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Puts {@code dev.memdebug.bootstrap} (the bridge the woven code links against) on the bootstrap class path,
 * so hooked classes of any loader, including the JDK's and isolated plugin loaders, resolve one and the
 * same bridge. The classes are copied from the agent jar as bytes, never loaded here first: a copy
 * loaded by the system loader before the injection would shadow the shared one.
 */
public final class BootstrapInjector {

    static final String[] CLASSES = {"dev/memdebug/bootstrap/HookDispatcher.class", "dev/memdebug/bootstrap/HookBridge.class"};

    private BootstrapInjector() {
    }

    /**
     * Injects the bridge. Must run before any class of the bridge, of {@link HookRuntime} or of
     * {@link HookInstaller} is loaded (the verifier of those loads the bridge), so the caller must not
     * mention them in the same method. Returns a problem line, or {@code null} when it worked; on failure
     * the copy in the agent jar serves the app's own class loaders.
     */
    public static String prepare(Instrumentation instrumentation) {
        try {
            inject(instrumentation);
            return null;
        } catch (Exception | LinkageError e) {
            return "⚠️ could not put the hook bridge on the bootstrap class path (" + e
                    + "); hooks on JDK classes and in isolated class loaders will not report";
        }
    }

    /**
     * The bridge's class files, read straight from the agent jar: {@code getResourceAsStream} asks the
     * boot loader first and goes through a {@code jar:} URL connection, ~6 ms of premain (profiled) for
     * two small files. Where the agent's classes are not in a jar (its own unit tests), the class loader
     * serves them.
     */
    static Map<String, byte[]> readBridge() throws IOException {
        Map<String, byte[]> types = new LinkedHashMap<>();
        Path jar = null;
        try {
            jar = Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception | LinkageError e) {
            // No code source (or not a file): the class loader below.
        }
        if (jar != null && Files.isRegularFile(jar)) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                for (String name : CLASSES) {
                    ZipEntry entry = file.getEntry(name);
                    if (entry == null) {
                        throw new IOException("the agent jar " + jar + " lacks " + name);
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        types.put(typeName(name), in.readAllBytes());
                    }
                }
            }
            return types;
        }
        for (String name : CLASSES) {
            try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("the agent's classes lack " + name);
                }
                types.put(typeName(name), in.readAllBytes());
            }
        }
        return types;
    }

    private static String typeName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }

    /**
     * Injects the bridge; returns the bridge class as the bootstrap loader sees it. Defines the classes
     * directly in the boot loader through {@code jdk.internal.misc.Unsafe}, whose package the
     * instrumentation exports to the agent for this; only if that fails does it append a jar to the
     * boot class path, which makes the JVM warn that class data sharing is limited to boot classes.
     * {@code -Dmemdebug.bootstrap.jar=true} takes the jar path at once: a diagnostic switch, and how the
     * two were timed against each other (BENCHMARKS.md, section 3).
     */
    static Class<?> inject(Instrumentation instrumentation) throws IOException, ClassNotFoundException {
        Map<String, byte[]> types = readBridge();
        if (!Boolean.getBoolean("memdebug.bootstrap.jar")) {
            try {
                defineInBootLoader(instrumentation, types);
                return Class.forName("dev.memdebug.bootstrap.HookBridge", false, null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Fall through to the jar: a JDK without jdk.internal.misc.Unsafe.defineClass, or a class
                // already defined (a second agent start) - the jar's copy is then never read, which is fine.
            }
        }
        Path jar = Files.createTempFile("memdebug-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> type : types.entrySet()) {
                zip.putNextEntry(new ZipEntry(type.getKey().replace('.', '/') + ".class"));
                zip.write(type.getValue());
                zip.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        return Class.forName("dev.memdebug.bootstrap.HookBridge", true, null);
    }

    /**
     * {@code Unsafe.defineClass(name, bytes, 0, length, null, null)} for each class, in order (the
     * dispatcher before the bridge that names it). {@code jdk.internal.misc} is exported to the agent's
     * module only, through the instrumentation; the app gains no access.
     */
    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> types) throws ReflectiveOperationException {
        Module base = Object.class.getModule();
        Module agent = BootstrapInjector.class.getModule();
        if (!base.isExported("jdk.internal.misc", agent)) {
            instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(agent)), Map.of(), Set.of(), Map.of());
        }
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
        for (Map.Entry<String, byte[]> type : types.entrySet()) {
            define.invoke(unsafe, type.getKey(), type.getValue(), 0, type.getValue().length, null, null);
        }
    }
}
