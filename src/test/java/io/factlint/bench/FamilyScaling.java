package io.factlint.bench;

import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.Engine;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.Phases;
import io.factlint.engine.RulePack;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The scaling curve of each rule family: for each size, the generated facts are loaded once, then checked by a
 * rule pack holding only that family's DRL files (with the whole vocabulary), {@code --runs} times; the median
 * of insert + fire + collect is printed per family and size, with the ratios between consecutive sizes. A linear
 * family grows about 10× per 10× facts; a quadratic one about 100×. The whole pack's findings are compared with
 * what the generator planted.
 *
 * <pre>java ... io.factlint.bench.FamilyScaling --sizes 10000,100000,1000000 --data DIR [--runs 3] [--rules rules]</pre>
 */
public final class FamilyScaling {
    /** Family name to its DRL files (claims need the figures they speak of; certainty needs claim verdicts). */
    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("status", List.of("status.drl"));
        FAMILIES.put("counts", List.of("counts.drl"));
        FAMILIES.put("dates", List.of("dates.drl"));
        FAMILIES.put("quotes", List.of("quotes.drl"));
        FAMILIES.put("figures+claims", List.of("figures.drl", "claims.drl"));
        FAMILIES.put("sources(+claims)", List.of("sources.drl", "figures.drl", "claims.drl"));
        FAMILIES.put("all", List.of());
    }

    /** The process's CPU time: the engine fires its rules on a worker thread of its own. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        Path data = Path.of("target/bench-data");
        Path rules = Path.of("rules");
        int runs = 3;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
                case "--data" -> data = Path.of(args[++i]);
                case "--rules" -> rules = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--families" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, RulePack> packs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : FAMILIES.entrySet()) {
            if (only != null && !only.contains(f.getKey())) continue;
            packs.put(f.getKey(), RulePack.load(f.getValue().isEmpty() ? rules : subset(rules, f.getValue())));
        }
        Map<String, Map<Integer, Double>> table = new LinkedHashMap<>();
        boolean ok = true;
        for (int size : sizes) {
            Path dir = data.resolve("facts-" + size);
            FactSetGenerator.Result planted = Generated.ensure(dir, size, 1);
            long t = System.nanoTime();
            FactBase base = new FactLoader(packs.values().iterator().next().vocabulary().statusWords()).load(List.of(dir));
            System.out.printf(Locale.ROOT, "size %,d: %,d facts, %,d files, loaded in %.0f ms%n", size, base.facts().size(),
                    base.files().size(), (System.nanoTime() - t) / 1e6);
            for (Map.Entry<String, RulePack> p : packs.entrySet()) {
                double[] ms = new double[runs];
                double[] cpu = new double[runs];
                CheckResult last = null;
                for (int r = 0; r < runs; r++) {
                    System.gc();
                    Phases phases = new Phases();
                    long s = System.nanoTime();
                    long c = OS.getProcessCpuTime();
                    last = new CheckPipeline(p.getValue(), phases).run(base, CheckRequest.of(List.of(dir))
                            .withEngineLimits(new EngineLimits(null, Duration.ofMinutes(30)))).result();
                    cpu[r] = (OS.getProcessCpuTime() - c) / 1e6;
                    ms[r] = (System.nanoTime() - s) / 1e6;
                }
                double median = median(cpu);
                table.computeIfAbsent(p.getKey(), k -> new TreeMap<>()).put(size, median);
                System.out.printf(Locale.ROOT, "  %-18s cpu median %9.1f ms %s  wall median %9.1f ms %s  findings %,d%n", p.getKey(),
                        median, Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()), median(ms),
                        Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()), last.findings().size());
                if (p.getKey().equals("all")) {
                    Map<String, Integer> got = countByRule(last.findings());
                    if (!got.equals(planted.expected())) {
                        ok = false;
                        System.out.println("  MISMATCH: planted " + planted.expected() + "\n            found   " + got);
                    } else {
                        System.out.printf(Locale.ROOT, "  all findings as planted (%,d)%n", planted.expectedTotal());
                    }
                }
            }
            base = null;
        }
        System.out.println();
        System.out.println("Medians of the check thread's CPU time (insert + fire + collect), in ms; the machine's noise"
                + " hardly touches CPU time. A linear family grows ~10x per 10x facts, a quadratic one ~100x.");
        System.out.print(String.format(Locale.ROOT, "%-18s", "family (cpu ms)"));
        for (int s : sizes) System.out.printf(Locale.ROOT, " %12s", String.format(Locale.ROOT, "%,d", s));
        for (int i = 1; i < sizes.size(); i++) System.out.printf(Locale.ROOT, " %10s", "x" + label(sizes.get(i)) + "/" + label(sizes.get(i - 1)));
        System.out.println();
        for (Map.Entry<String, Map<Integer, Double>> row : table.entrySet()) {
            System.out.printf(Locale.ROOT, "%-18s", row.getKey());
            for (int s : sizes) System.out.printf(Locale.ROOT, " %12.1f", row.getValue().getOrDefault(s, Double.NaN));
            for (int i = 1; i < sizes.size(); i++) {
                System.out.printf(Locale.ROOT, " %10.1f", row.getValue().get(sizes.get(i)) / row.getValue().get(sizes.get(i - 1)));
            }
            System.out.println();
        }
        if (!ok) System.exit(1);
    }

    static String label(int n) {
        return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static Map<String, Integer> countByRule(List<Finding> findings) {
        Map<String, Integer> n = new TreeMap<>();
        for (Finding f : findings) n.merge(f.rule(), 1, Integer::sum);
        return n;
    }

    /** A temporary rules folder with the given DRL files and every non-DRL file (the vocabulary) of {@code rules}. */
    static Path subset(Path rules, List<String> drl) throws IOException {
        Path dir = Files.createTempDirectory("factlint-family-");
        dir.toFile().deleteOnExit();
        List<Path> all;
        try (Stream<Path> s = Files.walk(rules)) {
            all = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        for (Path p : all) {
            String name = p.getFileName().toString();
            if (name.endsWith(".drl") && !drl.contains(name)) continue;
            Path target = dir.resolve(rules.relativize(p).toString());
            Files.createDirectories(target.getParent());
            Files.copy(p, target);
            target.toFile().deleteOnExit();
        }
        return dir;
    }
}
