package dev.memdebug.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the process runs, from its environment and a few files: Render ({@code RENDER}), Heroku
 * ({@code DYNO}), Fly.io ({@code FLY_APP_NAME}), Kubernetes ({@code KUBERNETES_SERVICE_HOST}), a Docker
 * or other container ({@code /.dockerenv}, or a container runtime in {@code /proc/1/cgroup}), or a plain
 * host. Immutable.
 */
public record Platform(Kind kind, String name) {

    /** The platforms the agent knows. */
    public enum Kind { RENDER, HEROKU, FLY, KUBERNETES, DOCKER, HOST }

    /** Detects the platform; {@code root} is {@code /} except in tests. Never throws. */
    public static Platform detect(Map<String, String> env, Path root) {
        if (present(env, "RENDER")) {
            return new Platform(Kind.RENDER, env.getOrDefault("RENDER_SERVICE_NAME", ""));
        }
        if (present(env, "DYNO")) {
            return new Platform(Kind.HEROKU, env.get("DYNO"));
        }
        if (present(env, "FLY_APP_NAME")) {
            return new Platform(Kind.FLY, env.get("FLY_APP_NAME"));
        }
        if (present(env, "KUBERNETES_SERVICE_HOST")) {
            return new Platform(Kind.KUBERNETES, env.getOrDefault("HOSTNAME", ""));
        }
        if (Files.exists(root.resolve(".dockerenv")) || containerCgroup(root)) {
            return new Platform(Kind.DOCKER, "");
        }
        return new Platform(Kind.HOST, "");
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static boolean containerCgroup(Path root) {
        try {
            String cgroup = Files.readString(root.resolve("proc/1/cgroup"));
            return cgroup.contains("/docker") || cgroup.contains("containerd") || cgroup.contains("/kubepods") || cgroup.contains("libpod");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** For the header: {@code Render (service my-bot)}, {@code Kubernetes pod web-1}, {@code Docker container}, {@code host}. */
    public String describe() {
        return switch (kind) {
            case RENDER -> "Render" + (name.isEmpty() ? "" : " (service " + name + ")");
            case HEROKU -> "Heroku dyno " + name;
            case FLY -> "Fly.io app " + name;
            case KUBERNETES -> "Kubernetes pod" + (name.isEmpty() ? "" : " " + name);
            case DOCKER -> "container (Docker or similar)";
            case HOST -> "host (no container detected)";
        };
    }
}
