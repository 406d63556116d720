package dev.memdebug.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real forked JVM with the packaged agent jar attached by {@code -javaagent}, its stdout and stderr
 * captured to files in its working directory. Builder style; each test owns its instances.
 */
public final class AgentJvm {

    public static final Path AGENT_JAR = Path.of(System.getProperty("memdebug.agent.jar", "../agent/target/memdebug-agent.jar")).toAbsolutePath().normalize();
    public static final Path BOT_JAR = Path.of(System.getProperty("memdebug.bot.jar", "../sample-bot/target/sample-bot.jar")).toAbsolutePath().normalize();
    public static final Path PROJECT = Path.of(System.getProperty("memdebug.project.dir", "..")).toAbsolutePath().normalize();

    private final Path workDir;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> appArgs = new ArrayList<>();
    private final Map<String, String> env = new TreeMap<>();
    private String agentArgs;
    private boolean withAgent = true;
    private String javaHome = System.getProperty("java.home");
    private List<String> prefix = List.of();
    private Process process;

    private AgentJvm(Path workDir) {
        this.workDir = workDir;
    }

    public static AgentJvm in(Path workDir) {
        return new AgentJvm(workDir);
    }

    /** Runs the test class {@code main} from this module's test classes. */
    public AgentJvm main(Class<?> mainClass, String... args) {
        jvmArgs.add("-cp");
        jvmArgs.add(classPath());
        appArgs.add(mainClass.getName());
        appArgs.addAll(List.of(args));
        return this;
    }

    /** Runs {@code main} of a class found on the given class path (e.g. the test classes alone, without the agent's classes). */
    public AgentJvm main(String classPath, Class<?> mainClass, String... args) {
        jvmArgs.add("-cp");
        jvmArgs.add(classPath);
        appArgs.add(mainClass.getName());
        appArgs.addAll(List.of(args));
        return this;
    }

    /** Runs the sample bot jar. */
    public AgentJvm bot(String... args) {
        appArgs.add("-jar");
        appArgs.add(BOT_JAR.toString());
        appArgs.addAll(List.of(args));
        return this;
    }

    public AgentJvm agentArgs(String args) {
        this.agentArgs = args;
        return this;
    }

    public AgentJvm withoutAgent() {
        this.withAgent = false;
        return this;
    }

    public AgentJvm jvmArg(String... args) {
        jvmArgs.addAll(0, List.of(args));
        return this;
    }

    public AgentJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public AgentJvm javaHome(String home) {
        this.javaHome = home;
        return this;
    }

    /** Runs the JVM through a wrapper command (e.g. one that moves it into a cgroup first). */
    public AgentJvm prefix(String... command) {
        this.prefix = List.of(command);
        return this;
    }

    public List<String> command() {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(javaHome, "bin", "java").toString());
        if (withAgent) {
            cmd.add("-javaagent:" + AGENT_JAR + (agentArgs == null ? "" : "=" + agentArgs));
        }
        cmd.addAll(jvmArgs);
        cmd.addAll(appArgs);
        return cmd;
    }

    public AgentJvm start() throws IOException {
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(command()).directory(workDir.toFile())
                .redirectOutput(stdoutFile().toFile()).redirectError(stderrFile().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MEMDEBUG_"));
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Starts, waits up to {@code seconds} for the end, and returns the exit code (kills it on time-out). */
    public int run(long seconds) throws Exception {
        start();
        return waitFor(seconds);
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the JVM did not end within " + seconds + " s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL, as the kernel's OOM killer does, and waits for the end. */
    public int kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return workDir.resolve("memory_debug.log");
    }

    public String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    public Path stdoutFile() {
        return workDir.resolve("stdout.txt");
    }

    public Path stderrFile() {
        return workDir.resolve("stderr.txt");
    }

    public String stdout() {
        return read(stdoutFile());
    }

    public String stderr() {
        return read(stderrFile());
    }

    /** Waits until the log contains {@code text} or the time is up; returns whether it appeared. */
    public boolean awaitLog(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (logText().contains(text)) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return logText().contains(text);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until stdout contains {@code text}. */
    public boolean awaitStdout(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (stdout().contains(text)) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return stdout().contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    /**
     * The test apps' class path: this test run's, less the agent's own classes (agent/target/classes in a
     * reactor build, memdebug-agent-*.jar from the local repository otherwise). Left in, they would shadow
     * the packaged jar's classes, since the system class loader searches the class path before the
     * {@code -javaagent} jar, and a test would run yesterday's agent.
     */
    public static String classPath() {
        StringBuilder path = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            if (normalized.endsWith("/agent/target/classes") || normalized.endsWith("/agent/target/classes/")
                    || normalized.matches(".*/memdebug-agent[^/]*\\.jar")) {
                continue;
            }
            path.append(path.length() == 0 ? "" : File.pathSeparator).append(entry);
        }
        return path.toString();
    }
}
