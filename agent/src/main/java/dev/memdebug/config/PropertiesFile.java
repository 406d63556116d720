package dev.memdebug.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code agent.properties}: UTF-8, {@code key = value} (or {@code key: value}), comments from
 * {@code #} or {@code !} at the start of a line and from a {@code #} with whitespace on both sides (or at
 * the end of the line), so {@code Class#method} and {@code Order #{arg0}} survive while
 * {@code value   # note} loses its note; {@code \#} writes a {@code #} that would otherwise start a
 * comment; a trailing backslash continues a line. Unlike {@link java.util.Properties} it keeps the order and line number of every
 * entry (order decides the snapshot layout; line numbers go into messages) and reports, rather than
 * drops, lines it cannot read. Stateless.
 */
public final class PropertiesFile {

    /** What a file held: its entries in order and the lines that were not entries. */
    public record Content(List<ConfigEntry> entries, List<ConfigProblem> problems) {
    }

    private PropertiesFile() {
    }

    public static Content read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
            List<ConfigProblem> problems = new ArrayList<>();
            problems.add(new ConfigProblem(file.toString(), null, "is not valid UTF-8; it was read as ISO-8859-1, so non-ASCII text may be wrong"));
            Content content = parse(text, file.toString());
            problems.addAll(content.problems());
            return new Content(content.entries(), problems);
        }
        return parse(text, file.toString());
    }

    public static Content parse(String text, String sourceName) {
        List<ConfigEntry> entries = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            StringBuilder logical = new StringBuilder(stripComment(lines[i]));
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(stripComment(lines[++i]).strip());
            }
            String line = logical.toString().strip();
            if (line.isEmpty()) {
                continue;
            }
            String source = sourceName + ":" + lineNumber;
            int sep = separator(line);
            if (sep < 0) {
                problems.add(new ConfigProblem(source, null, "'" + abbreviate(line) + "' is not a 'key = value' line"));
                continue;
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            if (key.isEmpty()) {
                problems.add(new ConfigProblem(source, null, "'" + abbreviate(line) + "' has no key before '" + line.charAt(sep) + "'"));
                continue;
            }
            entries.add(new ConfigEntry(key, value, source));
        }
        return new Content(entries, problems);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
    }

    /** {@code text} split at {@code \\r\\n}, {@code \\n} and {@code \\r}, every line kept (the last may be empty). */
    static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(from, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        lines.add(text.substring(from));
        return lines.toArray(new String[0]);
    }

    private static String stripComment(String raw) {
        String trimmed = raw.stripLeading();
        if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return "";
        }
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))
                    && (i + 1 == raw.length() || Character.isWhitespace(raw.charAt(i + 1)))) {
                return unescapeHash(raw.substring(0, i).stripTrailing());
            }
        }
        return unescapeHash(raw.stripTrailing());
    }

    private static String unescapeHash(String s) {
        return s.indexOf("\\#") < 0 ? s : s.replace("\\#", "#");
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
