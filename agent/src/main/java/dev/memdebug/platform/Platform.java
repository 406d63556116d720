package dev.memdebug.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the process runs. Immutable.
 *
 * @param kind the platform
 * @param name what identifies this instance on it: the Render service, Heroku dyno, Fly app, Kubernetes
 *             pod, or the runtime of an other container ({@code podman}, {@code containerd}); may be empty
 */
public record Platform(Kind kind, String name) {

    /** The platforms the agent knows. */
    public enum Kind {
        /** Render ({@code RENDER} set). */
        RENDER,
        /** A Heroku dyno ({@code DYNO} set). */
        HEROKU,
        /** A Fly.io Machine ({@code FLY_APP_NAME} set). */
        FLY,
        /** A Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} set, or {@code kubepods} in the cgroup). */
        KUBERNETES,
        /** A Docker container ({@code /.dockerenv}, or {@code docker} in the cgroup). */
        DOCKER,
        /** A container of another or unknown runtime: podman, containerd, LXC, systemd-nspawn, an overlay root. */
        CONTAINER,
        /** None of the above: a machine or VM. */
        HOST
    }

    public Platform {
        name = name == null ? "" : name;
    }

    /**
     * Detects the platform, first from the environment the platforms set, then from files: Render
     * ({@code RENDER}; name from {@code RENDER_SERVICE_NAME}), Heroku ({@code DYNO}), Fly.io
     * ({@code FLY_APP_NAME}), Kubernetes ({@code KUBERNETES_SERVICE_HOST}; name from {@code HOSTNAME},
     * the pod's name), Docker ({@code /.dockerenv}), podman ({@code /run/.containerenv}), then the
     * runtime named in {@code /proc/1/cgroup} or {@code /proc/self/cgroup} ({@code kubepods},
     * {@code docker}, {@code libpod}, {@code containerd}, {@code lxc}), the {@code container} variable
     * (systemd's convention), and last an {@code overlay} or {@code aufs} root in
     * {@code /proc/self/mountinfo} (a container whose cgroup namespace hides the runtime); else host.
     * Allocates freely; never throws.
     *
     * @param env  the environment, {@code System.getenv()} at run time
     * @param root {@code /}, or a fixture tree
     */
    public static Platform detect(Map<String, String> env, Path root) {
        if (present(env, "RENDER")) {
            return new Platform(Kind.RENDER, value(env, "RENDER_SERVICE_NAME"));
        }
        if (present(env, "DYNO")) {
            return new Platform(Kind.HEROKU, value(env, "DYNO"));
        }
        if (present(env, "FLY_APP_NAME")) {
            return new Platform(Kind.FLY, value(env, "FLY_APP_NAME"));
        }
        if (present(env, "KUBERNETES_SERVICE_HOST")) {
            return new Platform(Kind.KUBERNETES, value(env, "HOSTNAME"));
        }
        if (Files.exists(root.resolve(".dockerenv"))) {
            return new Platform(Kind.DOCKER, "");
        }
        if (Files.exists(root.resolve("run/.containerenv"))) {
            return new Platform(Kind.CONTAINER, "podman");
        }
        String cgroups = read(root.resolve("proc/1/cgroup")) + read(root.resolve("proc/self/cgroup"));
        if (cgroups.contains("kubepods")) {
            return new Platform(Kind.KUBERNETES, value(env, "HOSTNAME"));
        }
        if (cgroups.contains("/docker") || cgroups.contains("docker-")) {
            return new Platform(Kind.DOCKER, "");
        }
        for (String runtime : List.of("libpod", "containerd", "lxc")) {
            if (cgroups.contains(runtime)) {
                return new Platform(Kind.CONTAINER, runtime.equals("libpod") ? "podman" : runtime);
            }
        }
        if (present(env, "container")) {
            return new Platform(Kind.CONTAINER, value(env, "container"));
        }
        if (overlayRoot(root.resolve("proc/self/mountinfo"))) {
            return new Platform(Kind.CONTAINER, "");
        }
        return new Platform(Kind.HOST, "");
    }

    /** Whether the process runs in a container of some kind (every kind but {@code HOST}). */
    public boolean container() {
        return kind != Kind.HOST;
    }

    /**
     * For the log header: {@code Render (service my-bot)}, {@code Heroku dyno web.1}, {@code Fly.io app
     * my-app}, {@code Kubernetes pod web-1}, {@code container (Docker)}, {@code container (podman)},
     * {@code host}. Every container that is not on a named platform starts with {@code container}.
     */
    public String describe() {
        return switch (kind) {
            case RENDER -> "Render" + (name.isEmpty() ? "" : " (service " + name + ")");
            case HEROKU -> "Heroku dyno" + (name.isEmpty() ? "" : " " + name);
            case FLY -> "Fly.io app" + (name.isEmpty() ? "" : " " + name);
            case KUBERNETES -> "Kubernetes pod" + (name.isEmpty() ? "" : " " + name);
            case DOCKER -> "container (Docker)";
            case CONTAINER -> "container" + (name.isEmpty() ? "" : " (" + name + ")");
            case HOST -> "host";
        };
    }

    private static boolean present(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null ? "" : v.trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean overlayRoot(Path mountInfo) {
        try {
            String rootType = "";
            for (Mount m : Mount.readAll(mountInfo)) {
                if (m.mountPoint().equals("/")) {
                    rootType = m.fsType();
                }
            }
            return LogPersistence.isContainerLayer(rootType);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
