package dev.memdebug.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTest {

    @Test
    void parsesTheProcManPageExample() {
        Mount m = Mount.parse("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue");
        assertEquals(new Mount(36, 35, "98:0", "/mnt1", "/mnt2", "rw,noatime", "ext3", "/dev/root", "rw,errors=continue"), m);
        assertFalse(m.readOnly());
    }

    @Test
    void optionalFieldsMayBeAbsentOrRepeated() {
        Mount none = Mount.parse("22 27 0:21 / /proc rw,relatime - proc proc rw");
        assertEquals("proc", none.fsType());
        assertEquals("/proc", none.mountPoint());
        Mount two = Mount.parse("95 31 259:3 / /home rw,relatime shared:63 master:2 - ext4 /dev/nvme0n1p3 rw");
        assertEquals("ext4", two.fsType());
        assertEquals("/dev/nvme0n1p3", two.source());
    }

    @Test
    void decodesOctalEscapes() {
        Mount m = Mount.parse("97 31 8:17 /a\\134b /mnt/backup\\040disk ro,relatime shared:65 - ext4 /dev/sdb1 rw");
        assertEquals("/mnt/backup disk", m.mountPoint());
        assertEquals("/a\\b", m.root());
        assertTrue(m.readOnly());
        assertEquals("x\\9", Mount.unescape("x\\9"), "not an escape");
    }

    @Test
    void cgroupControllersAreTheSuperOptions() {
        Mount m = Mount.parse("32 29 0:25 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:13 - cgroup cgroup rw,cpu,cpuacct");
        assertTrue(Mount.hasOption(m.superOptions(), "cpuacct"));
        assertTrue(Mount.hasOption(m.superOptions(), "cpu"));
        assertFalse(Mount.hasOption(m.superOptions(), "memory"));
        assertFalse(Mount.hasOption("rw,memory_recursiveprot", "memory"));
    }

    @Test
    void rejectsWhatIsNotAMountLine() {
        assertNull(Mount.parse(""));
        assertNull(Mount.parse("garbage"));
        assertNull(Mount.parse("a b c d e f - ext4"));
        assertNull(Mount.parse("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1"));
    }

    @Test
    void readAllReportsAMissingFile(@TempDir Path tmp) {
        assertThrows(NoSuchFileException.class, () -> Mount.readAll(tmp.resolve("mountinfo")));
    }
}
