package dev.memdebug.instrument;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The few instruction sequences both weavers emit: an int constant, boxing, a full stack map frame.
 * Stateless.
 */
final class WovenCode {

    static final String BRIDGE = "dev/memdebug/bootstrap/HookBridge";
    static final String THROWABLE = "java/lang/Throwable";

    private WovenCode() {
    }

    /** The frame type ASM uses for a value of type {@code t} in a local or on the stack. */
    static Object frameType(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> t.getInternalName();
        };
    }

    static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** Boxes the primitive on top of the stack as {@code valueOf} does; leaves a reference as it is. */
    static void box(MethodVisitor mv, Type t) {
        String boxed = switch (t.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + t.getDescriptor() + ")L" + boxed + ";", false);
        }
    }

    /**
     * Ends a guarded bridge call that began at a label covered by a {@code Throwable} handler at
     * {@code handler}: normal flow jumps from {@code to} over the handler, which drops the throwable
     * (the app never sees the agent fail), and both meet at {@code done} with an empty stack.
     */
    static void endGuard(MethodVisitor mv, boolean frames, java.util.List<Object> locals, Label to, Label handler, Label done) {
        mv.visitLabel(to);
        mv.visitJumpInsn(Opcodes.GOTO, done);
        mv.visitLabel(handler);
        frame(mv, frames, locals, THROWABLE);
        mv.visitInsn(Opcodes.POP);
        mv.visitLabel(done);
        frame(mv, frames, locals, null);
    }

    /** A full frame with these locals and an empty stack, or only {@code stackTop} on it; none if {@code !frames}. */
    static void frame(MethodVisitor mv, boolean frames, java.util.List<Object> locals, String stackTop) {
        if (!frames) {
            return;
        }
        Object[] stack = stackTop == null ? new Object[0] : new Object[] {stackTop};
        mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.length, stack);
    }
}
