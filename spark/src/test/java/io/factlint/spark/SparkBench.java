package io.factlint.spark;

import io.factlint.cli.Main;
import io.factlint.model.Severity;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Local-mode throughput of factlint-spark per input format, beside the CLI's check of the same archive in the same
 * JVM, and the per-executor cost (run by {@code spark/bench.sh}; docs/performance.md, "Spark"). Not a test: it
 * prints medians of wall and CPU time; nothing is asserted about speed.
 *
 * <p>Arguments: facts (default 100000), measured runs per format (default 3), work folder (default target/bench).
 */
public final class SparkBench {
    private SparkBench() {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.isEmpty() ? -1 : s.get(s.size() / 2);
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        Path rules = Path.of("..", "rules").toAbsolutePath().normalize();
        Path facts = work.resolve("facts-" + n);
        if (!Files.isDirectory(facts)) {
            Class<?> gen = Class.forName("io.factlint.bench.FactSetGenerator");
            gen.getMethod("generate", Path.class, int.class, long.class).invoke(null, facts, n, 3L);
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("factlint-bench")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("facts", facts.toString());
        for (String f : List.of("jsonl", "parquet")) {
            Path out = work.resolve("rows-" + f + "-" + n);
            long w = System.nanoTime(), c = cpuNanos();
            SparkCheck.Outcome o = SparkCheck.convert(spark, new SparkCheck.Options(rules, facts.toString(), out.toString(),
                    "json", Severity.ERROR, 600, 0, "facts", f));
            if (o.exitCode() != 0) throw new IllegalStateException(String.join("\n", o.errors()));
            System.out.printf(Locale.ROOT, "convert %-7s %7d ms wall %7d ms CPU  %s%n", f, (System.nanoTime() - w) / 1_000_000,
                    (cpuNanos() - c) / 1_000_000, o.summary());
            inputs.put(f, out.toString());
        }
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
        Map<String, List<Long>> wall = new TreeMap<>(), cpu = new TreeMap<>();
        Map<String, Map<String, List<Long>>> stats = new TreeMap<>();
        for (int r = -1; r < runs; r++) { // run -1 warms the JVM (and the rule cache) and is not counted
            {
                long w = System.nanoTime(), c = cpuNanos();
                int exit = Main.run(new String[]{"check", "--rules", rules.toString(), "--format", "json", "--timeout", "600",
                        facts.toString()}, nul, nul);
                if (exit > 1) throw new IllegalStateException("CLI exit " + exit);
                if (r >= 0) {
                    wall.computeIfAbsent("cli", k -> new ArrayList<>()).add((System.nanoTime() - w) / 1_000_000);
                    cpu.computeIfAbsent("cli", k -> new ArrayList<>()).add((cpuNanos() - c) / 1_000_000);
                }
            }
            for (Map.Entry<String, String> in : inputs.entrySet()) {
                Path out = work.resolve("out-" + in.getKey());
                long w = System.nanoTime(), c = cpuNanos();
                SparkCheck.Outcome o = SparkCheck.run(spark, new SparkCheck.Options(rules, in.getValue(), out.toString(),
                        "json", Severity.ERROR, 600, 0, in.getKey(), null));
                if (o.exitCode() > 1) throw new IllegalStateException(String.join("\n", o.errors()));
                if (r < 0) continue;
                wall.computeIfAbsent(in.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - w) / 1_000_000);
                cpu.computeIfAbsent(in.getKey(), k -> new ArrayList<>()).add((cpuNanos() - c) / 1_000_000);
                for (var s : o.stats().entrySet()) {
                    stats.computeIfAbsent(in.getKey(), k -> new TreeMap<>()).computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(s.getValue());
                }
            }
        }
        long cliWall = median(wall.get("cli"));
        System.out.printf(Locale.ROOT, "%n%d facts, local[2], %d runs each (medians), same JVM%n", n, runs);
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %10s %8s%n", "input", "wall ms", "CPU ms", "facts/s", "vs CLI");
        for (String k : wall.keySet()) {
            long w = median(wall.get(k)), c = median(cpu.get(k));
            System.out.printf(Locale.ROOT, "%-8s %9d %9d %10.0f %8.2f%n", k, w, c, n * 1000.0 / w, (double) w / cliWall);
        }
        for (var e : stats.entrySet()) {
            System.out.println();
            System.out.println(e.getKey() + ": medians of the run's timings (ms; executor.rules/facts: once per executor JVM and run, CPU of the JVM; executor.partitions: wall summed over partitions, count = partitions; their CPU is driver.job's)");
            for (var s : e.getValue().entrySet()) if (!s.getKey().equals("executor.partitions.cpuMs")) System.out.printf(Locale.ROOT, "  %-32s %9d%n", s.getKey(), median(s.getValue()));
        }
        spark.stop();
    }
}
