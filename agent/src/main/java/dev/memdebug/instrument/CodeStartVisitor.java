package dev.memdebug.instrument;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A method visitor that calls {@link #onCodeStart} exactly once, at the first visit after the method's
 * exception table (ASM's {@code ClassReader} visits all try-catch blocks before the first instruction).
 * Code woven in there runs before the method's own, and try-catch blocks declared there come after the
 * method's own in the exception table, so the method's handlers keep their priority.
 *
 * <p>Subclasses emit their own code straight to {@link #mv}, which bypasses these overrides. Not
 * thread-safe; one instance per method visit.
 */
abstract class CodeStartVisitor extends MethodVisitor {

    private boolean started;

    CodeStartVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** Emits what comes before the method's own code. */
    protected abstract void onCodeStart();

    /** Calls {@link #onCodeStart} unless it ran already. */
    protected final void start() {
        if (!started) {
            started = true;
            onCodeStart();
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        start();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        start();
        super.visitInsn(opcode);
    }

    @Override
    public void visitLabel(Label label) {
        start();
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label startLabel) {
        start();
        super.visitLineNumber(line, startLabel);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        start();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        start();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        start();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        start();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        start();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
        start();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        start();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        start();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        start();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        start();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        start();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        start();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label startLabel, Label end, int index) {
        start();
        super.visitLocalVariable(name, descriptor, signature, startLabel, end, index);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        start();
        super.visitMaxs(maxStack, maxLocals);
    }
}
