package dev.memdebug.cli;

import dev.memdebug.config.ConfigKey;

/**
 * Renders an {@code agent.properties} with every fixed key commented out at its default, from
 * {@link ConfigKey} itself, so the example can never drift from the code.
 */
final class ExampleConfig {

    private ExampleConfig() {
    }

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# memdebug agent.properties - every key, at its default.\n");
        b.append("# Each key can also be an agent argument (-javaagent:memdebug-agent.jar=key=value)\n");
        b.append("# or an environment variable (MEMDEBUG_LOG_PATH=...), which wins over this file.\n\n");
        for (ConfigKey key : ConfigKey.values()) {
            b.append("# ").append(key.description()).append(" (").append(key.environmentName()).append(")\n");
            b.append("#").append(key.key()).append(" = ").append(key.defaultValue()).append("\n\n");
        }
        return b.toString();
    }
}
