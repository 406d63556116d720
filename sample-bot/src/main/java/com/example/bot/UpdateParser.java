package com.example.bot;

import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON of a Telegram Update, as a webhook receives it. Only message updates concern the
 * bot; other kinds (an edited message, a callback query) parse to {@link Optional#empty()}.
 * Stateless.
 */
public final class UpdateParser {

    private UpdateParser() {
    }

    /**
     * @return the message update, or empty for an update of another kind
     * @throws IllegalArgumentException if {@code json} is not JSON, not an object, or lacks
     *                                  {@code update_id}, {@code message.from.id} or {@code message.chat.id}
     */
    public static Optional<Update> parse(String json) {
        Map<?, ?> update = object(Json.parse(json), "the update");
        long updateId = integer(update, "update_id", "update_id");
        Object message = update.get("message");
        if (message == null) {
            return Optional.empty();
        }
        Map<?, ?> fields = object(message, "message");
        long userId = integer(object(fields.get("from"), "message.from"), "id", "message.from.id");
        long chatId = integer(object(fields.get("chat"), "message.chat"), "id", "message.chat.id");
        Object text = fields.get("text");
        if (text != null && !(text instanceof String)) {
            throw new IllegalArgumentException("message.text must be a string");
        }
        return Optional.of(new Update(updateId, userId, chatId, text == null ? "" : (String) text));
    }

    private static Map<?, ?> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(path + " is missing or not a JSON object");
    }

    private static long integer(Map<?, ?> object, String key, String path) {
        if (object.get(key) instanceof Long value) {
            return value;
        }
        throw new IllegalArgumentException(path + " is missing or not an integer");
    }
}
