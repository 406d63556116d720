package dev.memdebug.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves one hook into one method, as Byte Buddy's {@code Advice} with {@code suppress = Throwable.class}
 * and {@code onThrowable = Throwable.class} did before (the woven code is the same in effect):
 *
 * <pre>
 *   long start = 0; Object[] args = null;
 *   try { args = new Object[] {boxed arguments}; start = HookBridge.enter(id[, args]); } catch (Throwable t) { }
 *   try {
 *       ...the method's own code, each return replaced by "result = value; goto returned"...
 *   } catch (Throwable thrown) {
 *       try { HookBridge.exit(id, start, [args, null,] thrown); } catch (Throwable t) { }
 *       throw thrown;
 *   }
 *   returned:
 *   try { HookBridge.exit(id, start, [args, boxed result,] null); } catch (Throwable t) { }
 *   return result;
 * </pre>
 *
 * The arguments array (only for hooks with {@link HookSpec#needsValues()}) is built once at entry and
 * handed to both calls, so a context shows the arguments as passed. The agent's bridge never throws; the
 * guards are there so that even a broken bridge (say, not found by a JDK class) cannot reach the app.
 *
 * <p>The new locals live above the method's own {@code max_locals} ({@code firstSlot}, known from a first
 * pass), so the method's code is not renumbered. Frames: the reader must expand them
 * ({@code ClassReader.EXPAND_FRAMES}); every frame of the method gets the new locals appended, and the
 * woven blocks carry their own full frames, in which the method's own locals are {@code TOP}. That
 * needs no class loading, unlike {@code ClassWriter.COMPUTE_FRAMES}. As with Byte Buddy, a return must
 * find nothing on the operand stack below its value (true of every compiler's output). Several weavers
 * may be chained on one method (two hooks on one method); each one's {@code firstSlot} is above the
 * previous one's {@link #slots}.
 *
 * <p>Not thread-safe; one instance per method visit.
 */
final class HookMethodWeaver extends CodeStartVisitor {

    private static final String OBJECTS = "[Ljava/lang/Object;";
    /** Operand stack the woven code needs at most (it runs on an empty stack): id, start, args, result, thrown. */
    private static final int STACK = 6;

    private final int hookId;
    private final boolean values;
    private final boolean frames;
    private final Type returnType;
    private final List<Object> entryLocals = new ArrayList<>();
    private final int firstSlot;
    private final int startSlot;
    private final int argsSlot;
    private final int thrownSlot;
    private final int resultSlot;
    private final int slotsAfter;
    private final boolean isStatic;
    private final Type[] argumentTypes;

    private final Label enterFrom = new Label();
    private final Label enterTo = new Label();
    private final Label enterCatch = new Label();
    private final Label enterDone = new Label();
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label failed = new Label();
    private final Label returned = new Label();
    private final Label returnFrom = new Label();
    private final Label returnTo = new Label();
    private final Label returnCatch = new Label();
    private final Label returnDone = new Label();
    private final Label throwFrom = new Label();
    private final Label throwTo = new Label();
    private final Label throwCatch = new Label();
    private final Label throwDone = new Label();

    /**
     * @param owner     the internal name of the class declaring the method
     * @param access    the method's access flags
     * @param frames    whether the class file has stack map frames (version 50 and later)
     * @param firstSlot the method's {@code max_locals}, or that plus the {@link #slots} of the weavers before this one in the chain
     */
    HookMethodWeaver(MethodVisitor next, String owner, int access, String descriptor, int hookId, boolean values,
                     boolean frames, int firstSlot) {
        super(next);
        this.hookId = hookId;
        this.values = values;
        this.frames = frames;
        this.returnType = Type.getReturnType(descriptor);
        this.argumentTypes = Type.getArgumentTypes(descriptor);
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.firstSlot = firstSlot;
        this.startSlot = firstSlot;
        this.argsSlot = values ? firstSlot + 2 : -1;
        this.thrownSlot = firstSlot + (values ? 3 : 2);
        this.resultSlot = thrownSlot + 1;
        this.slotsAfter = resultSlot + returnType.getSize();
        int slots = 0;
        if (!isStatic) {
            entryLocals.add(owner);
            slots++;
        }
        for (Type t : argumentTypes) {
            entryLocals.add(WovenCode.frameType(t));
            slots += t.getSize();
        }
        padTo(entryLocals, slots, firstSlot);
        addOwnLocals(entryLocals);
    }

    /** How many local slots the weaver adds to a method of this descriptor: start, args, thrown, result. */
    static int slots(String descriptor, boolean values) {
        return 2 + (values ? 1 : 0) + 1 + Type.getReturnType(descriptor).getSize();
    }

    /**
     * The guards go into the exception table before the catch-all, and all after the method's own
     * entries, so the method's own handlers keep their priority and a guard always wins over the
     * catch-all of a weaver chained after this one.
     */
    @Override
    protected void onCodeStart() {
        mv.visitTryCatchBlock(enterFrom, enterTo, enterCatch, WovenCode.THROWABLE);
        mv.visitTryCatchBlock(returnFrom, returnTo, returnCatch, WovenCode.THROWABLE);
        mv.visitTryCatchBlock(throwFrom, throwTo, throwCatch, WovenCode.THROWABLE);
        mv.visitTryCatchBlock(bodyStart, bodyEnd, failed, WovenCode.THROWABLE);

        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitVarInsn(Opcodes.LSTORE, startSlot);
        if (values) {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ASTORE, argsSlot);
        }
        mv.visitLabel(enterFrom);
        if (values) {
            pushArguments();
            mv.visitVarInsn(Opcodes.ASTORE, argsSlot);
            WovenCode.push(mv, hookId);
            mv.visitVarInsn(Opcodes.ALOAD, argsSlot);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "enter", "(I[Ljava/lang/Object;)J", false);
        } else {
            WovenCode.push(mv, hookId);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "enter", "(I)J", false);
        }
        mv.visitVarInsn(Opcodes.LSTORE, startSlot);
        WovenCode.endGuard(mv, frames, entryLocals, enterTo, enterCatch, enterDone);
        // A frame of the method's own may follow at its first instruction; two frames may not share an offset.
        mv.visitInsn(Opcodes.NOP);
        mv.visitLabel(bodyStart);
    }

    @Override
    public void visitInsn(int opcode) {
        start();
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (returnType.getSort() != Type.VOID) {
                mv.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), resultSlot);
            }
            mv.visitJumpInsn(Opcodes.GOTO, returned);
            return;
        }
        mv.visitInsn(opcode);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        start();
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded (ClassReader.EXPAND_FRAMES)");
        }
        List<Object> locals = new ArrayList<>(numLocal + 4);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        padTo(locals, slots, firstSlot);
        addOwnLocals(locals);
        mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        start();
        mv.visitLabel(bodyEnd);

        // Normal return: emitted even when the method never returns (dead code with a frame verifies).
        List<Object> returnLocals = ownLocalsOnly();
        returnLocals.add(Opcodes.TOP);
        if (returnType.getSort() != Type.VOID) {
            returnLocals.add(WovenCode.frameType(returnType));
        }
        mv.visitLabel(returned);
        WovenCode.frame(mv, frames, returnLocals, null);
        mv.visitLabel(returnFrom);
        WovenCode.push(mv, hookId);
        mv.visitVarInsn(Opcodes.LLOAD, startSlot);
        if (values) {
            mv.visitVarInsn(Opcodes.ALOAD, argsSlot);
            if (returnType.getSort() == Type.VOID) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), resultSlot);
                WovenCode.box(mv, returnType);
            }
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "exit", "(IJ[Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
        } else {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "exit", "(IJLjava/lang/Throwable;)V", false);
        }
        WovenCode.endGuard(mv, frames, returnLocals, returnTo, returnCatch, returnDone);
        if (returnType.getSort() != Type.VOID) {
            mv.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), resultSlot);
        }
        mv.visitInsn(returnType.getOpcode(Opcodes.IRETURN));

        // Exception: report it, then rethrow the same throwable.
        List<Object> failedLocals = ownLocalsOnly();
        mv.visitLabel(failed);
        WovenCode.frame(mv, frames, failedLocals, WovenCode.THROWABLE);
        mv.visitVarInsn(Opcodes.ASTORE, thrownSlot);
        failedLocals.add(WovenCode.THROWABLE);
        mv.visitLabel(throwFrom);
        WovenCode.push(mv, hookId);
        mv.visitVarInsn(Opcodes.LLOAD, startSlot);
        if (values) {
            mv.visitVarInsn(Opcodes.ALOAD, argsSlot);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ALOAD, thrownSlot);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "exit", "(IJ[Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, thrownSlot);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WovenCode.BRIDGE, "exit", "(IJLjava/lang/Throwable;)V", false);
        }
        WovenCode.endGuard(mv, frames, failedLocals, throwTo, throwCatch, throwDone);
        mv.visitVarInsn(Opcodes.ALOAD, thrownSlot);
        mv.visitInsn(Opcodes.ATHROW);

        mv.visitMaxs(Math.max(maxStack, STACK), Math.max(maxLocals, slotsAfter));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void pushArguments() {
        WovenCode.push(mv, argumentTypes.length);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < argumentTypes.length; i++) {
            Type t = argumentTypes[i];
            mv.visitInsn(Opcodes.DUP);
            WovenCode.push(mv, i);
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            WovenCode.box(mv, t);
            mv.visitInsn(Opcodes.AASTORE);
            slot += t.getSize();
        }
    }

    /** Locals {@code TOP} up to {@code firstSlot}, then this weaver's live ones: start and args. */
    private List<Object> ownLocalsOnly() {
        List<Object> locals = new ArrayList<>();
        padTo(locals, 0, firstSlot);
        addOwnLocals(locals);
        return locals;
    }

    private void addOwnLocals(List<Object> locals) {
        locals.add(Opcodes.LONG);
        if (values) {
            locals.add(OBJECTS);
        }
    }

    private static void padTo(List<Object> locals, int slots, int target) {
        for (int s = slots; s < target; s++) {
            locals.add(Opcodes.TOP);
        }
    }
}
