package dev.memdebug.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Puts {@code dev.memdebug.bootstrap} (the bridge the advice links against) on the bootstrap class path,
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
     * Injects the bridge; returns the bridge class as the bootstrap loader sees it. Defines the classes
     * directly in the boot loader where the JVM lets Byte Buddy do so (through {@code Unsafe}, opened by
     * the instrumentation); only if that is unavailable does it append a jar to the boot class path,
     * which makes the JVM warn that class data sharing is limited to boot classes.
     */
    static Class<?> inject(Instrumentation instrumentation) throws IOException, ClassNotFoundException {
        net.bytebuddy.dynamic.loading.ClassInjector.UsingUnsafe.Factory factory =
                net.bytebuddy.dynamic.loading.ClassInjector.UsingUnsafe.Factory.resolve(instrumentation);
        if (factory.isAvailable()) {
            java.util.Map<String, byte[]> types = new java.util.LinkedHashMap<>();
            for (String name : CLASSES) {
                try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("the agent jar lacks " + name);
                    }
                    types.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
                }
            }
            factory.make(null).injectRaw(types);
            return Class.forName("dev.memdebug.bootstrap.HookBridge", true, null);
        }
        Path jar = Files.createTempFile("memdebug-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (String name : CLASSES) {
                try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("the agent jar lacks " + name);
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        return Class.forName("dev.memdebug.bootstrap.HookBridge", true, null);
    }
}
