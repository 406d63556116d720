package dev.memdebug.instrument;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Follows a property path such as {@code userId} or {@code job.user.name} from an object: at each step a
 * no-argument method {@code name()}, {@code getName()} or {@code isName()}, else a field {@code name},
 * searched up the class hierarchy. The member found for a (class, name) pair is cached, so a path costs
 * reflection lookups once per class and a reflective call per step after that.
 *
 * <p>Thread-safety: thread-safe; called on app threads while rendering contexts and on the gauge
 * thread. Never throws: an unreadable step yields {@link #UNREADABLE}.
 */
final class ValuePath {

    /** What a step that cannot be read yields; rendered as {@code ?}. */
    static final Object UNREADABLE = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    private static final AccessibleObject MISSING = MissingMember.class.getDeclaredFields()[0];
    private static final ConcurrentMap<Class<?>, ConcurrentMap<String, AccessibleObject>> MEMBERS = new ConcurrentHashMap<>();

    private ValuePath() {
    }

    static Object follow(Object root, String[] path) {
        Object current = root;
        for (String step : path) {
            if (current == null || current == UNREADABLE) {
                return current;
            }
            current = step(current, step);
        }
        return current;
    }

    private static Object step(Object target, String name) {
        Class<?> type = target.getClass();
        AccessibleObject member = MEMBERS.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> find(type, n));
        try {
            if (member instanceof Method m) {
                return m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target);
            }
            if (member instanceof Field f && member != MISSING) {
                return f.get(Modifier.isStatic(f.getModifiers()) ? null : target);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return UNREADABLE;
        }
        return UNREADABLE;
    }

    /** The member a step names on {@code type}, made accessible, or {@link #MISSING}. */
    static AccessibleObject find(Class<?> type, String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + capital, "is" + capital}) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    Method m = c.getDeclaredMethod(candidate);
                    if (m.getReturnType() != void.class && trySetAccessible(m)) {
                        return m;
                    }
                } catch (NoSuchMethodException | SecurityException | LinkageError ignored) {
                    // Try the superclass, then the next spelling.
                }
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                if (trySetAccessible(f)) {
                    return f;
                }
            } catch (NoSuchFieldException | SecurityException | LinkageError ignored) {
                // Try the superclass.
            }
        }
        try {
            Method m = type.getMethod(name);
            if (m.getReturnType() != void.class) {
                return m;
            }
        } catch (NoSuchMethodException | SecurityException | LinkageError ignored) {
            // Nothing public either.
        }
        return MISSING;
    }

    private static boolean trySetAccessible(AccessibleObject member) {
        try {
            return member.trySetAccessible();
        } catch (SecurityException e) {
            return false;
        }
    }

    private static final class MissingMember {
        @SuppressWarnings("unused")
        private Object missing;
    }
}
