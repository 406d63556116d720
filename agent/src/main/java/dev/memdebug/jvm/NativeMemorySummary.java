package dev.memdebug.jvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed figures of a Native Memory Tracking summary ({@code VM.native_memory summary scale=KB}),
 * largest first. Parses the command's text; stateless.
 */
public final class NativeMemorySummary {

    /** The diagnostic command's operation name on the MBean. */
    public static final String OPERATION = "vmNativeMemory";

    /** One NMT category and the bytes it has committed. */
    public record Category(String name, long committedBytes) {
    }

    /** The total and the categories; {@code totalBytes} is -1 when the output had none (NMT off). */
    public record Summary(long totalBytes, List<Category> categories) {
    }

    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB");

    private NativeMemorySummary() {
    }

    public static Summary parse(String output) {
        long total = -1;
        List<Category> categories = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            Matcher m = TOTAL.matcher(line);
            if (m.find()) {
                total = Long.parseLong(m.group(1)) * 1024;
                continue;
            }
            m = CATEGORY.matcher(line);
            if (m.find()) {
                categories.add(new Category(m.group(1).strip(), Long.parseLong(m.group(2)) * 1024));
            }
        }
        categories.sort(Comparator.comparingLong(Category::committedBytes).reversed());
        return new Summary(total, categories);
    }
}
