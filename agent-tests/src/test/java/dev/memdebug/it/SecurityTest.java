package dev.memdebug.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.memdebug.it.apps.Signup;
import dev.memdebug.it.support.AgentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packaged agent must never do with someone else's process: open sockets, leak data, share its files. */
class SecurityTest {

    @TempDir
    Path dir;

    @Test
    void noSocketOwnerOnlyFilesWhateverTheUmaskAndMaskedContexts() throws Exception {
        Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "hook.signup.method = dev.memdebug.it.apps.Signup#register",
                "hook.signup.label = Sign-up",
                "hook.signup.context = User {arg0.userId} {arg0.email} {arg0.phone} key={arg0.apiKey} password={arg1} | {arg0}",
                "hook.signup.counter = signups +1",
                "log.max-size = 64KB",
                "snapshot.interval = 1s",
                ""));
        AgentJvm jvm = AgentJvm.in(dir).prefix("sh", "-c", "umask 000; exec \"$0\" \"$@\"")
                .agentArgs("memory.limit=32MB,alarm.repeat=300ms,operations.shown=10,check.interval=50ms").main(Signup.class, "2500");
        jvm.start();
        assertTrue(jvm.awaitStdout("signed up", 30), jvm.stderr());
        assertTrue(jvm.awaitLog("Sign-up - ", 10), jvm.logText());
        List<String> sockets = sockets(jvm.pid());
        assertEquals(0, jvm.waitFor(60), jvm.stderr());
        assertEquals(List.of(), sockets, "the agent opened a network socket or a named one");

        for (String name : new String[] {"memory_debug.log", "memory_debug.jsonl"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))), name + " under umask 000");
        }
        String log = jvm.logText() + Files.readString(dir.resolve("memory_debug.jsonl")) + jvm.stderr();
        assertTrue(log.contains("User 77777 <email> <phone> key=<token> password=<token> | Request[userId=77777, email=<email>, phone=<phone>, apiKey=<token>"), log);
        for (String secret : new String[] {"alice.smith", "example.com", "7946", "sk_live", "4eC39HqLyjWDarjtT1zdp7dc", "hunter2"}) {
            assertFalse(log.contains(secret), "'" + secret + "' reached the log, its JSON twin or stderr");
        }
    }

    /**
     * The process's sockets that reach a network or can be connected to: any TCP, UDP or raw socket, and
     * any Unix socket bound to a path. (The JDK's NIO opens an unnamed Unix socket pair of its own for
     * closing channels, in every app that uses a FileChannel; that one reaches nothing and is left out.)
     */
    private static List<String> sockets(long pid) throws Exception {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException closedMeanwhile) {
                    // An fd closed while listing is not a socket we need to see.
                }
            }
        }
        List<String> found = new ArrayList<>();
        Path net = Path.of("/proc", Long.toString(pid), "net");
        for (String table : new String[] {"tcp", "tcp6", "udp", "udp6", "raw", "raw6"}) {
            Path file = net.resolve(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && inodes.contains(f[9])) {
                    found.add(table + ": " + line.trim());
                }
            }
        }
        for (String line : Files.readAllLines(net.resolve("unix"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 7 && inodes.contains(f[6])) {
                found.add("unix socket bound to " + f[7]);
            }
        }
        return found;
    }
}
