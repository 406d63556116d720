package dev.memdebug.instrument;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the hook's (or gauge's) id. Byte Buddy binds it to a
 * constant per hook, so the inlined code carries the id and needs no lookup.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HookId {
}
