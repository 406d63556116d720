package com.example.bot;

/** The part of a Telegram Update the bot uses. Immutable. */
public record Update(long updateId, long userId, long chatId, String text) {
}
