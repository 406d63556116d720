package dev.memdebug.it.apps.plugin;

/** Loaded by an isolated class loader whose parent is the platform loader: it cannot see the agent jar. */
public final class PluginWork {

    private PluginWork() {
    }

    public static String work(String input) {
        return input.toUpperCase();
    }
}
