package dev.memdebug.instrument;

import dev.memdebug.config.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Which methods a hook watches: {@code com.example.bot.SessionManager#createSession} (every overload),
 * or with parameter types {@code com.example.bot.SessionManager#createSession(long)}. The type may be a
 * class, an abstract class or an interface; methods of its subtypes that implement or override the
 * named method match too. Immutable.
 *
 * @param typeName       the fully qualified type name ({@code $} for nested types)
 * @param methodName     the method name
 * @param parameterTypes the parameter types' names, or {@code null} for all overloads; {@code java.lang}
 *                       types may be given by simple name ({@code String})
 */
public record MethodTarget(String typeName, String methodName, List<String> parameterTypes) {

    /** Parses {@code Type#method} or {@code Type#method(T1, T2)}; throws with what was expected. */
    public static MethodTarget parse(String text) {
        String s = text.strip();
        int hash = s.indexOf('#');
        if (hash <= 0 || hash == s.length() - 1) {
            throw new IllegalArgumentException("expects Class#method, e.g. com.example.bot.SessionManager#createSession, not '" + text + "'");
        }
        String type = s.substring(0, hash).strip();
        String rest = s.substring(hash + 1).strip();
        List<String> params = null;
        int open = rest.indexOf('(');
        if (open >= 0) {
            if (!rest.endsWith(")")) {
                throw new IllegalArgumentException("has an unclosed parameter list in '" + text + "' (expected e.g. createSession(long))");
            }
            params = new ArrayList<>();
            String inside = rest.substring(open + 1, rest.length() - 1).strip();
            if (!inside.isEmpty()) {
                for (String p : inside.split(",")) {
                    String param = p.strip();
                    if (!isTypeName(param.replace("[]", ""))) {
                        throw new IllegalArgumentException("has '" + param + "' where a parameter type was expected in '" + text + "'");
                    }
                    params.add(qualify(param));
                }
            }
            rest = rest.substring(0, open).strip();
        }
        if (!isTypeName(type)) {
            throw new IllegalArgumentException("has '" + type + "', which is not a class name, in '" + text + "'");
        }
        if (!Names.javaIdentifier(rest)) {
            throw new IllegalArgumentException("has '" + rest + "', which is not a method name, in '" + text + "'");
        }
        return new MethodTarget(type, rest, params == null ? null : List.copyOf(params));
    }

    /** Whether the type is the JDK's (loaded by the boot or platform loader). */
    public boolean isJdkType() {
        return typeName.startsWith("java.") || typeName.startsWith("javax.") || typeName.startsWith("jdk.")
                || typeName.startsWith("sun.") || typeName.startsWith("com.sun.");
    }

    @Override
    public String toString() {
        return typeName + "#" + methodName + (parameterTypes == null ? "" : "(" + String.join(", ", parameterTypes) + ")");
    }

    private static boolean isTypeName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!Names.javaIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static String qualify(String type) {
        String base = type.replace("[]", "");
        String dims = type.substring(base.length());
        boolean primitive = switch (base) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
            default -> false;
        };
        if (primitive || base.contains(".")) {
            return type;
        }
        return "java.lang." + base + dims;
    }
}
