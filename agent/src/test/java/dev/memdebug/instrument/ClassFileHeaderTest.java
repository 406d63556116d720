package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.weavetarget.Targets;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassFileHeaderTest {

    private static byte[] jdk(String internalName) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void namesSuperAndInterfacesOfAJdkClass() throws Exception {
        ClassFileHeader h = ClassFileHeader.read(jdk("java/util/ArrayList"));
        assertEquals("java/util/ArrayList", h.name());
        assertEquals("java/util/AbstractList", h.superName());
        assertArrayEquals(new String[] {"java/util/List", "java/util/RandomAccess", "java/lang/Cloneable", "java/io/Serializable"}, h.interfaces());
        assertNull(ClassFileHeader.read(jdk("java/lang/Object")).superName());
    }

    @Test
    void longAndDoubleConstantsTakeTwoPoolSlots() throws Exception {
        // Targets$Calls holds a long and a double constant; a scan that miscounted them would lose its place.
        byte[] calls = WeavingSupport.bytesOf(Targets.Calls.class);
        ClassFileHeader h = ClassFileHeader.read(calls);
        assertEquals("dev/memdebug/weavetarget/Targets$Calls", h.name());
        assertEquals("java/lang/Object", h.superName());
        assertTrue(h.mentions(ClassFileHeader.utf8("classify")));
        assertTrue(ClassFileHeader.mentionsAny(calls, new byte[][] {ClassFileHeader.utf8("nope"), ClassFileHeader.utf8("loopFirst")}));
    }

    @Test
    void aNameNotInThePoolIsNotMentioned() throws Exception {
        byte[] shape = WeavingSupport.bytesOf(Targets.Shape.class);
        assertTrue(ClassFileHeader.mentionsAny(shape, new byte[][] {ClassFileHeader.utf8("area")}));
        assertFalse(ClassFileHeader.mentionsAny(shape, new byte[][] {ClassFileHeader.utf8("are"), ClassFileHeader.utf8("areas")}));
        assertFalse(ClassFileHeader.read(shape).mentions(ClassFileHeader.utf8("classify")));
    }

    @Test
    void nonAsciiNamesAreSpelledAsTheClassFileDoes() {
        assertArrayEquals(new byte[] {'a', (byte) 0xC3, (byte) 0xA9}, ClassFileHeader.utf8("aé"));
        assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0x80}, ClassFileHeader.utf8("\0"));
    }

    @Test
    void notAClassFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassFileHeader.mentionsAny(new byte[] {1, 2, 3}, new byte[0][]));
        assertThrows(RuntimeException.class, () -> ClassFileHeader.read(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 99}));
    }
}
