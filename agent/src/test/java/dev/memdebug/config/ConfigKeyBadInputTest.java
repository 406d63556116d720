package dev.memdebug.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixed key, from every source, given wrong types, out-of-range values, empty values and odd
 * encodings: each must give exactly one problem that names the key on one line, and leave the whole
 * configuration at its defaults. Table-driven over {@link ConfigKey#values()}, so a new key is covered
 * by the bad values of its kind the day it is added.
 */
class ConfigKeyBadInputTest {

    @TempDir
    Path dir;

    /** Bad for every kind but free text. */
    private static final List<String> ANY = List.of("", "   ", "\u0000", "\u200B", "\uFEFF1", "1\u00A0", "\u202E1", "ï»¿1", "\u001b[2J");

    private static List<String> badValues(ConfigKey key) {
        List<String> bad = new ArrayList<>();
        switch (key.kind()) {
            case BOOLEAN -> bad.addAll(List.of("maybe", "2", "truee", "t rue", "yes please", "-1", "ｔｒｕｅ"));
            case SIZE, SIZE_OR_AUTO -> bad.addAll(List.of("lots", "-5MB", "5XB", "1e400", "NaN", "Infinity", "0x10", "99999999999GB",
                    "5 M B", "１２MB", "12\u00A0MB", "1.2.3MB", "MB"));
            case DURATION -> bad.addAll(List.of("soon", "-1s", "5 fortnights", "1e400s", "99999999h", "NaN", "１s", "1.5.2s", "s"));
            case THRESHOLD -> bad.addAll(List.of("150%", "0%", "-5%", "%", "abc", "0MB", "80%%", "NaN%", "99999999999GB", "８０%"));
            case INT -> bad.addAll(List.of("1.5", "abc", "99999999999", "-1", "１", "0x10", "1e3", "+-1"));
            case TEXT -> bad.addAll(List.of("bad\nname", "\u001b[2J", "a\u0000b", "line\u2028break"));
        }
        if (key.kind() != ConfigKey.Kind.TEXT) {
            bad.addAll(ANY);
        }
        switch (key) {
            case MEMORY_LIMIT -> bad.addAll(List.of("automatic", "8MB", "0"));
            case LOG_PATH -> bad.addAll(List.of("", "   ", "dir/"));
            case LOG_MAX_SIZE -> bad.add("10KB");
            case LOG_KEEP -> bad.add("10");
            case LOG_STDERR_SNAPSHOTS -> bad.add("1000001");
            case CHECK_INTERVAL -> bad.addAll(List.of("5ms", "61s"));
            case CHECK_INTERVAL_HIGH -> bad.addAll(List.of("5ms", "2s"));
            case SPIKE_WINDOW -> bad.addAll(List.of("50ms", "2h"));
            case SPIKE_THRESHOLD -> bad.add("0");
            case OPERATIONS_SHOWN -> bad.addAll(List.of("0", "101"));
            case OPERATIONS_CAPACITY -> bad.addAll(List.of("63", "1048577"));
            default -> {
            }
        }
        return bad;
    }

    @TestFactory
    Stream<DynamicTest> everyKeyRefusesBadValuesByNameFromEverySourceAndKeepsTheDefaults() {
        Map<String, Object> defaults = observable(ConfigLoader.load(null, Map.of(), dir).config());
        List<DynamicTest> tests = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            for (String value : badValues(key)) {
                String shown = ConfigProblem.visible(value);
                tests.add(DynamicTest.dynamicTest(key.key() + " = '" + shown + "' from the environment", () ->
                        check(key, ConfigLoader.load(null, Map.of(key.environmentName(), value), dir), defaults)));
                if (!value.contains(",") && !value.contains("\n")) {
                    tests.add(DynamicTest.dynamicTest(key.key() + " = '" + shown + "' as an agent argument", () ->
                            check(key, ConfigLoader.load(key.key() + "=" + value, Map.of(), dir), defaults)));
                }
                if (!value.contains("\n") && !value.contains("\u2028") && !value.isBlank()) {
                    tests.add(DynamicTest.dynamicTest(key.key() + " = '" + shown + "' in agent.properties", () -> {
                        Path file = Files.writeString(dir.resolve("bad-" + key.key() + ".properties"),
                                "# odd values\n" + key.key() + " = " + value + "\n", StandardCharsets.UTF_8);
                        check(key, ConfigLoader.load("config=" + file, Map.of(), dir), defaults);
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static void check(ConfigKey key, ConfigLoader.Result result, Map<String, Object> defaults) {
        List<ConfigProblem> problems = result.problems();
        assertEquals(1, problems.size(), problems.toString());
        ConfigProblem p = problems.get(0);
        assertEquals(key.key(), p.key(), p.describe());
        String line = p.describe();
        assertTrue(line.contains("'" + key.key() + "' "), line);
        assertTrue(line.contains("; using "), "says what is used instead: " + line);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\uFEFF', "one plain line: " + line);
        }
        assertEquals(defaults, observable(result.config()), line);
    }

    /** Every setting {@link AgentConfig} exposes, by name. */
    private static Map<String, Object> observable(AgentConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : AgentConfig.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && !m.getName().equals("logPathExplicit")) {
                try {
                    values.put(m.getName(), String.valueOf(m.invoke(config)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }
}
