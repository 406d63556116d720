package dev.memdebug.cli;

import dev.memdebug.config.ConfigKey;

/**
 * Renders an {@code agent.properties} with every fixed key commented out at its default, from
 * {@link ConfigKey} itself, so the example can never drift from the code.
 */
final class ExampleConfig {

    /** The hook syntax, commented; parsed by {@code dev.memdebug.instrument.HookConfigParser}. */
    static final String HOOKS = String.join("\n",
            "# ---- Hooks: name the app's methods; the agent logs them as operations -------------------",
            "# hook.NAME.method  = com.example.Class#method            all overloads; or #method(long, String)",
            "#                                                         interfaces and abstract classes match their implementations",
            "# hook.NAME.label   = Session Created                     default: Class.method",
            "# hook.NAME.log     = exit                                exit (default): one line when the method ends,",
            "#                                                         \"<label> Failed\" when it throws; both: \"<label> Started\",",
            "#                                                         then \"<label> Completed\" or \"<label> Failed\"; enter; none",
            "# hook.NAME.label.enter / .label.return / .label.fail     override a single label",
            "# hook.NAME.context = User {arg0} - Total sessions: {count:sessions}",
            "#                     {arg0} {arg1.field.getter} {return} {return.field} {thrown} {count:COUNTER} {thread} {duration}",
            "# hook.NAME.context.max-length = 160                      values are cut to 64 characters, the line to this",
            "# hook.NAME.redact  = true                                mask tokens, passwords, e-mail addresses and phone numbers",
            "#                                                         in this hook's values (default: context.redact)",
            "# hook.NAME.counter = sessions +1                         on a normal return; or 'active +1 on enter, -1 on exit',",
            "#                                                         'errors +1 on fail'",
            "#",
            "# counter.NAME.label = Sessions                           how snapshots show a counter (default: from NAME)",
            "# counter.NAME.unit  = items",
            "# gauge.NAME         = com.example.Cache#size             read at each snapshot: a static field or no-argument method,",
            "#                                                         or one of the latest instance the app constructed;",
            "#                                                         then .steps: com.example.App#INSTANCE.queue.size",
            "# gauge.NAME.label   = Cache",
            "# gauge.NAME.unit    = items",
            "# limit.NAME         = 3                                  a counter or gauge above this is logged at once (LIMIT EXCEEDED)",
            "# snapshot.metrics   = sessions, queue, active-downloads, cache    the order in snapshots (default: as written)",
            "");

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
        b.append(HOOKS);
        return b.toString();
    }
}
