package dev.memdebug.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves the hooks that apply to one class (its type already matched) into the concrete methods they
 * name, and gauges into its constructors, with ASM alone. Two passes over the class file: the first
 * picks the methods and reads each one's {@code max_locals} (the woven code's locals go above it), the
 * second copies the class, with the picked methods woven and every other method copied as raw bytes.
 *
 * <p>A method matches a hook when its name is the hook's, it is neither abstract nor native nor a
 * constructor or initialiser, and, if the hook gives parameter types, they are the method's (by
 * source name: {@code long}, {@code byte[]}, {@code java.lang.String}, {@code a.B$C}). Bridge methods
 * count, as they did with Byte Buddy's matchers.
 *
 * <p>Stateless; any thread. Throws on a class ASM cannot read or write (the transformer reports it).
 */
final class ClassWeaver {

    /** A method a hook was woven into, as {@code HookInstaller.report} names it. */
    record Woven(int hookId, String method) {
    }

    /** The result: the new class file, and the methods woven (for the report). */
    record Result(byte[] bytes, List<Woven> woven) {
    }

    private ClassWeaver() {
    }

    /**
     * Weaves {@code hooks} and the gauges {@code gaugeIds} (those naming this class) into the class;
     * returns {@code null} when no method matched and there is no gauge, so the class is left as it is.
     */
    static Result weave(byte[] classFile, List<HookSpec> hooks, int[] gaugeIds) {
        ClassReader reader = new ClassReader(classFile);
        Map<String, Integer> maxLocals = new HashMap<>();
        List<Woven> woven = new ArrayList<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            private String owner;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                owner = name;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                boolean any = false;
                for (HookSpec hook : hooks) {
                    if (matches(hook.target(), access, name, descriptor)) {
                        woven.add(new Woven(hook.id(), owner.replace('/', '.') + "#" + name + descriptor));
                        any = true;
                    }
                }
                if (!any) {
                    return null;
                }
                String key = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        maxLocals.put(key, locals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (woven.isEmpty() && gaugeIds.length == 0) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new Weaving(writer, hooks, gaugeIds, maxLocals), ClassReader.EXPAND_FRAMES);
        return new Result(writer.toByteArray(), woven);
    }

    /**
     * Whether a method is one the hook names. A bridge method (javac's {@code handle(Object)} beside
     * {@code handle(String)} of a generic interface) only delegates to the real method of the same class,
     * so it is skipped unless the hook names its erased parameter types: weaving both would count and log
     * every call made through the interface twice.
     */
    static boolean matches(MethodTarget target, int access, String name, String descriptor) {
        if (!name.equals(target.methodName()) || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return false;
        }
        List<String> parameters = target.parameterTypes();
        if (parameters == null) {
            return (access & Opcodes.ACC_BRIDGE) == 0;
        }
        Type[] types = Type.getArgumentTypes(descriptor);
        if (types.length != parameters.size()) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].getClassName().equals(parameters.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The second pass: wraps each matched method's visitor in its weavers. */
    private static final class Weaving extends ClassVisitor {
        private final List<HookSpec> hooks;
        private final int[] gaugeIds;
        private final Map<String, Integer> maxLocals;
        private String owner;
        private boolean frames;
        private boolean isInterface;

        Weaving(ClassVisitor next, List<HookSpec> hooks, int[] gaugeIds, Map<String, Integer> maxLocals) {
            super(Opcodes.ASM9, next);
            this.hooks = hooks;
            this.gaugeIds = gaugeIds;
            this.maxLocals = maxLocals;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
            // Class files before Java 6 have no stack map frames and get none.
            frames = (version & 0xFFFF) >= Opcodes.V1_6;
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (name.equals("<init>")) {
                if (!isInterface) {
                    for (int gaugeId : gaugeIds) {
                        mv = new GaugeConstructorWeaver(mv, owner, gaugeId, frames);
                    }
                }
                return mv;
            }
            Integer locals = maxLocals.get(name + descriptor);
            if (locals == null) {
                return mv;
            }
            List<HookSpec> matching = new ArrayList<>();
            for (HookSpec hook : hooks) {
                if (matches(hook.target(), access, name, descriptor)) {
                    matching.add(hook);
                }
            }
            // The first hook's weaver sees the method's own code (it is outermost in the chain the reader
            // calls); each later one's locals go above the previous one's. Built from the writer outwards.
            int[] firstSlot = new int[matching.size()];
            int slot = locals;
            for (int i = 0; i < matching.size(); i++) {
                firstSlot[i] = slot;
                slot += HookMethodWeaver.slots(descriptor, matching.get(i).needsValues());
            }
            for (int i = matching.size() - 1; i >= 0; i--) {
                HookSpec hook = matching.get(i);
                mv = new HookMethodWeaver(mv, owner, access, descriptor, hook.id(), hook.needsValues(), frames, firstSlot[i]);
            }
            return mv;
        }
    }
}
