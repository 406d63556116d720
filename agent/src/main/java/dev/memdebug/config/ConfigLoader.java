package dev.memdebug.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link AgentConfig} from its sources, later winning: built-in defaults &lt;
 * {@code agent.properties} (from the agent argument {@code config=PATH}, else {@code ./agent.properties}
 * if present) &lt; agent arguments ({@code -javaagent:memdebug-agent.jar=k=v,k=v}) &lt; environment
 * variables {@code MEMDEBUG_<KEY>}.
 *
 * <p>Never throws: each invalid value, unknown key or unreadable file becomes one {@link ConfigProblem}
 * naming the source and key, and the default stays in effect for that key. Stateless.
 */
public final class ConfigLoader {

    /** Prefixes of the open-ended keys that describe hooks; {@code dev.memdebug.instrument} validates them. */
    public static final List<String> HOOK_PREFIXES = List.of("hook.", "gauge.", "counter.", "limit.", "snapshot.");

    /** Environment variables with the prefix that belong to memdebug's own tooling, not to the agent. */
    private static final Set<String> TOOLING_VARIABLES = Set.of("MEMDEBUG_REQUIRE_DOCKER", "MEMDEBUG_REQUIRE_CGROUP", "MEMDEBUG_BASE_IMAGE");

    /** The outcome: the configuration in effect, what was wrong, and which sources were read. */
    public record Result(AgentConfig config, List<ConfigProblem> problems, List<String> sources) {
    }

    private ConfigLoader() {
    }

    public static Result load(String agentArguments, Map<String, String> environment, Path workingDir) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<ConfigEntry> arguments = parseArguments(agentArguments, problems);

        String configPath = null;
        List<ConfigEntry> argumentSettings = new ArrayList<>();
        for (ConfigEntry e : arguments) {
            if (e.key().equals("config")) {
                configPath = e.value();
            } else {
                argumentSettings.add(e);
            }
        }

        List<ConfigEntry> ordered = new ArrayList<>();
        Path file;
        try {
            file = configPath != null ? workingDir.resolve(configPath) : workingDir.resolve("agent.properties");
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(new ConfigProblem("agent argument", "config", "is not a usable path: '" + configPath + "' ("
                    + e.getReason() + "); running on defaults, agent arguments and environment"));
            file = null;
            configPath = null;
        }
        if (file != null && (configPath != null || Files.isRegularFile(file))) {
            try {
                PropertiesFile.Content content = PropertiesFile.read(file);
                ordered.addAll(content.entries());
                problems.addAll(content.problems());
                sources.add(file.toAbsolutePath().normalize().toString());
            } catch (NoSuchFileException e) {
                problems.add(new ConfigProblem("agent argument", "config", "names " + file.toAbsolutePath().normalize()
                        + ", which does not exist; running on defaults, agent arguments and environment"));
            } catch (IOException | RuntimeException e) {
                problems.add(new ConfigProblem(file.toAbsolutePath().normalize().toString(), null,
                        "cannot be read (" + e + "); running on defaults, agent arguments and environment"));
            }
        }
        if (!argumentSettings.isEmpty()) {
            sources.add("agent arguments");
        }
        ordered.addAll(argumentSettings);
        List<ConfigEntry> environmentEntries = fromEnvironment(environment, problems);
        if (!environmentEntries.isEmpty()) {
            sources.add("environment");
        }
        ordered.addAll(environmentEntries);

