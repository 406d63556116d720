package dev.memdebug.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top of a class histogram ({@code GC.class_histogram}): which classes hold the most heap bytes.
 * Parses the command's text; stateless.
 */
public final class ClassHistogram {

    /** The diagnostic command's operation name on the MBean. */
    public static final String OPERATION = "gcClassHistogram";

    /** One row: a class, its instance count and their shallow bytes. */
    public record Row(String className, long instances, long bytes) {
    }

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private ClassHistogram() {
    }

    /** The first {@code top} rows of {@code output} (already sorted by bytes by the JVM); lines that are not rows are skipped. */
    public static List<Row> parse(String output, int top) {
        List<Row> rows = new ArrayList<>(top);
        for (String line : output.split("\n")) {
            if (rows.size() == top) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new Row(readable(m.group(3)), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        return rows;
    }

    /** {@code [B} as {@code byte[]}, {@code [Ljava.lang.String;} as {@code java.lang.String[]}; other names unchanged. */
    static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = jvmName.substring(dims);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            case "Z" -> "boolean";
            default -> element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dims);
    }
}
