package dev.memdebug.instrument;

import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves a gauge into one constructor of the gauge's class, as Byte Buddy's exit-only {@code Advice}
 * with {@code suppress = Throwable.class} did before: each {@code return} becomes a jump to
 *
 * <pre>
 *   try { HookBridge.constructed(gaugeId, this); } catch (Throwable t) { }
 *   return;
 * </pre>
 *
 * so the gauge reads the latest instance. A constructor that throws reports nothing. The block needs no
 * locals of its own, so the constructor's frames are left as they are; the block's frames hold only
 * {@code this}, initialised by then. Not thread-safe; one instance per constructor visit.
 */
final class GaugeConstructorWeaver extends CodeStartVisitor {

    private final int gaugeId;
    private final boolean frames;
    private final List<Object> locals;
    private final Label returned = new Label();
    private final Label guardFrom = new Label();
    private final Label guardTo = new Label();
    private final Label guardCatch = new Label();
    private final Label done = new Label();

    /**
     * @param owner  the internal name of the class
     * @param frames whether the class file has stack map frames (version 50 and later)
     */
    GaugeConstructorWeaver(MethodVisitor next, String owner, int gaugeId, boolean frames) {
        super(next);
        this.gaugeId = gaugeId;
        this.frames = frames;
        this.locals = List.of(owner);
    }

    @Override
    protected void onCodeStart() {
        mv.visitTryCatchBlock(guardFrom, guardTo, guardCatch, WovenCode.THROWABLE);
    }

    @Override
    public void visitInsn(int opcode) {
        start();
        if (opcode == Opcodes.RETURN) {
            mv.visitJumpInsn(Opcodes.GOTO, returned);
            return;
        }
        mv.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        start();
        // Emitted even when no return jumps here (dead code with a frame verifies).
        mv.visitLabel(returned);
        WovenCode.frame(mv, frames, locals, null);
        mv.visitLabel(guardFrom);
        WovenCode.push(mv, gaugeId);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "constructed", "(ILjava/lang/Object;)V", false);
        WovenCode.endGuard(mv, frames, locals, guardTo, guardCatch, done);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(Math.max(maxStack, 2), Math.max(maxLocals, 1));
    }
}