        Values values = Values.defaults();
        Map<String, ConfigEntry> hookEntries = new LinkedHashMap<>();
        boolean logPathExplicit = false;
        for (ConfigEntry e : ordered) {
            ConfigKey key = ConfigKey.byKey(e.key());
            if (key != null) {
                try {
                    values.set(key, e.value());
                    logPathExplicit |= key == ConfigKey.LOG_PATH;
                } catch (IllegalArgumentException ex) {
                    problems.add(new ConfigProblem(e.source(), e.key(), ex.getMessage() + "; using "
                            + describeCurrent(key, values)));
                }
            } else if (isHookKey(e.key())) {
                hookEntries.remove(e.key());
                hookEntries.put(e.key(), e);
            } else if (e.key().equals("config")) {
                problems.add(new ConfigProblem(e.source(), e.key(), "can only be given as an agent argument (-javaagent:memdebug-agent.jar=config=PATH)"));
            } else {
                problems.add(unknownKey(e));
            }
        }
        checkThresholdOrder(values, problems);
        AgentConfig config = new AgentConfig(values, workingDir, logPathExplicit, new ArrayList<>(hookEntries.values()));
        return new Result(config, problems, sources);
    }

    /**
     * Splits agent arguments at the commas that start a new {@code key=} (a comma followed by
     * {@code \\s*[A-Za-z][A-Za-z0-9._-]*\\s*=}), so values may contain commas. A loop, not a regular
     * expression: this runs in premain, before the app's main.
     */
    static List<String> splitArguments(String arguments) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < arguments.length(); i++) {
            if (arguments.charAt(i) == ',' && startsKey(arguments, i + 1)) {
                parts.add(arguments.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(arguments.substring(from));
        return parts;
    }

    private static boolean startsKey(String s, int i) {
        while (i < s.length() && Names.asciiSpace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || !Names.asciiLetter(s.charAt(i))) {
            return false;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(Names.asciiLetter(c) || Names.asciiDigit(c) || c == '.' || c == '_' || c == '-')) {
                break;
            }
            i++;
        }
        while (i < s.length() && Names.asciiSpace(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '=';
    }

    static List<ConfigEntry> parseArguments(String arguments, List<ConfigProblem> problems) {
        List<ConfigEntry> entries = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return entries;
        }
        for (String part : splitArguments(arguments.strip())) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                problems.add(new ConfigProblem("agent argument", null, "'" + p + "' is not key=value (expected e.g. -javaagent:memdebug-agent.jar=config=agent.properties,log.path=/var/data/memory_debug.log)"));
                continue;
            }
            entries.add(new ConfigEntry(p.substring(0, eq).strip(), p.substring(eq + 1).strip(), "agent argument"));
        }
        return entries;
    }

    private static List<ConfigEntry> fromEnvironment(Map<String, String> environment, List<ConfigProblem> problems) {
        Map<String, ConfigKey> byVariable = new TreeMap<>();
        for (ConfigKey k : ConfigKey.values()) {
            byVariable.put(k.environmentName(), k);
        }
        List<ConfigEntry> entries = new ArrayList<>();
        for (Map.Entry<String, String> v : new TreeMap<>(environment).entrySet()) {
            String name = v.getKey();
            if (!name.startsWith("MEMDEBUG_") || TOOLING_VARIABLES.contains(name)) {
                continue;
            }
            ConfigKey key = byVariable.get(name);
            String source = "environment " + name;
            if (key == null) {
                String suggestion = Suggestions.closest(name, byVariable.keySet());
                problems.add(new ConfigProblem(source, null, "is not a memdebug setting"
                        + (suggestion != null ? " - did you mean " + suggestion + "?" : "")
                        + " (hooks can only be set in agent.properties)"));
                continue;
            }
            entries.add(new ConfigEntry(key.key(), v.getValue(), source));
        }
        return entries;
    }

    private static boolean isHookKey(String key) {
        for (String prefix : HOOK_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static ConfigProblem unknownKey(ConfigEntry e) {
        List<String> known = new ArrayList<>(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList());
        known.add("config");
        String suggestion = Suggestions.closest(e.key(), known);
        return new ConfigProblem(e.source(), e.key(), "is not a known key"
                + (suggestion != null ? " - did you mean '" + suggestion + "'?" : " (see java -jar memdebug-agent.jar --help)"));
    }

    private static String describeCurrent(ConfigKey key, Values values) {
        return "the " + (values.isDefault(key) ? "default " : "earlier value ") + "'" + values.display(key) + "'";
    }

    private static void checkThresholdOrder(Values values, List<ConfigProblem> problems) {
        Threshold high = values.threshold(ConfigKey.HIGH_THRESHOLD);
        Threshold critical = values.threshold(ConfigKey.CRITICAL_THRESHOLD);
        boolean comparable = high.isPercent() == critical.isPercent();
        double h = high.isPercent() ? high.percent() : high.bytes();
        double c = critical.isPercent() ? critical.percent() : critical.bytes();
        if (comparable && h >= c) {
            problems.add(new ConfigProblem("configuration", ConfigKey.HIGH_THRESHOLD.key(), "(" + high
                    + ") must be below critical.threshold (" + critical + "); using the defaults "
                    + ConfigKey.HIGH_THRESHOLD.defaultValue() + " and " + ConfigKey.CRITICAL_THRESHOLD.defaultValue()));
            values.set(ConfigKey.HIGH_THRESHOLD, ConfigKey.HIGH_THRESHOLD.defaultValue());
            values.set(ConfigKey.CRITICAL_THRESHOLD, ConfigKey.CRITICAL_THRESHOLD.defaultValue());
        }
    }
}
