package dev.memdebug.instrument;

/**
 * A gauge the monitor reads for each snapshot: {@code gauge.queue = com.example.bot.DownloadQueue#size}.
 * The first member after {@code #} is a static field or no-argument method, or, when it is an instance
 * member, is read from the latest instance of the class the app constructed (the agent records it);
 * further {@code .steps} follow getters or fields. Immutable.
 *
 * @param id        the gauge's index
 * @param name      the name after {@code gauge.}
 * @param typeName  the class holding the first member
 * @param path      the member path, e.g. {@code [size]} or {@code [INSTANCE, queue, size]}
 * @param source    where it was configured
 */
public record GaugeSpec(int id, String name, String typeName, String[] path, String source) {
}
