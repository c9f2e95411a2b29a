package io.factlint.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session clock on real threads: nothing counts before the rules fire; a firing thread that sleeps and one that
 * computes both pass the limit, by the wall clock and by their own time; no limit is never late.
 */
class SessionClockTest {
    private static final long LIMIT = 200_000_000L;

    /** Starts a worker that moves {@code clock} as a session does and then runs {@code work} while firing. */
    private static Thread worker(SessionClock clock, Runnable work, CountDownLatch firing, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            clock.inserting();
            clock.pause();
            clock.firing();
            firing.countDown();
            while (!stop.get()) work.run();
            clock.stop();
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Wall milliseconds from when the worker fires until the clock says late (at most 20 s). */
    private static long millisUntilLate(SessionClock clock, Runnable work) throws Exception {
        CountDownLatch firing = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = worker(clock, work, firing, stop);
        firing.await();
        long start = System.nanoTime();
        try {
            while (!clock.late(System.nanoTime())) {
                assertThat(System.nanoTime() - start).as("late within 20 s").isLessThan(20_000_000_000L);
                Thread.sleep(10);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            stop.set(true);
            t.join(5_000);
        }
    }

    @Test
    void aSleepingRuleIsLateAfterTheLimitByTheWallClock() throws Exception {
        long ms = millisUntilLate(new SessionClock(LIMIT), () -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(ms).isGreaterThanOrEqualTo(LIMIT / 1_000_000 - 20);
    }

    @Test
    void aComputingRuleIsLateAfterTheLimitOfItsOwnTime() throws Exception {
        long[] x = {0};
        long ms = millisUntilLate(new SessionClock(LIMIT), () -> {
            for (int i = 0; i < 1000; i++) x[0] = (x[0] * 31 + i) % 1_000_003;
        });
        assertThat(ms).isGreaterThanOrEqualTo(LIMIT / 1_000_000 - 20);
    }

    @Test
    void nothingCountsOutsideASpellAndNoLimitIsNeverLate() throws Exception {
        SessionClock clock = new SessionClock(0);
        assertThat(clock.late(System.nanoTime())).as("waiting").isFalse();
        clock.inserting();
        clock.pause();
        assertThat(clock.late(System.nanoTime())).as("between spells").isFalse();
        clock.firing();
        assertThat(clock.late(System.nanoTime())).as("a limit of 0 while firing").isTrue();
        clock.stop();
        assertThat(clock.late(System.nanoTime())).as("done").isFalse();
        SessionClock none = new SessionClock(Long.MAX_VALUE);
        none.firing();
        Thread.sleep(20);
        assertThat(none.late(System.nanoTime())).isFalse();
        assertThat(none.untilLimit(System.nanoTime())).isEqualTo(Long.MAX_VALUE);
    }
}
