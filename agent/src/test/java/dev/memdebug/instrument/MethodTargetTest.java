package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodTargetTest {

    @Test
    void parsesWithAndWithoutParameters() {
        MethodTarget all = MethodTarget.parse("com.example.bot.SessionManager#createSession");
        assertEquals("com.example.bot.SessionManager", all.typeName());
        assertNull(all.parameterTypes());
        MethodTarget typed = MethodTarget.parse("a.B#m(long, String, int[], a.C)");
        assertEquals(List.of("long", "java.lang.String", "int[]", "a.C"), typed.parameterTypes());
        assertEquals(List.of(), MethodTarget.parse("a.B#m()").parameterTypes());
        assertTrue(MethodTarget.parse("java.util.zip.Deflater#deflate").isJdkType());
    }

    @Test
    void refusesMalformedTargets() {
        assertThrows(IllegalArgumentException.class, () -> MethodTarget.parse("a.B"));
        assertThrows(IllegalArgumentException.class, () -> MethodTarget.parse("a.B#"));
        assertThrows(IllegalArgumentException.class, () -> MethodTarget.parse("a..B#m"));
        assertThrows(IllegalArgumentException.class, () -> MethodTarget.parse("a.B#m(long"));
        assertThrows(IllegalArgumentException.class, () -> MethodTarget.parse("a.B#1m"));
    }
}
