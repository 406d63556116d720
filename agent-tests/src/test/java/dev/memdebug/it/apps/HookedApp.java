package dev.memdebug.it.apps;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A test app with one of each kind of hook target: an interface method, an abstract method, a static
 * method, a method that throws, a class in an isolated child class loader, and a JDK method. It knows
 * nothing of the agent; it does its work, holds still for {@code HOLD_MS} so the agent can write, and
 * exits.
 */
public final class HookedApp {

    /** Read by a static gauge. */
    public static volatile int level = 42;

    public interface Store {
        void put(String key);

        int size();
    }

    public static final class MemoryStore implements Store {
        private final List<String> keys = new ArrayList<>();

        @Override
        public void put(String key) {
            keys.add(key);
        }

        @Override
        public int size() {
            return keys.size();
        }
    }

    public abstract static class Task {
        public abstract String run(int n);
    }

    public static final class EchoTask extends Task {
        @Override
        public String run(int n) {
            return "echo-" + n;
        }
    }

    public record Job(long userId, String name) {
    }

    public static int staticWork(Job job) {
        return job.name().length();
    }

    public static void fail(String why) {
        throw new IllegalStateException(why);
    }

    public static void main(String[] args) throws Exception {
        long hold = Long.parseLong(args[0]);
        Store store = new MemoryStore();
        for (int i = 1; i <= 5; i++) {
            store.put("key-" + i);
        }
        Task task = new EchoTask();
        task.run(7);
        staticWork(new Job(12345, "report.pdf"));
        try {
            fail("disk full");
        } catch (IllegalStateException expected) {
            System.out.println("caught " + expected.getMessage());
        }
        URL classes = HookedApp.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> plugin = isolated.loadClass("dev.memdebug.it.apps.plugin.PluginWork");
            Object result = plugin.getMethod("work", String.class).invoke(null, "from-plugin");
            System.out.println("plugin said " + result + " from " + plugin.getClassLoader());
        }
        CRC32 crc = new CRC32();
        byte[] data = new byte[1024];
        for (int i = 0; i < 3; i++) {
            crc.update(data, 0, data.length);
        }
        System.out.println("work done");
        System.out.flush();
        Thread.sleep(hold);
    }
}
