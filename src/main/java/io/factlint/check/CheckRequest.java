package io.factlint.check;

import io.factlint.engine.EngineLimits;
import io.factlint.ingest.ParserLimits;
import io.factlint.model.Severity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What to check and how to judge it, one request per check (the rule pack is the {@link CheckPipeline}'s):
 *
 * @param paths     fact files or folders, read recursively in path order
 * @param waivers   the waivers file; null: every {@code waivers.json}/{@code .yaml}/{@code .yml} in the checked folders
 * @param baseline  a JSON report of an earlier run to compare with, or null
 * @param failOn    the least severe level that fails the check; null: never
 * @param failOnNew with a baseline: only new findings count toward {@code failOn}
 * @param parser    limits on fact files ({@code --parser-limit})
 * @param engine    limits on the rule session ({@code --timeout}, firings)
 * @param clock     what "today" is, for the expiry of waivers
 */
public record CheckRequest(List<Path> paths, Path waivers, Path baseline, Severity failOn, boolean failOnNew,
                           ParserLimits parser, EngineLimits engine, Clock clock) {

    public CheckRequest {
        paths = List.copyOf(paths);
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        if (failOnNew && baseline == null) throw new IllegalArgumentException("failOnNew needs a baseline");
    }

    /**
     * The check {@code factlint check PATHS} makes: waivers found in the folders, no baseline, {@code --fail-on error},
     * the default limits, today from the system clock.
     */
    public static CheckRequest of(List<Path> paths) {
        return new CheckRequest(paths, null, null, Severity.ERROR, false, ParserLimits.defaults(),
                EngineLimits.defaults(), Clock.systemDefaultZone());
    }

    public CheckRequest withWaivers(Path file) {
        return new CheckRequest(paths, file, baseline, failOn, failOnNew, parser, engine, clock);
    }

    public CheckRequest withBaseline(Path report, boolean onlyNew) {
        return new CheckRequest(paths, waivers, report, failOn, onlyNew, parser, engine, clock);
    }

    public CheckRequest withFailOn(Severity level) {
        return new CheckRequest(paths, waivers, baseline, level, failOnNew, parser, engine, clock);
    }

    public CheckRequest withParserLimits(ParserLimits limits) {
        return new CheckRequest(paths, waivers, baseline, failOn, failOnNew, limits, engine, clock);
    }

    public CheckRequest withEngineLimits(EngineLimits limits) {
        return new CheckRequest(paths, waivers, baseline, failOn, failOnNew, parser, limits, clock);
    }

    public CheckRequest withClock(Clock today) {
        return new CheckRequest(paths, waivers, baseline, failOn, failOnNew, parser, engine, today);
    }
}
