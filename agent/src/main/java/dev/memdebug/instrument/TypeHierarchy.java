package dev.memdebug.instrument;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "is this class the named type or one of its subtypes (classes and interfaces, at any depth)?"
 * while the class is being defined, without loading a class: super types that are not the class's own
 * direct ones are read as class files through the defining loader's {@code getResource}
 * ({@link ClassLoader#getSystemResourceAsStream} for the boot loader), and their headers cached per
 * loader. For a class that is already loaded, {@link #isSubtype(Class, String)} walks the
 * {@code Class} objects instead.
 *
 * <p>A super type whose class file cannot be found (generated at run time, or hidden by its loader)
 * ends that branch of the search: the class is then taken not to match, as nothing proves it does.
 *
 * <p>Thread-safety: any thread; the cache is a concurrent map per loader, cleared when it grows past
 * {@link #CACHE_LIMIT} entries. Reading a super type's class file may load JDK classes (the loader's
 * resource code), which is why the transformer guards against re-entry.
 */
final class TypeHierarchy {

    static final int CACHE_LIMIT = 4096;
    /** The cached answer for a type whose class file could not be read. */
    private static final String[] MISSING = new String[0];

    /** Whether JDK types are walked too; only a hook on a JDK type needs that. */
    private final boolean jdkTargets;
    private final Map<ClassLoader, Map<String, String[]>> byLoader = new WeakHashMap<>();
    private final Map<String, String[]> boot = new ConcurrentHashMap<>();

    TypeHierarchy(boolean jdkTargets) {
        this.jdkTargets = jdkTargets;
    }

    /**
     * Whether the class ({@code name}, with its direct {@code superName} and {@code interfaces}, internal
     * names) being defined by {@code loader} is {@code target} or a subtype of it.
     */
    boolean isSubtype(String name, String superName, String[] interfaces, ClassLoader loader, String target) {
        if (name.equals(target)) {
            return true;
        }
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (superName != null) {
            pending.add(superName);
        }
        for (String i : interfaces) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            String type = pending.poll();
            if (type.equals(target)) {
                return true;
            }
            if (!seen.add(type) || type.equals("java/lang/Object") || (!jdkTargets && isJdk(type))) {
                // A JDK type has only JDK super types, so it cannot lead to an app's type.
                continue;
            }
            for (String s : supertypes(type, loader)) {
                pending.add(s);
            }
        }
        return false;
    }

    /** Like the other, for a loaded class; loads nothing, as a loaded class's super types are loaded. */
    static boolean isSubtype(Class<?> type, String targetBinaryName) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> c = pending.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getName().equals(targetBinaryName)) {
                return true;
            }
            if (c.getSuperclass() != null) {
                pending.add(c.getSuperclass());
            }
            for (Class<?> i : c.getInterfaces()) {
                pending.add(i);
            }
        }
        return false;
    }

    static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }

    /** The direct super types of {@code type} as {@code loader} would define or delegate it. */
    private String[] supertypes(String type, ClassLoader loader) {
        Map<String, String[]> cache = cacheOf(loader);
        String[] known = cache.get(type);
        if (known != null) {
            return known;
        }
        String[] found = readSupertypes(type, loader);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(type, found);
        return found;
    }

    private Map<String, String[]> cacheOf(ClassLoader loader) {
        if (loader == null) {
            return boot;
        }
        synchronized (byLoader) {
            Map<String, String[]> cache = byLoader.get(loader);
            if (cache == null) {
                cache = new ConcurrentHashMap<>();
                byLoader.put(loader, cache);
            }
            return cache;
        }
    }

    private static String[] readSupertypes(String type, ClassLoader loader) {
        String resource = type + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return MISSING;
            }
            ClassFileHeader header = ClassFileHeader.read(in.readAllBytes());
            String[] interfaces = header.interfaces();
            if (header.superName() == null) {
                return interfaces;
            }
            String[] all = new String[interfaces.length + 1];
            all[0] = header.superName();
            System.arraycopy(interfaces, 0, all, 1, interfaces.length);
            return all;
        } catch (Exception e) {
            return MISSING;
        }
    }
}
