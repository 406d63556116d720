package dev.memdebug.instrument;

import dev.memdebug.config.ConfigEntry;
import dev.memdebug.config.ConfigProblem;
import dev.memdebug.config.Names;
import dev.memdebug.config.Suggestions;
import dev.memdebug.config.ValueParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code hook.*}, {@code counter.*}, {@code gauge.*}, {@code limit.*} and {@code snapshot.*}
 * entries into a {@link HookPlan}. Every mistake becomes a {@link ConfigProblem} naming the source line
 * and key; a hook with a broken part keeps what is valid (a bad template loses only its context, a bad
 * counter expression only its counters) and a hook without a valid method is dropped. Stateless.
 *
 * <p>The syntax:
 * <pre>
 * hook.session-created.method  = com.example.bot.SessionManager#createSession
 * hook.session-created.label   = Session Created
 * hook.session-created.context = User {arg0} - Total sessions: {count:sessions}
 * hook.session-created.counter = sessions +1
 * hook.download.log            = both      # "Download Started", then "Download Completed" or "Download Failed"
 * counter.sessions.label       = Sessions
 * gauge.cache                  = com.example.bot.ResultCache#size
 * gauge.cache.unit             = items
 * limit.sessions               = 3
 * snapshot.metrics             = sessions, queue, active-downloads, cache
 * </pre>
 */
public final class HookConfigParser {

    static final int DEFAULT_VALUE_MAX = 64;
    static final int DEFAULT_CONTEXT_MAX = 160;
    private static final List<String> HOOK_ATTRIBUTES = List.of("method", "label", "label.enter", "label.return",
            "label.fail", "log", "context", "context.max-length", "redact", "counter");
    private static final List<String> METRIC_ATTRIBUTES = List.of("label", "unit");

    private HookConfigParser() {
    }

    /** Parses with context values masked unless a hook says {@code redact = false}. */
    public static HookPlan parse(List<ConfigEntry> entries) {
        return parse(entries, true);
    }

    /**
     * Parses the entries; {@code redactByDefault} ({@code context.redact}) decides whether context values
     * are masked by {@link Redactor} in hooks without their own {@code hook.NAME.redact}.
     */
    public static HookPlan parse(List<ConfigEntry> entries, boolean redactByDefault) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Map<String, ConfigEntry>> hooks = new LinkedHashMap<>();
        Map<String, Map<String, ConfigEntry>> counterAttrs = new LinkedHashMap<>();
        Map<String, Map<String, ConfigEntry>> gauges = new LinkedHashMap<>();
        Map<String, ConfigEntry> limits = new LinkedHashMap<>();
        ConfigEntry order = null;
        List<String> appearance = new ArrayList<>();

        for (ConfigEntry e : entries) {
            String key = e.key();
            if (key.startsWith("hook.")) {
                String[] nameAndAttr = split(key.substring(5));
                if (nameAndAttr == null || !validName(nameAndAttr[0])) {
                    problems.add(new ConfigProblem(e.source(), key, "is not hook.NAME.ATTRIBUTE (NAME of letters, digits, '-', '_'; ATTRIBUTE one of " + HOOK_ATTRIBUTES + ")"));
                } else if (!HOOK_ATTRIBUTES.contains(nameAndAttr[1])) {
                    problems.add(unknownAttribute(e, nameAndAttr[1], HOOK_ATTRIBUTES));
                } else {
                    attributes(hooks, nameAndAttr[0]).put(nameAndAttr[1], e);
                }
            } else if (key.startsWith("counter.")) {
                String[] nameAndAttr = split(key.substring(8));
                if (nameAndAttr == null || !validName(nameAndAttr[0])) {
                    problems.add(new ConfigProblem(e.source(), key, "is not counter.NAME.label or counter.NAME.unit"));
                } else if (!METRIC_ATTRIBUTES.contains(nameAndAttr[1])) {
                    problems.add(unknownAttribute(e, nameAndAttr[1], METRIC_ATTRIBUTES));
                } else {
                    attributes(counterAttrs, nameAndAttr[0]).put(nameAndAttr[1], e);
                    addOnce(appearance, nameAndAttr[0]);
                }
            } else if (key.startsWith("gauge.")) {
                String rest = key.substring(6);
                String[] nameAndAttr = split(rest);
                String name = nameAndAttr == null ? rest : nameAndAttr[0];
                String attr = nameAndAttr == null ? "" : nameAndAttr[1];
                if (!validName(name)) {
                    problems.add(new ConfigProblem(e.source(), key, "is not gauge.NAME, gauge.NAME.label or gauge.NAME.unit"));
                } else if (!attr.isEmpty() && !METRIC_ATTRIBUTES.contains(attr)) {
                    problems.add(unknownAttribute(e, attr, METRIC_ATTRIBUTES));
                } else {
                    attributes(gauges, name).put(attr, e);
                    addOnce(appearance, name);
                }
            } else if (key.startsWith("limit.")) {
                String name = key.substring(6);
                if (!validName(name)) {
                    problems.add(new ConfigProblem(e.source(), key, "is not limit.NAME, where NAME is a counter or gauge"));
                } else {
                    limits.put(name, e);
                }
            } else if (key.equals("snapshot.metrics")) {
                order = e;
            } else {
                problems.add(new ConfigProblem(e.source(), key, "is not a known key"
                        + suggestion(key, List.of("snapshot.metrics"))));
            }
        }

