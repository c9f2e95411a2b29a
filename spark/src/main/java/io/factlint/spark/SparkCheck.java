package io.factlint.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.CacheOptions;
import io.factlint.engine.Engine;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.engine.WorkUnits;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.Location;
import io.factlint.model.Severity;
import io.factlint.report.JsonReportWriter;
import io.factlint.report.ReportOptions;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * factlint on Apache Spark (docs/spark.md). The driver reads the rule pack (compiling it into the compiled-rule
 * cache) and the fact files (the CLI's loader: the same located errors, exit 2), and cuts the fact base into work
 * units and batches ({@link WorkUnits}). The cache entry and the files go to the executors as broadcast bytes; each
 * executor JVM builds the rules once from the cache bytes (a KieBase cannot be serialised) and reads the facts
 * once, then checks its share of the batches inside {@code mapPartitions}, one short-lived session per batch.
 * The findings, figures and verdicts come back as JSON rows with their sort keys; the driver orders them exactly
 * as the CLI does and writes them as JSON lines or Parquet, with the CLI's summary and exit code.
 *
 * <pre>spark-submit --class io.factlint.spark.SparkCheck factlint-spark.jar --rules rules --out out/ facts/</pre>
 */
public final class SparkCheck {
    private SparkCheck() {
    }

    /** Options: {@code --rules DIR}, {@code --out DIR}, {@code --format json|parquet}, {@code --fail-on LEVEL}, {@code --timeout S}, the input folder. */
    public record Options(Path rules, String input, String out, String format, Severity failOn, long timeoutSeconds,
                          int partitions) implements Serializable {
        static Options parse(String[] args) {
            Path rules = Path.of("rules");
            String input = null, out = null, format = "json";
            Severity failOn = Severity.ERROR;
            long timeout = 600;
            int partitions = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rules" -> rules = Path.of(args[++i]);
                    case "--out" -> out = args[++i];
                    case "--format" -> format = args[++i];
                    case "--fail-on" -> failOn = args[++i].equals("never") ? null : Severity.parse(args[i]);
                    case "--timeout" -> timeout = Long.parseLong(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    default -> {
                        if (args[i].startsWith("-")) throw new IllegalArgumentException("unknown option " + args[i]);
                        input = args[i];
                    }
                }
            }
            if (input == null || out == null) throw new IllegalArgumentException("usage: SparkCheck [--rules DIR] --out DIR [--format json|parquet] FACTS");
            if (!format.equals("json") && !format.equals("parquet")) throw new IllegalArgumentException("--format json or parquet");
            return new Options(rules, input, out, format, failOn, timeout, partitions);
        }
    }

    /** What a run gave: the exit code (as the CLI's), the summary (the JSON report's), and messages for stderr. */
    public record Outcome(int exitCode, String summary, List<String> errors) {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("factlint-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("factlint").getOrCreate();
        Outcome r;
        try {
            r = run(spark, o);
        } finally {
            spark.stop();
        }
        r.errors().forEach(System.err::println);
        if (r.summary() != null) System.out.println(r.summary());
        System.exit(r.exitCode());
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One output row: kind (finding, figure, claim), the key that orders it as the CLI does, and its JSON. */
    public record Row3(String kind, String key, String json) implements Serializable {
    }

    /** What the executors receive: the rules folder's files, the cache entry, the fact files. */
    record Shipment(Map<String, byte[]> rules, Map<String, byte[]> cache, String input, Map<String, byte[]> facts,
                    long timeoutSeconds, String id) implements Serializable {
    }

    public static Outcome run(SparkSession spark, Options o) {
        List<String> errors = new ArrayList<>();
        RulePack pack;
        FactBase base;
        Path cacheDir;
        try {
            cacheDir = Files.createTempDirectory("factlint-spark-cache");
            pack = RulePack.load(o.rules(), CacheOptions.in(cacheDir));
        } catch (RulePackException e) {
            errors.add("factlint: " + e.getMessage());
            return new Outcome(2, null, errors);
        } catch (IOException e) {
            errors.add("factlint: " + e);
            return new Outcome(3, null, errors);
        }
        try {
            base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(Path.of(o.input())));
        } catch (InputException e) {
            errors.add("factlint: " + e.getMessage());
            return new Outcome(2, null, errors);
        }
        List<WorkUnits.Batch> batches = WorkUnits.batches(WorkUnits.split(base), WorkUnits.BATCH_OBJECTS);
        Shipment ship = new Shipment(readTree(o.rules()), readTree(cacheDir), o.input(), readTree(Path.of(o.input())),
                o.timeoutSeconds(), java.util.UUID.randomUUID().toString());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Shipment> b = jsc.broadcast(ship);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) indices.add(i);
        int slices = o.partitions() > 0 ? o.partitions() : Math.max(1, Math.min(batches.size(), jsc.defaultParallelism() * 2));
        List<Row3> rows;
        try {
            rows = jsc.parallelize(indices, slices).mapPartitions((FlatMapFunction<Iterator<Integer>, Row3>) it ->
                    checkPartition(b.value(), it)).collect();
        } catch (RuntimeException e) {
            Throwable c = e;
            while (c.getCause() != null && c.getCause() != c && !(c instanceof RuleFailure)) c = c.getCause();
            errors.add("factlint: the check did not complete: " + (c instanceof RuleFailure ? c.getMessage() : String.valueOf(c)));
            return new Outcome(3, null, errors);
        }
        List<Row3> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row3::kind).thenComparing(Row3::key));
        long[] counts = new long[3];
        for (Row3 r : sorted) {
            if (r.kind().equals("1finding")) counts[r.key().charAt(0) - '0']++;
        }
        write(spark, o, "findings", sorted, "1finding");
        write(spark, o, "figures", sorted, "2figure");
        write(spark, o, "claims", sorted, "3claim");
        long errorsN = counts[Severity.ERROR.ordinal()], warnings = counts[Severity.WARNING.ordinal()],
                infos = counts[Severity.INFO.ordinal()];
        long waived = sorted.stream().filter(r -> r.kind().equals("1finding") && r.json().contains("\"waived\":true")).count();
        // the CLI's gate: a finding at or above --fail-on that no waiver covers fails the check
        boolean passed = o.failOn() == null || sorted.stream().filter(r -> r.kind().equals("1finding"))
                .noneMatch(r -> r.key().charAt(0) - '0' <= o.failOn().ordinal() && !r.json().contains("\"waived\":true"));
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("stories", base.articleCount());
        summary.put("facts", (long) base.facts().size());
        summary.put("claims", (long) base.claims().size());
        summary.put("errors", errorsN);
        summary.put("warnings", warnings);
        summary.put("infos", infos);
        summary.put("waived", waived);
        summary.put("passed", passed);
        summary.put("failOn", o.failOn() == null ? "never" : o.failOn().id());
        try {
            String s = JSON.writeValueAsString(summary);
            write(spark, o, "summary", List.of(new Row3("0summary", "", s)), "0summary");
            return new Outcome(passed ? 0 : 1, s, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(SparkSession spark, Options o, String name, List<Row3> rows, String kind) {
        List<String> lines = rows.stream().filter(r -> r.kind().equals(kind)).map(Row3::json).toList();
        Dataset<String> ds = spark.createDataset(lines, Encoders.STRING()).coalesce(1);
        String target = o.out().endsWith("/") ? o.out() + name : o.out() + "/" + name;
        if (o.format().equals("parquet")) {
            if (lines.isEmpty()) {
                ds.write().mode(SaveMode.Overwrite).text(target); // an empty result: no schema to infer
            } else {
                Dataset<Row> df = spark.read().json(ds);
                df.write().mode(SaveMode.Overwrite).parquet(target);
            }
        } else {
            ds.write().mode(SaveMode.Overwrite).text(target);
        }
    }

    /** Per executor JVM: the rules and facts of a shipment, built once. */
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    private record Loaded(RulePack pack, FactBase base, List<WorkUnits.Batch> batches, Path input, String from, String to) {
    }

    private static Loaded loaded(Shipment s) {
        return LOADED.computeIfAbsent(s.id(), id -> {
            try {
                long t0 = System.nanoTime();
                Path root = Files.createTempDirectory("factlint-executor");
                Path rules = write(root.resolve("rules"), s.rules());
                Path cache = write(root.resolve("cache"), s.cache());
                RulePack pack = RulePack.load(rules, CacheOptions.in(cache));
                long t1 = System.nanoTime();
                Path input = Path.of(s.input());
                String from = null, to = null;
                if (!Files.isDirectory(input) && !Files.isRegularFile(input)) {
                    // not on this machine: the broadcast files, their paths written as the driver wrote them
                    Path local = write(root.resolve("facts"), s.facts());
                    from = local.toString();
                    to = s.input();
                    input = local;
                }
                FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(input));
                List<WorkUnits.Batch> batches = WorkUnits.batches(WorkUnits.split(base), WorkUnits.BATCH_OBJECTS);
                // the per-executor cost, once per JVM (docs/performance.md): on the executor's log
                System.err.printf(java.util.Locale.ROOT, "factlint-spark: executor ready: rules from the cache bytes %d ms, facts %d ms%n",
                        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
                return new Loaded(pack, base, batches, input, from, to);
            } catch (IOException | RulePackException | InputException e) {
                throw new IllegalStateException("factlint executor: " + e.getMessage(), e);
            }
        });
    }

    private static Iterator<Row3> checkPartition(Shipment s, Iterator<Integer> indices) throws RuleFailure {
        Loaded l = loaded(s);
        List<Row3> out = new ArrayList<>();
        ReportOptions options = new ReportOptions("0.1.0", null);
        // the CLI's own pipeline (engine, then review: waivers found beside the facts), on one batch's facts
        CheckPipeline pipeline = new CheckPipeline(l.pack());
        CheckRequest request = CheckRequest.of(List.of(l.input()))
                .withEngineLimits(new EngineLimits(null, Duration.ofSeconds(s.timeoutSeconds())));
        while (indices.hasNext()) {
            int i = indices.next();
            CheckOutcome outcome;
            try {
                outcome = pipeline.run(l.base(), List.of(l.batches().get(i)), request);
            } catch (RulePackException | InputException e) {
                throw new IllegalStateException("factlint executor: " + e.getMessage(), e);
            }
            CheckResult r = outcome.result();
            JsonReportWriter.Report rep = JsonReportWriter.report(outcome, options);
            try {
                for (int k = 0; k < r.findings().size(); k++) {
                    Finding f = r.findings().get(k);
                    out.add(new Row3("1finding", findingKey(f, l), fix(JSON.writeValueAsString(rep.findings().get(k)), l)));
                }
                for (int k = 0; k < r.figures().size(); k++) {
                    Figure g = r.figures().get(k);
                    out.add(new Row3("2figure", g.subject() + "\u0000" + g.attribute() + "\u0000" + pad(i) + pad(k),
                            fix(JSON.writeValueAsString(rep.figures().get(k)), l)));
                }
                for (int k = 0; k < r.verdicts().size(); k++) {
                    ClaimVerdict v = r.verdicts().get(k);
                    out.add(new Row3("3claim", location(v.claim().location(), l) + "\u0000" + v.claim().getRef(),
                            fix(JSON.writeValueAsString(rep.claims().get(k)), l)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.iterator();
    }

    /** Finding.ORDER as a string: severity, location, rule, message, fact refs. */
    static String findingKey(Finding f, Loaded l) {
        return f.severity().ordinal() + "\u0000" + location(f.location(), l) + "\u0000" + f.rule() + "\u0000"
                + f.message() + "\u0000" + String.join(",", f.factRefs());
    }

    private static String location(Location loc, Loaded l) {
        String file = l.from() == null ? loc.file() : loc.file().replace(l.from(), l.to());
        return file + "\u0000" + pad(loc.line()) + "\u0000" + pad(loc.column());
    }

    private static String fix(String json, Loaded l) {
        return l.from() == null ? json : json.replace(l.from(), l.to());
    }

    private static String pad(int n) {
        return String.format("%010d", n);
    }

    static Map<String, byte[]> readTree(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(dir)) return out;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return dir;
    }
}
