package com.example.bot;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scripted workloads of {@code --simulate}, each with the failure patterns and the download
 * bandwidth it needs; {@link Simulator} holds the scripts.
 */
public enum Scenario {

    STEADY("steady", "three users come and go with 5-20 MB downloads; stays well under 512 MB",
            Duration.ofSeconds(60), Set.of(), 40),
    SEED_CRASH("seed-crash", "the guide's timeline: a new user every 2 s past the session limit, 40-80 MB downloads pile up",
            Duration.ofSeconds(600), Set.of(FailurePattern.NO_SESSION_LIMIT), 4),
    LEAK("leak", "one user's 10-20 MB downloads, back to back, keep their buffers: memory grows 3 MB/s",
            Duration.ofSeconds(600), Set.of(FailurePattern.LEAK_DOWNLOADS), 3),
    SPIKE("spike", "5 s of normal use, then one 700 MB download at 400 MB/s",
            Duration.ofSeconds(60), Set.of(), 400);

    private final String id;
    private final String description;
    private final Duration defaultDuration;
    private final Set<FailurePattern> failures;
    private final int bandwidthMbPerSecond;

    Scenario(String id, String description, Duration defaultDuration, Set<FailurePattern> failures, int bandwidthMbPerSecond) {
        this.id = id;
        this.description = description;
        this.defaultDuration = defaultDuration;
        this.failures = failures;
        this.bandwidthMbPerSecond = bandwidthMbPerSecond;
    }

    /** The name given to {@code --simulate}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** How long the scenario runs when {@code --duration} is not given. */
    public Duration defaultDuration() {
        return defaultDuration;
    }

    /** The failure patterns the scenario turns on. */
    public Set<FailurePattern> failures() {
        return failures;
    }

    /** The download bandwidth the scenario runs at unless {@code --bandwidth} is given. */
    public int bandwidthMbPerSecond() {
        return bandwidthMbPerSecond;
    }

    /** The scenario with this {@link #id()}; {@link IllegalArgumentException} naming the valid ones otherwise. */
    public static Scenario byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "' (known: "
                        + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")) + ")"));
    }
}
