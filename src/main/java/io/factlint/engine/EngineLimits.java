package io.factlint.engine;

import java.time.Duration;

/**
 * Guards against runaway rules: at most {@code maxFirings} rule firings (null: 100 per inserted object plus
 * 100,000) and at most {@code timeout} of wall time for firing the rules.
 */
public record EngineLimits(Long maxFirings, Duration timeout) {

    public static EngineLimits defaults() {
        return new EngineLimits(null, Duration.ofSeconds(60));
    }

    long firingsFor(long inserted) {
        return maxFirings != null ? maxFirings : 100 * inserted + 100_000;
    }
}
