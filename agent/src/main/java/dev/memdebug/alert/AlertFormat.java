package dev.memdebug.alert;

import dev.memdebug.log.JsonLine;

/**
 * The body an alert is sent as ({@code alert.format}). Each turns the CRITICAL block, exactly as the log
 * holds it, into one request body.
 */
public enum AlertFormat {

    /** The block as plain UTF-8 text, for a script or a generic endpoint. */
    TEXT("text", "text/plain; charset=utf-8"),
    /** {@code {"type":"critical","app":...,"host":...,"text":...}}, for an endpoint that parses JSON. */
    JSON("json", "application/json"),
    /**
     * A chat message: {@code {"text": ..., "content": ...}}, the block in a code fence. Slack's incoming
     * webhooks read {@code text}, Discord's read {@code content} (at most 2000 characters, so the body
     * is cut to fit both, keeping the first lines, which carry the figures and the snapshot).
     */
    CHAT("chat", "application/json");

    /** Discord's limit on a message, less room for the fence and the cut marker. */
    static final int CHAT_MAX_CHARS = 1900;

    private final String id;
    private final String contentType;

    AlertFormat(String id, String contentType) {
        this.id = id;
        this.contentType = contentType;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    /** The format named {@code id}; {@link IllegalArgumentException} naming the valid ones otherwise. */
    public static AlertFormat byId(String id) {
        for (AlertFormat f : values()) {
            if (f.id.equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("expects one of text, json, chat, not '" + id.strip() + "'");
    }

    /** The request body for {@code block} (the CRITICAL block's text) from {@code app} on {@code host}. */
    public String body(String block, String app, String host) {
        String text = block.strip();
        return switch (this) {
            case TEXT -> text + "\n";
            case JSON -> new JsonLine().put("type", "critical").put("app", app).put("host", host).put("text", text).toString();
            case CHAT -> {
                String head = "memdebug: " + app + " on " + host + "\n";
                String fenced = text.length() > CHAT_MAX_CHARS - head.length()
                        ? text.substring(0, CHAT_MAX_CHARS - head.length()) + "\n…"
                        : text;
                String message = head + "```\n" + fenced + "\n```";
                yield new JsonLine().put("text", message).put("content", message).toString();
            }
        };
    }
}