        List<String> counters = new ArrayList<>();
        Map<String, List<CounterChange>> changesByHook = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, ConfigEntry>> hook : hooks.entrySet()) {
            ConfigEntry counter = hook.getValue().get("counter");
            if (counter == null) {
                continue;
            }
            try {
                List<CounterChange> changes = CounterChange.parse(counter.value());
                changesByHook.put(hook.getKey(), changes);
                for (CounterChange c : changes) {
                    addOnce(counters, c.counter());
                    addOnce(appearance, c.counter());
                }
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(counter.source(), counter.key(), ex.getMessage() + "; this hook changes no counter"));
            }
        }
        for (String name : counterAttrs.keySet()) {
            if (!counters.contains(name)) {
                ConfigEntry e = counterAttrs.get(name).values().iterator().next();
                problems.add(new ConfigProblem(e.source(), e.key(), "describes counter '" + name + "', which no hook changes"
                        + suggestion(name, counters)));
            }
        }
        Set<String> counterNames = new LinkedHashSet<>(counters);

        List<HookSpec> specs = new ArrayList<>();
        for (Map.Entry<String, Map<String, ConfigEntry>> hook : hooks.entrySet()) {
            HookSpec spec = hook(specs.size(), hook.getKey(), hook.getValue(), changesByHook.getOrDefault(hook.getKey(), List.of()),
                    counters, counterNames, redactByDefault, problems);
            if (spec != null) {
                specs.add(spec);
            }
        }

        List<GaugeSpec> gaugeSpecs = new ArrayList<>();
        Map<String, GaugeSpec> gaugeByName = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, ConfigEntry>> g : gauges.entrySet()) {
            ConfigEntry source = g.getValue().get("");
            if (source == null) {
                ConfigEntry any = g.getValue().values().iterator().next();
                problems.add(new ConfigProblem(any.source(), any.key(), "describes gauge '" + g.getKey()
                        + "', which has no 'gauge." + g.getKey() + " = Class#member' line"));
                continue;
            }
            if (counterNames.contains(g.getKey())) {
                problems.add(new ConfigProblem(source.source(), source.key(), "has the name of a counter; give the gauge another name"));
                continue;
            }
            try {
                GaugeSpec spec = gauge(gaugeSpecs.size(), g.getKey(), source);
                gaugeSpecs.add(spec);
                gaugeByName.put(g.getKey(), spec);
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(source.source(), source.key(), ex.getMessage()));
            }
        }

        Map<String, Long> limitValues = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigEntry> l : limits.entrySet()) {
            String name = l.getKey();
            ConfigEntry e = l.getValue();
            if (!counterNames.contains(name) && !gaugeByName.containsKey(name)) {
                List<String> known = new ArrayList<>(counters);
                known.addAll(gaugeByName.keySet());
                problems.add(new ConfigProblem(e.source(), e.key(), "limits '" + name + "', which is neither a counter nor a gauge"
                        + suggestion(name, known)));
                continue;
            }
            try {
                limitValues.put(name, (long) ValueParser.parseInt(e.value(), 0, Integer.MAX_VALUE));
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(e.source(), e.key(), ex.getMessage() + "; no limit is checked for '" + name + "'"));
            }
        }

        List<String> shown = new ArrayList<>();
        if (order != null) {
            List<String> known = new ArrayList<>(counters);
            known.addAll(gaugeByName.keySet());
            for (String raw : order.value().split(",")) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!known.contains(name)) {
                    problems.add(new ConfigProblem(order.source(), order.key(), "names '" + name + "', which is neither a counter nor a gauge"
                            + suggestion(name, known)));
                } else {
                    addOnce(shown, name);
                }
            }
            for (String name : known) {
                if (!shown.contains(name)) {
                    shown.add(name);
                }
            }
        } else {
            for (String name : appearance) {
                if (counterNames.contains(name) || gaugeByName.containsKey(name)) {
                    addOnce(shown, name);
                }
            }
        }
        List<MetricSpec> metrics = new ArrayList<>();
        for (String name : shown) {
            boolean isGauge = gaugeByName.containsKey(name);
            Map<String, ConfigEntry> attrs = isGauge ? gauges.get(name) : counterAttrs.getOrDefault(name, Map.of());
            String label = attrs.containsKey("label") ? attrs.get("label").value() : defaultLabel(name);
            String unit = attrs.containsKey("unit") ? attrs.get("unit").value() : "";
            metrics.add(new MetricSpec(name, isGauge, isGauge ? gaugeByName.get(name).id() : counters.indexOf(name),
                    label, unit, limitValues.getOrDefault(name, -1L)));
        }
        return new HookPlan(List.copyOf(specs), List.copyOf(counters), List.copyOf(gaugeSpecs), List.copyOf(metrics), problems);
    }

    private static HookSpec hook(int id, String name, Map<String, ConfigEntry> attrs, List<CounterChange> changes,
                                 List<String> counters, Set<String> counterNames, boolean redactByDefault,
                                 List<ConfigProblem> problems) {
        ConfigEntry method = attrs.get("method");
        if (method == null) {
            ConfigEntry any = attrs.values().iterator().next();
            problems.add(new ConfigProblem(any.source(), "hook." + name + ".method", "is missing, so hook '" + name
                    + "' watches nothing (expected e.g. hook." + name + ".method = com.example.Service#method)"));
            return null;
        }
        MethodTarget target;
        try {
            target = MethodTarget.parse(method.value());
        } catch (IllegalArgumentException ex) {
            problems.add(new ConfigProblem(method.source(), method.key(), ex.getMessage() + "; hook '" + name + "' is off"));
            return null;
        }
        String base = attrs.containsKey("label") ? attrs.get("label").value() : defaultLabel(target);
        String mode = attrs.containsKey("log") ? attrs.get("log").value().strip().toLowerCase(java.util.Locale.ROOT) : "exit";
        String enter = null;
        String ret = null;
        String fail = null;
        switch (mode) {
            case "exit" -> {
                ret = base;
                fail = base + " Failed";
            }
            case "both" -> {
                enter = base + " Started";
                ret = base + " Completed";
                fail = base + " Failed";
            }
            case "enter" -> enter = base;
            case "none" -> {
            }
            default -> {
                ConfigEntry e = attrs.get("log");
                problems.add(new ConfigProblem(e.source(), e.key(), "expects exit, both, enter or none, not '" + e.value() + "'; using exit"));
                ret = base;
                fail = base + " Failed";
            }
        }
        if (attrs.containsKey("label.enter")) {
            enter = attrs.get("label.enter").value();
        }
        if (attrs.containsKey("label.return")) {
            ret = attrs.get("label.return").value();
        }
        if (attrs.containsKey("label.fail")) {
            fail = attrs.get("label.fail").value();
        }
        int totalMax = DEFAULT_CONTEXT_MAX;
        ConfigEntry max = attrs.get("context.max-length");
        if (max != null) {
            try {
                totalMax = ValueParser.parseInt(max.value(), 8, 2000);
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(max.source(), max.key(), ex.getMessage() + "; using " + DEFAULT_CONTEXT_MAX));
            }
        }
        boolean redact = redactByDefault;
        ConfigEntry redactEntry = attrs.get("redact");
        if (redactEntry != null) {
            try {
                redact = ValueParser.parseBoolean(redactEntry.value());
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(redactEntry.source(), redactEntry.key(), ex.getMessage() + "; values are masked"));
                redact = true;
            }
        }
        ContextTemplate context = null;
        ConfigEntry template = attrs.get("context");
        if (template != null && !template.value().isBlank()) {
            try {
                context = ContextTemplate.parse(template.value(), counters, counterNames,
                        Math.min(DEFAULT_VALUE_MAX, totalMax), totalMax, redact ? Redactor.DEFAULT : Redactor.NONE);
                if (context.usesReturn() && ret == null) {
                    problems.add(new ConfigProblem(template.source(), template.key(), "uses {return}, but this hook logs no exit (log = " + mode + ")"));
                }
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(template.source(), template.key(), ex.getMessage() + "; the hook is logged without context"));
            }
        }
        int[] counterIds = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            counterIds[i] = counters.indexOf(changes.get(i).counter());
        }
        return new HookSpec(id, name, target, enter, ret, fail, context, List.copyOf(changes), counterIds, method.source());
    }

    private static GaugeSpec gauge(int id, String name, ConfigEntry e) {
        String value = e.value().strip();
        int hash = value.indexOf('#');
        if (hash <= 0 || hash == value.length() - 1) {
            throw new IllegalArgumentException("expects Class#member, e.g. com.example.bot.ResultCache#size (a no-argument method or a field, static or of the latest instance), not '" + value + "'");
        }
        String type = value.substring(0, hash);
        String member = value.substring(hash + 1);
        if (member.endsWith("()")) {
            member = member.substring(0, member.length() - 2);
        }
        String[] path = member.replace("()", "").split("\\.");
        for (String step : path) {
            if (!Names.javaIdentifier(step)) {
                throw new IllegalArgumentException("has '" + step + "', which is not a field or method name, in '" + value + "'");
            }
        }
        MethodTarget.parse(type + "#" + path[0]);
        return new GaugeSpec(id, name, type, path, e.source());
    }

    /** {@code byName}'s map for {@code name}, added if new (computeIfAbsent without a lambda: this runs in premain). */
    private static <V> Map<String, V> attributes(Map<String, Map<String, V>> byName, String name) {
        Map<String, V> attributes = byName.get(name);
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
            byName.put(name, attributes);
        }
        return attributes;
    }

    private static String[] split(String nameAndAttribute) {
        int dot = nameAndAttribute.indexOf('.');
        if (dot <= 0 || dot == nameAndAttribute.length() - 1) {
            return null;
        }
        return new String[] {nameAndAttribute.substring(0, dot), nameAndAttribute.substring(dot + 1)};
    }

    private static boolean validName(String name) {
        return Names.configName(name, true);
    }

    private static ConfigProblem unknownAttribute(ConfigEntry e, String attribute, List<String> allowed) {
        String s = Suggestions.closest(attribute, allowed);
        return new ConfigProblem(e.source(), e.key(), "has the unknown attribute '" + attribute + "'"
                + (s != null ? " - did you mean '" + s + "'?" : " (allowed: " + String.join(", ", allowed) + ")"));
    }

    private static String suggestion(String typed, List<String> known) {
        String s = Suggestions.closest(typed, known);
        return s != null ? " - did you mean '" + s + "'?" : "";
    }

    private static void addOnce(List<String> list, String name) {
        if (!list.contains(name)) {
            list.add(name);
        }
    }

    /** {@code active-downloads} becomes {@code Active downloads}. */
    static String defaultLabel(String name) {
        String spaced = name.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String defaultLabel(MethodTarget target) {
        String type = target.typeName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + target.methodName();
    }
}
