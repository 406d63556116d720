package dev.memdebug.instrument;

import java.nio.charset.StandardCharsets;

/**
 * The head of a class file, read straight from its bytes without ASM: the constant pool, the access
 * flags, the class's own name, its super class and its interfaces (internal names, {@code a/b/C}).
 *
 * <p>{@link #mentionsAny} answers the transformer's first question for every class the JVM loads,
 * "could a hook apply here at all?", by walking the constant pool once and allocating nothing: a class
 * that declares (or calls) a method has the method's name as a {@code CONSTANT_Utf8} entry. Only a class
 * that passes is {@linkplain #read read} into an instance. Instances are immutable; the static methods
 * are safe on any thread.
 *
 * <p>Malformed input throws {@link IllegalArgumentException} (or an index exception); the JVM rejects
 * such a class itself, so the caller only has to leave it unchanged.
 */
final class ClassFileHeader {

    private static final int MAGIC = 0xCAFEBABE;

    private final byte[] bytes;
    /** Offset of each Utf8 entry's length field, by constant pool index; 0 for other entries. */
    private final int[] utf8;
    private final int access;
    private final String name;
    private final String superName;
    private final String[] interfaces;

    private ClassFileHeader(byte[] bytes, int[] utf8, int access, String name, String superName, String[] interfaces) {
        this.bytes = bytes;
        this.utf8 = utf8;
        this.access = access;
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
    }

    /** The name as a constant pool Utf8 entry spells it (modified UTF-8), for {@link #mentionsAny}. */
    static byte[] utf8(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            plain &= s.charAt(i) >= 1 && s.charAt(i) < 0x80;
        }
        if (plain) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        return out.toByteArray();
    }

    /**
     * Whether the constant pool holds one of {@code names} (each as from {@link #utf8}) as a Utf8 entry.
     * One pass over the pool; allocates nothing.
     */
    static boolean mentionsAny(byte[] b, byte[][] names) {
        checkMagic(b);
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[p] & 0xFF;
            if (tag == 1) {
                int length = u2(b, p + 1);
                for (byte[] n : names) {
                    if (n.length == length && equalsAt(b, p + 3, n)) {
                        return true;
                    }
                }
                p += 3 + length;
            } else {
                p += 1 + fixedSize(tag);
                if (tag == 5 || tag == 6) {
                    i++;
                }
            }
        }
        return false;
    }

    /** Reads the header; keeps a reference to {@code b} (not copied) for {@link #mentions}. */
    static ClassFileHeader read(byte[] b) {
        checkMagic(b);
        int count = u2(b, 8);
        int[] utf8 = new int[count];
        int[] classNameIndex = new int[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[p] & 0xFF;
            if (tag == 1) {
                utf8[i] = p + 1;
                p += 3 + u2(b, p + 1);
            } else {
                if (tag == 7) {
                    classNameIndex[i] = u2(b, p + 1);
                }
                p += 1 + fixedSize(tag);
                if (tag == 5 || tag == 6) {
                    i++;
                }
            }
        }
        int access = u2(b, p);
        String name = className(b, utf8, classNameIndex, u2(b, p + 2));
        int superIndex = u2(b, p + 4);
        String superName = superIndex == 0 ? null : className(b, utf8, classNameIndex, superIndex);
        String[] interfaces = new String[u2(b, p + 6)];
        for (int i = 0; i < interfaces.length; i++) {
            interfaces[i] = className(b, utf8, classNameIndex, u2(b, p + 8 + 2 * i));
        }
        return new ClassFileHeader(b, utf8, access, name, superName, interfaces);
    }

    /** Whether the constant pool holds {@code name} (as from {@link #utf8}) as a Utf8 entry. */
    boolean mentions(byte[] name) {
        for (int offset : utf8) {
            if (offset != 0 && u2(bytes, offset) == name.length && equalsAt(bytes, offset + 2, name)) {
                return true;
            }
        }
        return false;
    }

    int access() {
        return access;
    }

    String name() {
        return name;
    }

    /** The super class's internal name; {@code null} only for {@code java/lang/Object} (and module-info). */
    String superName() {
        return superName;
    }

    String[] interfaces() {
        return interfaces.clone();
    }

    private static String className(byte[] b, int[] utf8, int[] classNameIndex, int classIndex) {
        int nameIndex = classNameIndex[classIndex];
        if (nameIndex == 0 || utf8[nameIndex] == 0) {
            throw new IllegalArgumentException("constant " + classIndex + " is not a class");
        }
        int offset = utf8[nameIndex];
        // Class names are ASCII in practice; modified UTF-8 differs from UTF-8 only for NUL and surrogates.
        return new String(b, offset + 2, u2(b, offset), StandardCharsets.UTF_8);
    }

    /** Size after the tag byte of every constant pool entry but Utf8. */
    private static int fixedSize(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 2;
            case 15 -> 3;
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 4;
            case 5, 6 -> 8;
            default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
        };
    }

    private static void checkMagic(byte[] b) {
        if (b.length < 10 || ((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF)) != MAGIC) {
            throw new IllegalArgumentException("not a class file");
        }
    }

    private static boolean equalsAt(byte[] b, int offset, byte[] n) {
        for (int k = 0; k < n.length; k++) {
            if (b[offset + k] != n[k]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
    }
}
