package com.example.bot;

/**
 * The parts of a Telegram message update the bot uses. Immutable.
 *
 * @param updateId the update's {@code update_id}
 * @param userId   the sender's id ({@code message.from.id})
 * @param chatId   the chat to answer in ({@code message.chat.id})
 * @param text     the message text, empty for messages without text (a photo, a sticker)
 */
public record Update(long updateId, long userId, long chatId, String text) {

    public Update {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null; use \"\" for messages without text");
        }
    }
}
