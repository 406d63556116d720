package dev.memdebug.agent;

import dev.memdebug.log.Mb;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** One line on the JVM for the header: vendor, version, max heap and collectors. Stateless. */
final class JvmDescription {

    private JvmDescription() {
    }

    static String describe() {
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(gc.getName());
        }
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ") | max heap " + Mb.of(Runtime.getRuntime().maxMemory())
                + " | GC: " + String.join(", ", collectors);
    }
}
