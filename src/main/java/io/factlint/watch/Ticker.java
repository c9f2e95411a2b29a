package io.factlint.watch;

/**
 * The clock a watch measures its quiet time and its re-checks with: monotonic nanoseconds. In production
 * {@link #SYSTEM}; in tests a clock that only moves when the scripted events say so.
 */
@FunctionalInterface
public interface Ticker {
    /** {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds since an arbitrary origin; only differences mean something. */
    long nanoTime();
}
