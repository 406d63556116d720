package dev.memdebug.it.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import dev.memdebug.it.support.AgentJvm;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The Docker side of the container tests: builds the sample bot's image from the top-level Dockerfile
 * with Testcontainers (the jars built by Maven, a local JRE base image: no registry is reachable here),
 * and runs containers with a hard memory limit and no network.
 */
final class DockerSupport {

    static final long MB = 1024 * 1024;
    private static String image;

    private DockerSupport() {
    }

    /** Skips the test when no Docker engine answers, or fails it when {@code MEMDEBUG_REQUIRE_DOCKER=true}. */
    static void requireOrSkip() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
        }
        if (!available) {
            String why = "no Docker engine; run 'sudo bash .ci/docker-setup.sh' (installs docker.io, starts dockerd, builds the local JRE base image)";
            if ("true".equals(System.getenv("MEMDEBUG_REQUIRE_DOCKER"))) {
                throw new AssertionError("MEMDEBUG_REQUIRE_DOCKER=true but " + why);
            }
            Assumptions.abort(why);
        }
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** The sample bot's image, built once per test run from the Dockerfile. */
    static synchronized String sampleBotImage() throws Exception {
        if (image == null) {
            String base = System.getenv().getOrDefault("MEMDEBUG_BASE_IMAGE", "memdebug/jre17-base:bookworm");
            image = new ImageFromDockerfile("memdebug/sample-bot-test", false)
                    .withDockerfile(AgentJvm.PROJECT.resolve("Dockerfile"))
                    .withBuildArg("BUILD_IMAGE", base)
                    .withBuildArg("RUNTIME_IMAGE", base)
                    .withBuildArg("JARS", "prebuilt")
                    .get(10, TimeUnit.MINUTES);
        }
        return image;
    }

    /** Creates and starts a container with a hard memory limit (swap included) and networking off. */
    static String run(long memoryBytes, List<String> env, String... command) throws Exception {
        HostConfig host = HostConfig.newHostConfig().withMemory(memoryBytes).withMemorySwap(memoryBytes).withNetworkMode("none");
        CreateContainerResponse created = docker().createContainerCmd(sampleBotImage()).withHostConfig(host)
                .withEnv(new ArrayList<>(env)).withCmd(command).exec();
        docker().startContainerCmd(created.getId()).exec();
        return created.getId();
    }

    /** Waits for the container to stop and returns its state. */
    static InspectContainerResponse.ContainerState awaitExit(String id, long seconds) throws Exception {
        docker().waitContainerCmd(id).start().awaitStatusCode(seconds, TimeUnit.SECONDS);
        return docker().inspectContainerCmd(id).exec().getState();
    }

    /** Reads a text file out of a (running or stopped) container. */
    static String readFile(String id, String path) throws Exception {
        try (InputStream tar = docker().copyArchiveFromContainerCmd(id, path).exec()) {
            byte[] all = tar.readAllBytes();
            return untarFirst(all);
        }
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

    static void remove(String id) {
        try {
            docker().removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // Already gone.
        }
    }
}
