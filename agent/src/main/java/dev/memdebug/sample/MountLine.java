package dev.memdebug.sample;

/**
 * One line of {@code /proc/self/mountinfo}:
 * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}. Octal escapes
 * ({@code \040} for a space) are decoded. Immutable.
 *
 * @param root         the part of the file system mounted here
 * @param mountPoint   where it is mounted
 * @param fsType       the file-system type, e.g. {@code overlay}, {@code ext4}, {@code cgroup2}
 * @param source       the mount source, e.g. {@code /dev/nvme1n1}
 * @param superOptions the per-super-block options (for cgroup v1, the controllers)
 */
public record MountLine(String root, String mountPoint, String fsType, String source, String superOptions) {

    /** Parses a line, or returns {@code null} when it is not a mountinfo line. */
    public static MountLine parse(String line) {
        String[] f = line.trim().split(" ");
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (f.length < 10 || dash < 0 || dash + 3 >= f.length + 1) {
            return null;
        }
        String fsType = f[dash + 1];
        String source = dash + 2 < f.length ? unescape(f[dash + 2]) : "";
        String superOptions = dash + 3 < f.length ? f[dash + 3] : "";
        return new MountLine(unescape(f[3]), unescape(f[4]), fsType, source, superOptions);
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() + 0 && i + 3 <= s.length() - 1 + 1 && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
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
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
