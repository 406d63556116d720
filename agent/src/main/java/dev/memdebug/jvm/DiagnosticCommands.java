package dev.memdebug.jvm;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The HotSpot {@code DiagnosticCommand} MBean ({@code jcmd} from inside the JVM): class histogram, Native
 * Memory Tracking summary, native heap trim. Connects on first use only: the platform MBean server costs
 * classes, metaspace and a few milliseconds that a JVM which never reaches CRITICAL should not pay.
 *
 * <p>Thread-safety: synchronized; callers are the monitor thread. {@link #invoke} blocks for as long as the
 * command runs (a class histogram stops the world for a full collection).
 */
public final class DiagnosticCommands {

    private static final String MBEAN = "com.sun.management:type=DiagnosticCommand";

    private MBeanServer server;
    private ObjectName name;
    private Set<String> operations;
    private String unavailable;

    /** Whether the JVM offers {@code operation} (e.g. {@code systemTrimNativeHeap}); connects on first call. */
    public synchronized boolean offers(String operation) {
        return connect() && operations.contains(operation);
    }

    /** Why the MBean could not be reached, or {@code null}. */
    public synchronized String unavailableReason() {
        connect();
        return unavailable;
    }

    /**
     * Runs {@code operation} with {@code jcmd}-style arguments and returns its text output.
     *
     * @throws Exception when the MBean is missing or the command fails; the message says which
     */
    public synchronized String invoke(String operation, String... arguments) throws Exception {
        if (!connect()) {
            throw new IllegalStateException(unavailable);
        }
        if (!operations.contains(operation)) {
            throw new UnsupportedOperationException("this JVM has no diagnostic command '" + operation + "'");
        }
        Object result = server.invoke(name, operation, new Object[] {arguments}, new String[] {String[].class.getName()});
        return result == null ? "" : result.toString();
    }

    private boolean connect() {
        if (operations != null) {
            return true;
        }
        if (unavailable != null) {
            return false;
        }
        try {
            server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(MBEAN);
            Set<String> names = new HashSet<>();
            for (MBeanOperationInfo op : server.getMBeanInfo(name).getOperations()) {
                names.add(op.getName());
            }
            operations = names;
            return true;
        } catch (Throwable t) {
            unavailable = "the JVM's DiagnosticCommand MBean is not available (" + t + ")";
            return false;
        }
    }
}
