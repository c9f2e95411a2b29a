package io.factlint.engine;

import io.factlint.bench.FactSetGenerator;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.testing.DefaultPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues 10.6 and 14.6: the time limit is each session's, counted from when its rules start firing. A check made
 * of many sessions, each of which fires quickly, completes however long the whole check takes (building the
 * sessions, inserting their facts and waiting for a worker never count); the default pack's real rules on a
 * generated fact set, one session per work unit, with a limit of a third of the whole check's time.
 */
class SessionTimeLimitTest {

    @Test
    void aCheckLongerThanTheLimitCompletesWhenNoSessionFiresThatLong(@TempDir Path dir) throws Exception {
        RulePack pack = DefaultPack.get();
        FactSetGenerator.generate(dir, 12_000, 11);
        FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(dir));
        // without a limit, twice: the rules' code is loaded and compiled, then the whole check is timed
        Engine.check(pack, base, new EngineLimits(null, null), Phases.NONE, Engine.Mode.UNIT_SESSIONS);
        long t = System.nanoTime();
        CheckResult unlimited = Engine.check(pack, base, new EngineLimits(null, null), Phases.NONE, Engine.Mode.UNIT_SESSIONS);
        Duration whole = Duration.ofNanos(System.nanoTime() - t);
        // a third of the whole check: far more than any one of its thousand sessions fires (a pause of the machine
        // included: with 3,000 facts a quarter was 13 ms on a fast run, and a loaded CI machine stalled one session
        // past it), far less than all of them
        Duration limit = whole.dividedBy(3);
        long start = System.nanoTime();
        Phases phases = new Phases();
        CheckResult limited = Engine.check(pack, base, new EngineLimits(null, limit), phases, Engine.Mode.UNIT_SESSIONS);
        long took = System.nanoTime() - start;
        // what makes this test mean something: the limited check took longer than its limit (a limit on the whole
        // check, as before, would have stopped it)
        assertThat(Duration.ofNanos(took)).as("the whole check").isGreaterThan(limit);
        assertThat(Integer.parseInt(phases.notes().get("sessions"))).as("sessions").isGreaterThan(100);
        assertThat(limited.findings()).isEqualTo(unlimited.findings());
        assertThat(limited.verdicts()).hasSameSizeAs(unlimited.verdicts());
        assertThat(limited.findings()).isNotEmpty();
    }

    @Test
    void limitsBeyondReachAreNoLimitAndZeroIsAtOnce() {
        assertThat(Engine.limitNanos(null)).isEqualTo(Long.MAX_VALUE);
        assertThat(Engine.limitNanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(Engine.limitNanos(Duration.ofDays(365 * 1000))).isEqualTo(Long.MAX_VALUE);
        assertThat(Engine.limitNanos(Duration.ZERO)).isZero();
        assertThat(Engine.limitNanos(Duration.ofSeconds(2))).isEqualTo(2_000_000_000L);
    }
}
