package dev.memdebug.it.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker side of the container tests: builds the sample bot's image from the top-level Dockerfile
 * with Testcontainers (the jars built by Maven, a local JRE base image: no registry is reachable here),
 * and runs containers with a hard memory limit and no network.
 *
 * <p>Testcontainers needs {@code TESTCONTAINERS_RYUK_DISABLED=true} and
 * {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} here (set by agent-tests/pom.xml), or it tries to pull
 * its ryuk image and hangs. {@code sudo bash .ci/docker-setup.sh} starts the engine and builds the base.
 */
final class DockerSupport {

    static final long MB = 1024 * 1024;
    /** The local JRE 17 base made by .ci/base-image.sh; it stands in for eclipse-temurin:17-jre. */
    static final String BASE_IMAGE = env("MEMDEBUG_BASE_IMAGE", "memdebug/jre17-base:bookworm");
    /** The checkout: the Docker build context (system property set by agent-tests/pom.xml). */
    static final Path PROJECT = Path.of(System.getProperty("memdebug.project.dir", "..")).toAbsolutePath().normalize();
    static final String IMAGE_NAME = "memdebug/sample-bot-test";

    private static String image;
    private static Boolean available;

    private DockerSupport() {
    }

    /** Whether a Docker engine answers (checked once). */
    static synchronized boolean dockerAvailable() {
        if (available == null) {
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
        }
        return available;
    }

