package dev.memdebug.log;

import java.util.List;

/**
 * What the header of a run says. Immutable.
 *
 * @param jvmFlags the flags that size the JVM's memory (max heap and how it was chosen, GC, direct, stacks)
 * @param notes extra lines (configuration problems, where the log lives, warnings about JVM sizing)
 */
public record HeaderInfo(
        String appName,
        String version,
        long startMillis,
        long pid,
        String host,
        String jvm,
        String jvmFlags,
        String platform,
        long limitBytes,
        String limitSource,
        String measured,
        String thresholds,
        String checks,
        String logDescription,
        String configSources,
        long oomKillsSoFar,
        List<String> notes) {
}
