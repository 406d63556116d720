package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Allocator;
import dev.memdebug.it.support.AgentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one agent jar: its manifest, nothing unrelocated on the app's class path, and it runs on JDK 25 too. */
class PackagingTest {

    @Test
    void everyClassIsUnderTheAgentsOwnPackage() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(AgentJvm.AGENT_JAR.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                String path = name.startsWith("META-INF/versions/") ? name.replaceFirst("META-INF/versions/\\d+/", "") : name;
                if (path.endsWith(".class") && !path.startsWith("dev/memdebug/")) {
                    foreign.add(name);
                }
            }
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.memdebug.agent.MemdebugAgent", main.getValue("Premain-Class"));
            assertEquals("dev.memdebug.agent.MemdebugAgent", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals("dev.memdebug.cli.Main", main.getValue("Main-Class"));
            assertTrue(jar.getEntry("dev/memdebug/shaded/bytebuddy/jar/asm/ClassReader.class") != null, "Byte Buddy's ASM relocated");
            assertTrue(jar.getEntry("dev/memdebug/shaded/jctools/queues/MpscArrayQueue.class") != null, "JCTools relocated");
        }
        assertEquals(List.of(), foreign, "classes outside dev/memdebug would clash with the app's own copies");
        System.out.println("memdebug-agent.jar: " + Files.size(AgentJvm.AGENT_JAR) / 1024 + " KB");
    }

    @Test
    void helpRunsFromTheJar(@TempDir Path dir) throws Exception {
        AgentJvm jvm = AgentJvm.in(dir).withoutAgent().jvmArg("-jar", AgentJvm.AGENT_JAR.toString());
        assertEquals(0, jvm.run(30));
        assertTrue(jvm.stdout().contains("memdebug 0.1.0 - a memory black box"), jvm.stdout());
        assertTrue(jvm.stdout().contains("critical.threshold"), jvm.stdout());
    }

    @Test
    void theAgentRunsOnJdk25(@TempDir Path dir) throws Exception {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no Temurin 25 JDK at " + jdk25);
        Files.writeString(dir.resolve("agent.properties"), "hook.alloc.method = dev.memdebug.it.apps.Allocator#main\nhook.alloc.log = enter\n");
        AgentJvm jvm = AgentJvm.in(dir).javaHome(jdk25.toString()).agentArgs("memory.limit=64MB,alarm.repeat=200ms")
                .main(Allocator.class, "1", "3", "100", "300");
        assertEquals(0, jvm.run(60), jvm.stderr());
        String log = jvm.logText();
        assertTrue(log.contains("JVM: ") && log.contains(" 25"), log);
        assertTrue(log.contains("Allocator.main - "), "the hook fired on JDK 25: " + log);
        assertTrue(log.contains("✅ CLEAN SHUTDOWN"), log);
    }
}
