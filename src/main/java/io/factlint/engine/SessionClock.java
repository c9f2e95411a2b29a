package io.factlint.engine;

import java.lang.management.ThreadMXBean;

/**
 * The time limit of one rule session ({@code --timeout}). It counts from when the session's rules start firing, so
 * that building the session, waiting for a worker and inserting the facts never count; and it counts the session's
 * own time only: the CPU time its worker thread used, plus the time that thread spent waiting of its own accord
 * (sleeping, on a lock, on I/O that blocks it), never the time the thread was ready to run but the machine gave the
 * processor to others. So a rule that spins is stopped after {@code --timeout} of its own computing however loaded
 * the machine (on a busy machine that takes longer by the clock on the wall), a rule that sleeps after
 * {@code --timeout} by the wall clock, and a valid check does not fail because other programs keep the processors
 * busy. The count never exceeds the wall time; where the JVM has no per-thread CPU clock it is the wall time.
 *
 * <p>The first half of the limit is counted by the wall clock (conservatively: at most the wall time is the session's
 * own); only a spell that lasts longer starts reading the worker's CPU clock. So a check whose sessions each fire
 * for less than half the limit never loads the JVM's thread-management machinery (about 25 ms of start-up).
 *
 * <p>Drools 10 does all matching, constraints included, when the session fires. Inserting still has an allowance of
 * its own of the same length per spell of inserting, counted the same way, so that nothing run then is unbounded.
 *
 * <p>The worker thread starts and ends the spells ({@link #inserting}, {@link #pause}, {@link #firing},
 * {@link #stop}); one watching thread reads them ({@link #late}, {@link #untilLimit}), sampling whether the worker
 * is waiting each time it looks (at most {@link Engine}'s look interval apart).
 */
final class SessionClock {
    static final String WAITING = "waiting", INSERTING = "inserting", FIRING = "firing", DONE = "done";

    /** The JVM's per-thread CPU clock, loaded on first use only. */
    private static final class Cpu {
        static final ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

        static long of(Thread t) {
            try {
                return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled() ? THREADS.getThreadCpuTime(t.getId()) : -1;
            } catch (UnsupportedOperationException | SecurityException e) {
                return -1;
            }
        }
    }

    /** One counted stretch of a session: inserting or firing, on {@code thread}, from this wall-clock reading. */
    private record Spell(Thread thread, long wallStart) {
    }

    private final long limit;
    private volatile Spell spell;
    /** what the session does now: waiting, inserting, firing or done */
    volatile String phase = WAITING;

    // kept by the watching thread only
    private Spell seen;
    /** from when (wall clock) the spell's own time is counted by its CPU clock, and its readings then; -1: not yet */
    private long mark = -1;
    private long counted;
    private long cpuAtMark;
    private long waited;
    private long lastLook;

    /** {@code limitNanos}: {@code Long.MAX_VALUE} for none. */
    SessionClock(long limitNanos) {
        this.limit = limitNanos;
    }

    void inserting() {
        start(INSERTING);
    }

    /** Between two spells of inserting (the session's own Java work: timelines, day groups). */
    void pause() {
        spell = null;
        phase = WAITING;
    }

    void firing() {
        start(FIRING);
    }

    void stop() {
        spell = null;
        phase = DONE;
    }

    private void start(String p) {
        if (limit != Long.MAX_VALUE) spell = new Spell(Thread.currentThread(), System.nanoTime());
        phase = p;
    }

    /** Watching thread: whether the current spell has used up the limit. */
    boolean late(long now) {
        long s = spent(now);
        return s >= 0 && s >= limit;
    }

    /** Watching thread: the least wall time before the current spell can pass the limit (or should be looked at). */
    long untilLimit(long now) {
        long s = spent(now);
        if (s < 0) return Long.MAX_VALUE;
        if (mark < 0) return Math.max(0, limit / 2 - s);
        return Math.max(0, limit - s);
    }

    /** The own time of the current spell (at most the wall time), or -1 when nothing counts. */
    long spent(long now) {
        Spell s = spell;
        if (s == null) return -1;
        if (s != seen) {
            seen = s;
            mark = -1;
        }
        long wall = now - s.wallStart();
        if (mark < 0) {
            if (wall < limit / 2) return wall;
            long cpu = Cpu.of(s.thread());
            if (cpu < 0) return wall;
            mark = now;
            counted = wall;
            cpuAtMark = cpu;
            waited = 0;
            lastLook = now;
            return wall;
        }
        Thread.State st = s.thread().getState();
        // the stretch since the last look is taken to be as the thread is now: a sample every look interval
        if (st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING || st == Thread.State.BLOCKED) {
            waited += Math.max(0, now - lastLook);
        }
        lastLook = Math.max(lastLook, now);
        long cpu = Cpu.of(s.thread());
        if (cpu < 0) return wall;
        return Math.min(wall, counted + (cpu - cpuAtMark) + waited);
    }
}
