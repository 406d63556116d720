package dev.memdebug.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /proc/<pid>/mountinfo} (see proc(5)):
 *
 * <pre>
 * 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)    (10)         (11)
 * </pre>
 *
 * The optional fields (7) may be absent or repeated; the separator {@code -} ends them. The kernel writes
 * a space, tab, newline and backslash in paths as {@code \040}, {@code \011}, {@code \012} and
 * {@code \134}; {@link #parse} decodes them. Immutable.
 *
 * @param id           the mount ID (1)
 * @param parentId     the parent mount's ID (2)
 * @param device       {@code major:minor} of the file system (3)
 * @param root         the directory of the file system that is mounted here (4): {@code /} for a whole
 *                     file system, the source directory for a bind mount, the cgroup a container's
 *                     cgroup hierarchy starts at
 * @param mountPoint   where it is mounted, relative to the process's root (5)
 * @param options      per-mount options, e.g. {@code rw,relatime} (6)
 * @param fsType       the file-system type (9), e.g. {@code overlay}, {@code ext4}, {@code cgroup2},
 *                     {@code fuse.sshfs}
 * @param source       the mount source (10), e.g. {@code /dev/nvme1n1}, {@code overlay}, {@code none}
 * @param superOptions per-super-block options (11); for a cgroup v1 hierarchy, its controllers
 */
public record Mount(int id, int parentId, String device, String root, String mountPoint, String options,
                    String fsType, String source, String superOptions) {

    /** Parses one line; returns {@code null} when it is not a mountinfo line. Never throws. */
    public static Mount parse(String line) {
        String[] f = line.trim().split(" ");
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (dash < 0 || dash + 1 >= f.length) {
            return null;
        }
        try {
            return new Mount(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]),
                    f[2],
                    unescape(f[3]),
                    unescape(f[4]),
                    f[5],
                    f[dash + 1],
                    dash + 2 < f.length ? unescape(f[dash + 2]) : "",
                    dash + 3 < f.length ? f[dash + 3] : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * All mounts of a mountinfo file, in the file's order (a later mount at the same mount point hides an
     * earlier one). Lines that do not parse are skipped.
     *
     * @throws IOException when the file cannot be read
     */
    public static List<Mount> readAll(Path mountInfo) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(mountInfo, StandardCharsets.UTF_8)) {
            Mount m = parse(line);
            if (m != null) {
                mounts.add(m);
            }
        }
        return mounts;
    }

    /** Whether the mount is read-only ({@code ro} among the per-mount options). */
    public boolean readOnly() {
        return hasOption(options, "ro");
    }

    /** Whether {@code option} is one of the comma-separated {@code options}. */
    public static boolean hasOption(String options, String option) {
        int from = 0;
        while (from <= options.length()) {
            int comma = options.indexOf(',', from);
            int end = comma < 0 ? options.length() : comma;
            if (end - from == option.length() && options.startsWith(option, from)) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
        return false;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s, i + 1, i + 4, 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
