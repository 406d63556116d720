package dev.memdebug.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test app that does nothing for {@code SLEEP_MS}, then prints two figures: milliseconds from the
 * process start to {@code main}, and its RSS in KB. With {@code connect} it first starts the platform MBean
 * server, as the agent does at HIGH for the DiagnosticCommand MBean, to show what that costs.
 */
public final class Idle {

    public static void main(String[] args) throws Exception {
        long toMain = System.currentTimeMillis() - ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        if (args.length > 1 && args[1].equals("connect")) {
            java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .getMBeanInfo(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"));
        }
        Thread.sleep(Long.parseLong(args[0]));
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .findFirst().orElse("VmRSS: -1 kB").replaceAll("\\D+", "");
        System.out.println(toMain + " " + rss);
    }
}
