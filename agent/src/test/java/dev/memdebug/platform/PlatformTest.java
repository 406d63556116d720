package dev.memdebug.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.platform.Platform.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @TempDir
    Path root;

    private Platform detect(Map<String, String> env) {
        return Platform.detect(env, root);
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void render() {
        Platform p = detect(Map.of("RENDER", "true", "RENDER_SERVICE_NAME", "my-bot", "KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        assertEquals(Kind.RENDER, p.kind());
        assertEquals("Render (service my-bot)", p.describe());
        assertEquals("Render", detect(Map.of("RENDER", "true")).describe());
    }

    @Test
    void heroku() {
        Platform p = detect(Map.of("DYNO", "web.1"));
        assertEquals(Kind.HEROKU, p.kind());
        assertEquals("Heroku dyno web.1", p.describe());
    }

    @Test
    void fly() {
        Platform p = detect(Map.of("FLY_APP_NAME", "memdebug-demo", "FLY_MACHINE_ID", "148e272b"));
        assertEquals(Kind.FLY, p.kind());
        assertEquals("Fly.io app memdebug-demo", p.describe());
    }

    @Test
    void kubernetes() {
        Platform p = detect(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "HOSTNAME", "bot-7d9f8-x2kqp"));
        assertEquals(Kind.KUBERNETES, p.kind());
        assertEquals("Kubernetes pod bot-7d9f8-x2kqp", p.describe());
        assertEquals("Kubernetes pod", detect(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")).describe());
    }

    @Test
    void blankVariablesDoNotCount() {
        assertEquals(Kind.HOST, detect(Map.of("RENDER", " ", "DYNO", "")).kind());
    }

    @Test
    void dockerFromDockerenv() throws IOException {
        write(".dockerenv", "");
        Platform p = detect(Map.of());
        assertEquals(Kind.DOCKER, p.kind());
        assertEquals("container (Docker)", p.describe());
        assertTrue(p.container());
    }

    @Test
    void dockerFromTheCgroupOfPid1() throws IOException {
        write("proc/1/cgroup", "12:memory:/docker/4f2a9c1b7e3d\n0::/docker/4f2a9c1b7e3d\n");
        assertEquals(Kind.DOCKER, detect(Map.of()).kind());
    }

    @Test
    void kubernetesFromTheCgroup() throws IOException {
        write("proc/1/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0c5a.slice/cri-containerd-6d3e.scope\n");
        assertEquals(Kind.KUBERNETES, detect(Map.of()).kind());
    }

    @Test
    void podman() throws IOException {
        write("run/.containerenv", "engine=\"podman-4.9.3\"\n");
        Platform p = detect(Map.of());
        assertEquals(Kind.CONTAINER, p.kind());
        assertEquals("container (podman)", p.describe());
    }

    @Test
    void containerVariable() {
        Platform p = detect(Map.of("container", "systemd-nspawn"));
        assertEquals(Kind.CONTAINER, p.kind());
        assertEquals("container (systemd-nspawn)", p.describe());
    }

    @Test
    void overlayRootWhenTheCgroupSaysNothing() throws IOException {
        write("proc/1/cgroup", "0::/\n");
        write("proc/self/mountinfo", Files.readString(LogPersistenceTest.fixture("docker-plain")));
        Platform p = detect(Map.of());
        assertEquals(Kind.CONTAINER, p.kind());
        assertEquals("container", p.describe());
    }

    @Test
    void host() throws IOException {
        write("proc/1/cgroup", "0::/init.scope\n");
        write("proc/self/cgroup", "0::/user.slice/user-1000.slice/session-3.scope\n");
        write("proc/self/mountinfo", Files.readString(LogPersistenceTest.fixture("host")));
        Platform p = detect(Map.of("HOME", "/home/dev"));
        assertEquals(Kind.HOST, p.kind());
        assertEquals("host", p.describe());
        assertFalse(p.container());
    }

    @Test
    void nothingReadableIsHost() {
        assertEquals(new Platform(Kind.HOST, ""), detect(Map.of()));
    }
}