    /** Skips the test when no Docker engine answers, or fails it when {@code MEMDEBUG_REQUIRE_DOCKER=true}. */
    static void requireOrSkip() {
        if (!dockerAvailable()) {
            String why = "no Docker engine; run 'sudo bash .ci/docker-setup.sh' (installs docker.io, starts dockerd,"
                    + " builds the local JRE base image), or set MEMDEBUG_REQUIRE_DOCKER=true to make this a failure";
            if ("true".equals(System.getenv("MEMDEBUG_REQUIRE_DOCKER"))) {
                throw new AssertionError("MEMDEBUG_REQUIRE_DOCKER=true but " + why);
            }
            Assumptions.abort(why);
        }
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /**
     * The sample bot's image, built once per test run from the top-level Dockerfile with
     * {@code JARS=prebuilt} (the jars Maven just packaged) on the local base image.
     *
     * <p>Two things matter without a registry. The legacy builder (the only one docker-java speaks) runs
     * every stage, so the unused Maven stage gets {@code BUILD_IMAGE} = the local base too (it then does
     * nothing). And the Dockerfile is given to docker-java through a build command modifier rather than
     * {@code ImageFromDockerfile.withDockerfile(Path)}: that method also makes Testcontainers "pre-fetch"
     * every FROM image, including the stage name {@code prebuilt}, retrying the pull for two minutes.
     * docker-java still sends the context filtered by .dockerignore (the two jars, sources, poms).
     */
    static synchronized String sampleBotImage() throws Exception {
        if (image == null) {
            requireOrSkip();
            Path dockerfile = PROJECT.resolve("Dockerfile");
            for (String jar : List.of("agent/target/memdebug-agent.jar", "sample-bot/target/sample-bot.jar", "sample-bot/agent.properties")) {
                if (!Files.isRegularFile(PROJECT.resolve(jar))) {
                    throw new IllegalStateException(PROJECT.resolve(jar) + " is missing: run 'mvn package' first (mvn verify does)");
                }
            }
            if (!hasImage(BASE_IMAGE)) {
                throw new IllegalStateException("base image " + BASE_IMAGE + " is missing: run 'sudo bash .ci/docker-setup.sh'");
            }
            image = new ImageFromDockerfile(IMAGE_NAME, false)
                    .withBuildArg("BUILD_IMAGE", BASE_IMAGE)
                    .withBuildArg("RUNTIME_IMAGE", BASE_IMAGE)
                    .withBuildArg("JARS", "prebuilt")
                    .withBuildImageCmdModifier(cmd -> cmd.withDockerfile(dockerfile.toFile()).withNetworkMode("none"))
                    .get(10, TimeUnit.MINUTES);
        }
        return image;
    }

    static boolean hasImage(String name) {
        try {
            docker().inspectImageCmd(name).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The host settings every test container gets: a hard memory limit (no swap) and networking off. */
    static HostConfig limits(HostConfig host, long memoryBytes) {
        return host.withMemory(memoryBytes).withMemorySwap(memoryBytes).withNetworkMode("none");
    }

    // ----- docker-java directly: create, start, wait, inspect, restart the same container -----------

    /** Creates and starts a bot container with a hard memory limit (swap included) and networking off. */
    static String run(long memoryBytes, List<String> env, String... command) throws Exception {
        return runWithVolume(memoryBytes, env, null, command);
    }

    /**
     * Like {@link #run(long, List, String...)}, with the named Docker volume {@code volume} (created if
     * missing) mounted at {@code /var/data}, as a Render disk is; {@code null} for none.
     */
    static String runWithVolume(long memoryBytes, List<String> env, String volume, String... command) throws Exception {
        HostConfig host = limits(HostConfig.newHostConfig(), memoryBytes);
        if (volume != null) {
            host.withBinds(new Bind(volume, new Volume("/var/data")));
        }
        CreateContainerResponse created = docker().createContainerCmd(sampleBotImage())
                .withHostConfig(host)
                .withEnv(new ArrayList<>(env)).withCmd(command).exec();
        docker().startContainerCmd(created.getId()).exec();
        return created.getId();
    }

    /** Waits for the container to stop and returns its state (getOOMKilled(), getExitCodeLong()). */
    static InspectContainerResponse.ContainerState awaitExit(String id, long seconds) throws Exception {
        try {
            docker().waitContainerCmd(id).start().awaitStatusCode(seconds, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new AssertionError("container " + id + " did not exit within " + seconds + " s; its output ends:\n"
                    + tail(logsOf(id), 40), e);
        }
        return docker().inspectContainerCmd(id).exec().getState();
    }

    /** The container's stdout and stderr so far (what a platform's log viewer shows). */
    static String logsOf(String id) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        docker().logContainerCmd(id).withStdOut(true).withStdErr(true).withTailAll()
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    /** How a container ended. */
    record Exit(boolean oomKilled, long exitCode) {
    }

    static Exit exitOf(String id) {
        InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(id).exec().getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            throw new IllegalStateException("container " + id + " is still running");
        }
        return new Exit(Boolean.TRUE.equals(state.getOOMKilled()), state.getExitCodeLong());
    }

    /** Reads a text file out of a (running or stopped) container. */
    static String readFile(String id, String path) throws Exception {
        try (InputStream tar = docker().copyArchiveFromContainerCmd(id, path).exec()) {
            return untarFirst(tar.readAllBytes());
        }
    }

    static void removeVolume(String name) {
        try {
            docker().removeVolumeCmd(name).exec();
        } catch (RuntimeException ignored) {
            // Already gone, or still held by a container being removed.
        }
    }

    static void remove(String id) {
        try {
            docker().removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // Already gone.
        }
    }

    // ----- Testcontainers GenericContainer: run to the end, then inspect and copy files out ----------

    /**
     * A bot container that {@code start()} runs to its end (exit or kill), with the memory limit and no
     * network set on its HostConfig. Afterwards {@link #exitOf(GenericContainer)} tells how it ended and
     * {@code copyFileFromContainer} gets files out; {@code stop()} (or try-with-resources) removes it.
     */
    static GenericContainer<?> botContainer(long memoryBytes, Duration timeout, String... args) throws Exception {
        return new GenericContainer<>(DockerImageName.parse(sampleBotImage()))
                .withCommand(args)
                .withCreateContainerCmdModifier(cmd -> cmd.withHostConfig(
                        limits(cmd.getHostConfig() == null ? HostConfig.newHostConfig() : cmd.getHostConfig(), memoryBytes)))
                .withStartupCheckStrategy(new RunsToTheEnd().withTimeout(timeout));
    }

    static Exit exitOf(GenericContainer<?> container) {
        return exitOf(container.getContainerId());
    }

    /** Copies a file out of the container to the host ({@code copyFileFromContainer} works after the exit too). */
    static Path copyOut(GenericContainer<?> container, String containerPath, Path hostPath) throws Exception {
        container.copyFileFromContainer(containerPath, hostPath.toString());
        return hostPath;
    }

    /** Startup "succeeds" once the container has stopped, whatever its exit code (137 is the point). */
    static final class RunsToTheEnd extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient client, String containerId) {
            InspectContainerResponse.ContainerState state = getCurrentState(client, containerId);
            return Boolean.TRUE.equals(state.getRunning()) || state.getFinishedAt() == null
                    || state.getFinishedAt().startsWith("0001-") ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The first regular file's content of a tar archive (512-byte headers, octal sizes). */
    private static String untarFirst(byte[] tar) {
        int offset = 0;
        while (offset + 512 <= tar.length) {
            String sizeField = new String(tar, offset + 124, 12, StandardCharsets.US_ASCII).trim().replace("\0", "");
            char type = (char) tar[offset + 156];
            long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
            if (type == '0' || type == '\0') {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(tar, offset + 512, (int) size);
                return out.toString(StandardCharsets.UTF_8);
            }
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        throw new IllegalStateException("no file in the archive");
    }
}
