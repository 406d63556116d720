package dev.memdebug.instrument;

import dev.memdebug.bootstrap.HookBridge;
import dev.memdebug.bootstrap.HookDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * For the weaving tests: class file bytes from the test class path, a loader that defines given bytes
 * itself (child first for those names only, so the woven copy is the one run), and a dispatcher that
 * records every bridge call as a line of text.
 */
final class WeavingSupport {

    private WeavingSupport() {
    }

    static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Defines each given class (binary name to bytes) itself; everything else comes from the parent. */
    static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            this(classes, WeavingSupport.class.getClassLoader());
        }

        Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    /** Records the calls; {@code enter} returns 42 as the start, so tests see it handed to {@code exit}. */
    static class Recorder extends HookDispatcher {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long enter(int hookId) {
            calls.add("enter " + hookId);
            return 42;
        }

        @Override
        public void exit(int hookId, long start, Throwable thrown) {
            calls.add("exit " + hookId + " " + start + " " + thrown);
        }

        @Override
        public long enter(int hookId, Object[] arguments) {
            calls.add("enter " + hookId + " " + describe(arguments));
            return 42;
        }

        @Override
        public void exit(int hookId, long start, Object[] arguments, Object returned, Throwable thrown) {
            calls.add("exit " + hookId + " " + start + " " + describe(arguments) + " " + describe(returned) + " " + thrown);
        }

        @Override
        public void constructed(int gaugeId, Object instance) {
            // Not getSimpleName(): a nested class woven into another loader than its outer class has none.
            String name = instance.getClass().getName();
            calls.add("constructed " + gaugeId + " " + name.substring(name.lastIndexOf('$') + 1));
        }

        private static String describe(Object value) {
            if (value instanceof Object[] array) {
                return Arrays.stream(array).map(Recorder::describe).toList().toString();
            }
            return value == null ? "null" : value + ":" + value.getClass().getSimpleName();
        }
    }

    /** A dispatcher that fails in every call: the woven code must keep that from the app. */
    static final class Failing extends Recorder {
        @Override
        public long enter(int hookId) {
            throw new IllegalStateException("enter failed");
        }

        @Override
        public void exit(int hookId, long start, Throwable thrown) {
            throw new IllegalStateException("exit failed");
        }

        @Override
        public long enter(int hookId, Object[] arguments) {
            throw new IllegalStateException("enter failed");
        }

        @Override
        public void exit(int hookId, long start, Object[] arguments, Object returned, Throwable thrown) {
            throw new IllegalStateException("exit failed");
        }

        @Override
        public void constructed(int gaugeId, Object instance) {
            throw new IllegalStateException("constructed failed");
        }
    }

    static void install(HookDispatcher dispatcher) {
        HookBridge.install(dispatcher);
    }
}
