package io.factlint.cli;

import io.factlint.engine.Phases;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/** {@code --profile}: the phases of a check with their wall times, and the JVM's uptime, on standard error. */
final class Profile {
    private Profile() {
    }

    static void print(Phases phases, PrintWriter err) {
        long total = 0;
        for (Map.Entry<String, Long> e : phases.nanos().entrySet()) {
            err.printf(Locale.ROOT, "profile: %-18s %9.1f ms%n", e.getKey(), e.getValue() / 1e6);
            total += e.getValue();
        }
        err.printf(Locale.ROOT, "profile: %-18s %9.1f ms%n", "phases", total / 1e6);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        err.printf(Locale.ROOT, "profile: %-18s %9d ms (JVM start to now)%n", "uptime", uptime);
        Runtime rt = Runtime.getRuntime();
        err.printf(Locale.ROOT, "profile: %-18s %9d MB used of %d MB max%n", "heap",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        err.printf(Locale.ROOT, "profile: %-18s %9d MB (sum of the heap pools' peaks)%n", "heap peak", peak >> 20);
        phases.notes().forEach((k, v) -> err.println("profile: " + k + ": " + v));
        err.flush();
    }
}
