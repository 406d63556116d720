package dev.memdebug.sample;

import dev.memdebug.platform.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a process's memory cgroup directory from its {@code cgroup} and {@code mountinfo} files; the
 * rules are described on {@link CgroupMemory}. Runs once, at start: allocates freely, never throws.
 */
final class CgroupLocator {

    private CgroupLocator() {
    }

    static CgroupMemory locate(Path root, Path procDir) {
        Path cgroupFile = procDir.resolve("cgroup");
        List<String> lines;
        try {
            lines = Files.readAllLines(cgroupFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            String hint = Files.isDirectory(procDir) ? "" : " (no " + procDir + ": not Linux, or /proc is not mounted)";
            return CgroupMemory.none("cannot read " + cgroupFile + ": " + why(e) + hint);
        }
        String v1Path = null;
        String v2Path = null;
        for (String line : lines) {
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String path = line.substring(second + 1).trim();
            if (controllers.isEmpty() && line.startsWith("0:")) {
                v2Path = path;
            } else if (Mount.hasOption(controllers, "memory")) {
                v1Path = path;
            }
        }
        if (v1Path == null && v2Path == null) {
            return CgroupMemory.none(cgroupFile + " names no memory controller and no cgroup v2 hierarchy");
        }
        Path mountInfo = procDir.resolve("mountinfo");
        List<Mount> mounts;
        try {
            mounts = Mount.readAll(mountInfo);
        } catch (IOException | RuntimeException e) {
            return CgroupMemory.none("cannot read " + mountInfo + ": " + why(e));
        }

        List<String> notes = new ArrayList<>();
        if (v1Path != null) {
            Mount mount = hierarchy(mounts, v1Path, false);
            if (mount == null) {
                notes.add("the v1 memory cgroup " + v1Path + " has no cgroup mount with the memory controller in " + mountInfo);
            } else {
                Path dir = directory(root, mount, v1Path, "memory.usage_in_bytes", notes);
                if (dir != null) {
                    return new CgroupMemory(CgroupMemory.Version.V1, dir, List.of(dir), note(notes));
                }
            }
        }
        if (v2Path != null) {
            Mount mount = hierarchy(mounts, v2Path, true);
            if (mount == null) {
                notes.add("the v2 cgroup " + v2Path + " has no cgroup2 mount in " + mountInfo);
            } else {
                Path dir = directory(root, mount, v2Path, "memory.current", notes);
                if (dir != null) {
                    return new CgroupMemory(CgroupMemory.Version.V2, dir, limitDirectories(dir, under(root, mount.mountPoint())), note(notes));
                }
            }
        }
        return CgroupMemory.none(note(notes));
    }

    /** The mount of the hierarchy whose root is the longest prefix of {@code cgroupPath}; else the first one. */
    private static Mount hierarchy(List<Mount> mounts, String cgroupPath, boolean v2) {
        Mount first = null;
        Mount best = null;
        for (Mount m : mounts) {
            boolean match = v2 ? m.fsType().equals("cgroup2")
                    : m.fsType().equals("cgroup") && Mount.hasOption(m.superOptions(), "memory");
            if (!match) {
                continue;
            }
            if (first == null) {
                first = m;
            }
            if (within(cgroupPath, m.root()) && (best == null || m.root().length() > best.root().length())) {
                best = m;
            }
        }
        return best != null ? best : first;
    }

    /**
     * The mount point plus the part of {@code cgroupPath} below the mount's root, when it holds
     * {@code marker}. When that directory does not exist, leading elements of the part are dropped until
     * one does (the mount root does not match the path the process sees, as with some container runtimes
     * on cgroup v1). A path leaving the mount ({@code /../..}: the process is outside the cgroup
     * namespace's root) is taken as the mount point.
     */
    private static Path directory(Path root, Mount mount, String cgroupPath, String marker, List<String> notes) {
        String relative;
        if (cgroupPath.equals("/..") || cgroupPath.startsWith("/../")) {
            relative = "";
        } else if (mount.root().equals("/")) {
            relative = cgroupPath;
        } else if (within(cgroupPath, mount.root())) {
            relative = cgroupPath.substring(mount.root().length());
        } else {
            relative = cgroupPath;
        }
        Path mountPoint = under(root, mount.mountPoint());
        String[] parts = relative.split("/");
        for (int skip = 0; skip <= parts.length; skip++) {
            Path dir = mountPoint;
            for (int i = skip; i < parts.length; i++) {
                if (!parts[i].isEmpty()) {
                    dir = dir.resolve(parts[i]);
                }
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            if (Files.exists(dir.resolve(marker))) {
                if (!dir.equals(mountPoint.resolve(relative.startsWith("/") ? relative.substring(1) : relative))) {
                    notes.add("the cgroup " + cgroupPath + " is not under " + mountPoint + " as mounted (root " + mount.root()
                            + "); using " + dir);
                }
                return dir;
            }
            notes.add(dir + " has no " + marker + (marker.equals("memory.current")
                    ? ": the memory controller is not enabled for this cgroup (or it is the root cgroup)" : ""));
            return null;
        }
        notes.add("no directory for the cgroup " + cgroupPath + " under " + mountPoint);
        return null;
    }

    /** {@code dir} and its parents up to {@code mountPoint}, nearest first: those with a {@code memory.max}. */
    private static List<Path> limitDirectories(Path dir, Path mountPoint) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir);
        if (dir.startsWith(mountPoint)) {
            for (Path d = dir.getParent(); d != null && d.startsWith(mountPoint); d = d.getParent()) {
                if (Files.exists(d.resolve("memory.max"))) {
                    dirs.add(d);
                }
            }
        }
        return dirs;
    }

    private static boolean within(String path, String root) {
        return root.equals("/") || path.equals(root) || path.startsWith(root) && path.charAt(root.length()) == '/';
    }

    private static Path under(Path root, String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    private static String note(List<String> notes) {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static String why(Exception e) {
        return e instanceof NoSuchFileException ? "it does not exist" : e.toString();
    }
}
