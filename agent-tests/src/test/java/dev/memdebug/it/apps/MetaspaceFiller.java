package dev.memdebug.it.apps;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * A test app that grows metaspace by defining {@link MetaspaceTemplate} again and again as hidden classes
 * and keeping them: {@code MetaspaceFiller CLASSES_PER_STEP STEPS PAUSE_MS HOLD_MS}. Prints
 * {@code loaded N classes} after each step and {@code done} at the end.
 */
public final class MetaspaceFiller {

    private static final List<Class<?>> HELD = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int perStep = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        long hold = Long.parseLong(args[3]);
        byte[] template;
        try (InputStream in = MetaspaceFiller.class.getResourceAsStream("MetaspaceTemplate.class")) {
            template = in.readAllBytes();
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        AgentReady.await();
        for (int i = 1; i <= steps; i++) {
            for (int k = 0; k < perStep; k++) {
                HELD.add(lookup.defineHiddenClass(template, false).lookupClass());
            }
            System.out.println("loaded " + (i * perStep) + " classes");
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(hold);
    }
}
