package dev.memdebug.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.weavetarget.Targets;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class TypeHierarchyTest {

    private static final String SHAPE = "dev/memdebug/weavetarget/Targets$Shape";
    private static final String SQUARE = "dev/memdebug/weavetarget/Targets$Square";
    private final ClassLoader loader = TypeHierarchyTest.class.getClassLoader();

    @Test
    void anInterfaceIsFoundTwoLevelsUpFromClassFiles() {
        TypeHierarchy h = new TypeHierarchy(false);
        // A class extending Square (as if being defined now): Square -> Base -> Shape, read as class files.
        assertTrue(h.isSubtype("x/Sub", SQUARE, new String[0], loader, SHAPE));
        assertTrue(h.isSubtype(SHAPE, "java/lang/Object", new String[0], loader, SHAPE), "the type itself");
        assertFalse(h.isSubtype("x/Other", "java/lang/Object", new String[] {"java/lang/Runnable"}, loader, SHAPE));
        assertFalse(h.isSubtype("dev/memdebug/weavetarget/Targets$Field", "java/lang/Object", new String[0], loader, SHAPE));
    }

    @Test
    void aSuperTypeWhoseClassFileCannotBeFoundMatchesNothing() {
        TypeHierarchy h = new TypeHierarchy(false);
        assertFalse(h.isSubtype("x/Sub", "x/Generated$$Proxy", new String[0], loader, SHAPE));
        // The child sees no class files at all: Square cannot be read through it.
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        assertFalse(h.isSubtype("x/Sub", SQUARE, new String[0], empty, SHAPE));
    }

    @Test
    void jdkSuperTypesAreWalkedOnlyForJdkTargets() {
        String[] none = new String[0];
        assertTrue(new TypeHierarchy(true).isSubtype("x/MyList", "java/util/ArrayList", none, loader, "java/util/Collection"));
        assertFalse(new TypeHierarchy(false).isSubtype("x/MyList", "java/util/ArrayList", none, loader, "java/util/Collection"));
        assertTrue(new TypeHierarchy(true).isSubtype("x/MyList", "java/util/ArrayList", none, null, "java/lang/Iterable"), "boot loader");
    }

    @Test
    void loadedClassesAreWalkedThroughTheirClassObjects() {
        assertTrue(TypeHierarchy.isSubtype(Targets.Square.class, "dev.memdebug.weavetarget.Targets$Shape"));
        assertTrue(TypeHierarchy.isSubtype(ArrayList.class, "java.lang.Iterable"));
        assertFalse(TypeHierarchy.isSubtype(Targets.Field.class, "dev.memdebug.weavetarget.Targets$Shape"));
    }
}
