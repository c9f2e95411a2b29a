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

    /**
     * Options: {@code --rules DIR}, {@code --out DIR}, {@code --format json|parquet}, {@code --fail-on LEVEL},
     * {@code --timeout S}, {@code --input-format facts|jsonl|parquet}, {@code --convert jsonl|parquet}, the input
     * (a folder, or a Hadoop file system URI: {@code file://}, {@code hdfs://}, {@code s3a://}).
     */
    public record Options(Path rules, String input, String out, String format, Severity failOn, long timeoutSeconds,
                          int partitions, String inputFormat, String convert) implements Serializable {
        public Options(Path rules, String input, String out, String format, Severity failOn, long timeoutSeconds,
                       int partitions) {
            this(rules, input, out, format, failOn, timeoutSeconds, partitions, "facts", null);
        }

        /** The same options reading {@code format} rows ({@code facts}, {@code jsonl}, {@code parquet}). */
        public Options reading(String format) {
            return new Options(rules, input, out, this.format, failOn, timeoutSeconds, partitions, format, convert);
        }

        static Options parse(String[] args) {
            Path rules = Path.of("rules");
            String input = null, out = null, format = "json", inputFormat = "facts", convert = null;
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
                    case "--input-format" -> inputFormat = args[++i];
                    case "--convert" -> convert = args[++i];
                    default -> {
                        if (args[i].startsWith("-")) throw new IllegalArgumentException("unknown option " + args[i]);
                        input = args[i];
                    }
                }
            }
            if (input == null || out == null) throw new IllegalArgumentException("usage: SparkCheck [--rules DIR] --out DIR [--format json|parquet] [--input-format facts|jsonl|parquet] FACTS"
                    + "\n       SparkCheck [--rules DIR] --convert jsonl|parquet --out DIR FACT-FOLDER");
            if (!format.equals("json") && !format.equals("parquet")) throw new IllegalArgumentException("--format json or parquet");
            if (!List.of("facts", "jsonl", "parquet").contains(inputFormat)) throw new IllegalArgumentException("--input-format facts, jsonl or parquet");
            if (convert != null && !List.of("jsonl", "parquet").contains(convert)) throw new IllegalArgumentException("--convert jsonl or parquet");
            return new Options(rules, input, out, format, failOn, timeout, partitions, inputFormat, convert);
        }
    }

    /**
     * What a run gave: the exit code (as the CLI's), the summary (the JSON report's), messages for stderr, and the
     * run's timings ({@code stats}: the driver's phases, and the executors' rule builds and partitions, each with its
     * wall and CPU milliseconds; docs/performance.md).
     */
    public record Outcome(int exitCode, String summary, List<String> errors, Map<String, Long> stats) {
        public Outcome(int exitCode, String summary, List<String> errors) {
            this(exitCode, summary, errors, Map.of());
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One output row: kind (finding, figure, claim), the key that orders it as the CLI does, and its JSON. */
    public record Row3(String kind, String key, String json) implements Serializable {
    }

    /**
     * What the executors receive: the rule folder's files, the cache entry, the folder of fact files as the driver
     * reads it ({@code input}) with its files' bytes, and the path rewrites that turn the driver's paths into the
     * ones the user gave (a folder copied from a Hadoop file system, rows written back as fact files).
     */
    record Shipment(Map<String, byte[]> rules, Map<String, byte[]> cache, String input, Map<String, byte[]> facts,
                    List<String[]> rewrites, long timeoutSeconds, String id) implements Serializable {
    }

    /** The input as a local folder of fact files, and the rewrites back to the user's names; or the errors. */
    private record Input(Path folder, List<String[]> rewrites, List<String> errors, int exit) {
    }

    private static final java.util.regex.Pattern URI = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

    /** True if {@code input} names a Hadoop file system ({@code file:/}, {@code hdfs://}, {@code s3a://}, ...). */
    static boolean isUri(String input) {
        return URI.matcher(input).matches();
    }

    public static Outcome run(SparkSession spark, Options o) {
        Map<String, Long> stats = new TreeMap<>();
        long t0 = System.nanoTime(), c0 = cpu();
        List<String> errors = new ArrayList<>();
        RulePack pack;
        FactBase base;
        Path cacheDir;
        try {
            cacheDir = driverCache();
            pack = RulePack.load(o.rules(), CacheOptions.in(cacheDir));
        } catch (RulePackException e) {
            errors.add("factlint: " + e.getMessage());
            return new Outcome(2, null, errors);
        } catch (IOException e) {
            errors.add("factlint: " + e);
            return new Outcome(3, null, errors);
        }
        long t1 = System.nanoTime(), c1 = cpu();
        stat(stats, "driver.rules", t1 - t0, c1 - c0);
        Input in = input(spark, o);
        if (in.errors() != null) return new Outcome(in.exit(), null, in.errors());
        long t2 = System.nanoTime(), c2 = cpu();
        stat(stats, "driver.read", t2 - t1, c2 - c1);
        try {
            base = new FactLoader(pack.vocabulary().statusWords())
                    .checkingAgainst(pack.vocabulary()).load(List.of(in.folder()));
        } catch (InputException e) {
            for (var err : e.errors()) errors.add("factlint: " + rewrite(err.toString(), in.rewrites()));
            return new Outcome(2, null, errors);
        }
        List<WorkUnits.Batch> batches = WorkUnits.batches(WorkUnits.split(base), WorkUnits.BATCH_OBJECTS);
        long t3 = System.nanoTime(), c3 = cpu();
        stat(stats, "driver.load", t3 - t2, c3 - c2);
        Shipment ship = new Shipment(readTree(o.rules()), readTree(cacheDir), in.folder().toString(),
                readTree(in.folder()), in.rewrites(), o.timeoutSeconds(), java.util.UUID.randomUUID().toString());
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
        long t4 = System.nanoTime(), c4 = cpu();
        stat(stats, "driver.job", t4 - t3, c4 - c3);
        List<Row3> sorted = new ArrayList<>(rows.size());
        for (Row3 r : rows) {
            if (r.kind().equals("9stat")) {
                String[] v = r.json().split(",");
                stats.merge(r.key() + ".wallMs", Long.parseLong(v[0]), Long::sum);
                stats.merge(r.key() + ".cpuMs", Long.parseLong(v[1]), Long::sum);
                stats.merge(r.key() + ".count", 1L, Long::sum);
            } else {
                sorted.add(r);
            }
        }
        sorted = reviewed(sorted, batches.size());
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
            stat(stats, "driver.write", System.nanoTime() - t4, cpu() - c4);
            stat(stats, "driver.total", System.nanoTime() - t0, cpu() - c0);
            stats.put("batches", (long) batches.size());
            stats.put("partitions", (long) slices);
            return new Outcome(passed ? 0 : 1, s, errors, stats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern COVERED = java.util.regex.Pattern.compile("(\\d[\\d,]*) findings? it covers count");

    /**
     * The waivers' own findings as the CLI's single review gives them. Every batch reviews its findings against every
     * waiver, so each batch says "matches no finding" of a waiver whose findings are in another batch: a waiver is
     * unused only if every batch says so. An expired waiver is reported by every batch, with the count of the
     * findings it covers in that batch; a waiver's findings are those of one subject or one set of facts, so they are
     * in one work unit: the batch that counts them gives the message.
     */
    static List<Row3> reviewed(List<Row3> rows, int batches) {
        List<Row3> out = new ArrayList<>(rows.size());
        Map<String, List<Row3>> byWaiver = new TreeMap<>();
        for (Row3 r : rows) {
            if (!r.kind().equals("4review")) {
                out.add(r);
                continue;
            }
            String[] k = r.key().split("\u0000", -1); // severity, file, line, column, rule, ...
            byWaiver.computeIfAbsent(String.join("\u0000", java.util.Arrays.asList(k).subList(0, 5)), x -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row3>> e : byWaiver.entrySet()) {
            List<Row3> said = e.getValue();
            Row3 first = said.get(0);
            if (e.getKey().endsWith("\u0000" + io.factlint.review.ReviewRules.UNUSED)) {
                if (said.size() >= batches) out.add(new Row3("1finding", first.key(), first.json()));
                continue;
            }
            Row3 best = first;
            long most = -1;
            for (Row3 r : said) {
                java.util.regex.Matcher m = COVERED.matcher(r.key());
                long n = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
                if (n > most) {
                    most = n;
                    best = r;
                }
            }
            out.add(new Row3("1finding", best.key(), best.json()));
        }
        return out;
    }

    private static Path driverCacheDir;

    /**
     * The driver's compiled-rule cache: one temporary folder per driver JVM, so a second run of the same rules in
     * it is a cache hit (the entry is keyed by the rules' content; its bytes are what the executors receive).
     */
    private static synchronized Path driverCache() throws IOException {
        if (driverCacheDir == null) driverCacheDir = Files.createTempDirectory("factlint-spark-cache");
        return driverCacheDir;
    }

    private static void stat(Map<String, Long> stats, String name, long wallNanos, long cpuNanos) {
        stats.put(name + ".wallMs", wallNanos / 1_000_000);
        stats.put(name + ".cpuMs", cpuNanos / 1_000_000);
    }

    /**
     * The JVM's CPU time in nanoseconds: the loader parses on a few threads and the sessions run on the engine's
     * workers, so one thread's time would miss most of it. The driver's phases run alone; an executor's one-time
     * build runs while its other task threads wait for it (they ask for the same entry); partitions run side by
     * side, so their CPU is given for the whole job ({@code driver.job}), not per partition.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The input as a local folder of fact files. A local folder is read in place. A Hadoop URI of fact files is
     * copied to a local folder through Hadoop's FileSystem API (Spark's own file systems). Rows (JSON lines,
     * Parquet) are read with Spark's DataFrame readers, from any Hadoop URI, and written back as fact files
     * ({@link FactRows#reassemble}).
     */
    private static Input input(SparkSession spark, Options o) {
        try {
            if (o.inputFormat().equals("facts")) {
                if (!isUri(o.input())) return new Input(Path.of(o.input()), List.of(), null, 0);
                Path local = Files.createTempDirectory("factlint-spark-input");
                org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(o.input());
                org.apache.hadoop.fs.FileSystem fs = src.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (!fs.exists(src)) {
                    return new Input(null, null, List.of("factlint: " + o.input() + ": no such file or folder"), 2);
                }
                org.apache.hadoop.fs.Path qualified = fs.makeQualified(src);
                Path target = local.resolve("in");
                fs.copyToLocalFile(false, qualified, new org.apache.hadoop.fs.Path(target.toUri()), true);
                String shown = qualified.toString();
                return new Input(target, List.<String[]>of(new String[]{target.toString(), shown}), null, 0);
            }
            List<FactRows.FactRow> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>(readRows(spark, o, rows));
            Path root = Files.createTempDirectory("factlint-spark-rows");
            FactRows.Reassembled r = FactRows.reassemble(rows, root);
            r.errors().stream().sorted().distinct().map(e -> "factlint: " + e).forEach(problems::add);
            if (!problems.isEmpty()) return new Input(null, null, problems, 2);
            return new Input(r.folder(), r.rewrites(), null, 0);
        } catch (IOException e) {
            return new Input(null, null, List.of("factlint: " + o.input() + ": " + e.getMessage()), 2);
        } catch (Exception e) {
            // Spark's AnalysisException (a path that does not exist, a file that is not Parquet), undeclared in Java
            if (!(e instanceof org.apache.spark.sql.AnalysisException || e instanceof org.apache.spark.SparkException)) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            return new Input(null, null, List.of("factlint: " + o.input() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")), 2);
        }
    }

    /** The rows of a JSON-lines or Parquet input; a row that is not JSON, or a missing column, is a located error. */
    private static List<String> readRows(SparkSession spark, Options o, List<FactRows.FactRow> out) throws IOException {
        Dataset<Row> df;
        if (o.inputFormat().equals("jsonl")) {
            df = spark.read().schema(FactRows.SCHEMA.add("_corrupt", org.apache.spark.sql.types.DataTypes.StringType))
                    .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt").json(o.input());
        } else {
            df = spark.read().parquet(o.input());
            List<String> have = List.of(df.columns());
            List<String> problems = new ArrayList<>();
            for (String c : List.of("kind", "file", "line", "object")) {
                if (!have.contains(c)) problems.add("factlint: " + o.input() + ": the Parquet rows have no column \"" + c
                        + "\" (the layout: kind, file, line, column, object, content; docs/spark.md)");
            }
            if (!problems.isEmpty()) return problems;
            for (String c : List.of("column", "content", "object")) {
                if (!have.contains(c)) df = df.withColumn(c, org.apache.spark.sql.functions.lit(null).cast("string"));
            }
            df = df.select(df.col("kind").cast("string"), df.col("file").cast("string"), df.col("line").cast("int"),
                    df.col("column").cast("int"), df.col("object").cast("string"), df.col("content").cast("string"),
                    org.apache.spark.sql.functions.lit(null).cast("string").as("_corrupt"));
        }
        df = df.withColumn("_origin", org.apache.spark.sql.functions.input_file_name());
        Map<String, List<String>> corrupt = new TreeMap<>();
        for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            if (!r.isNullAt(6)) {
                corrupt.computeIfAbsent(r.getString(7), k -> new ArrayList<>()).add(r.getString(6));
                continue;
            }
            out.add(new FactRows.FactRow(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2),
                    r.isNullAt(3) ? null : r.getInt(3), r.getString(4), r.getString(5), r.getString(7)));
        }
        List<String> problems = new ArrayList<>();
        for (var e : corrupt.entrySet()) problems.addAll(locateCorrupt(spark, e.getKey(), e.getValue()));
        return problems;
    }

    /**
     * The JSON-lines rows Spark could not read, located in their data file: {@code part.jsonl:LINE:COL: message}
     * (the file is read again through Hadoop's FileSystem API, only when it has such rows).
     */
    private static List<String> locateCorrupt(SparkSession spark, String origin, List<String> bad) throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>(bad);
        List<String> out = new ArrayList<>();
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(origin);
        org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(p),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!wanted.contains(line)) continue;
                String msg;
                int col = 1;
                try {
                    FactRows.JSON.readTree(line);
                    msg = "a row that does not fit the layout (kind, file, line, column as strings and numbers, object an object; docs/spark.md)";
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    msg = "a row that is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
                    if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) col = e.getLocation().getColumnNr();
                }
                out.add("factlint: " + io.factlint.model.SafeText.lineStart(origin + ":" + n + ":" + col) + ": "
                        + io.factlint.model.SafeText.oneLine(msg));
            }
        }
        if (out.isEmpty()) out.add("factlint: " + origin + ": " + bad.size() + " rows that are not JSON");
        return out;
    }

    /**
     * The converter: the fact files of {@code o.input()} (read and validated by the CLI's loader: exit 2 with its
     * located errors) as rows under {@code o.out()}, JSON lines ({@code part-*.txt}... written as text) or Parquet.
     */
    public static Outcome convert(SparkSession spark, Options o) {
        List<String> errors = new ArrayList<>();
        try {
            Path cacheDir = driverCache();
            RulePack pack = RulePack.load(o.rules(), CacheOptions.in(cacheDir));
            List<Path> inputs = List.of(Path.of(o.input()));
            FactBase base = new FactLoader(pack.vocabulary().statusWords())
                    .checkingAgainst(pack.vocabulary()).load(inputs);
            for (String f : base.files()) {
                for (String part : f.split("/")) {
                    if (part.equals("..")) {
                        errors.add("factlint: " + f + ": a path with \"..\" cannot be a row's file: convert from the folder's parent or give an absolute path");
                        return new Outcome(2, null, errors);
                    }
                }
            }
            List<FactRows.FactRow> rows = FactRows.fromFiles(base, inputs);
            if (o.convert().equals("jsonl")) {
                List<String> lines = rows.stream().map(FactRows::jsonLine).toList();
                spark.createDataset(lines, Encoders.STRING()).coalesce(1).write().mode(SaveMode.Overwrite).text(o.out());
            } else {
                List<Row> rs = rows.stream().map(r -> org.apache.spark.sql.RowFactory.create(r.kind(), r.file(), r.line(),
                        r.column(), r.object(), r.content())).toList();
                spark.createDataFrame(rs, FactRows.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(o.out());
            }
            String s = JSON.writeValueAsString(Map.of("rows", rows.size(), "facts", base.facts().size()));
            return new Outcome(0, s, errors);
        } catch (RulePackException | InputException e) {
            if (e instanceof InputException ie) ie.errors().forEach(err -> errors.add("factlint: " + err));
            else errors.add("factlint: " + e.getMessage());
            return new Outcome(2, null, errors);
        } catch (IOException e) {
            errors.add("factlint: " + e);
            return new Outcome(3, null, errors);
        }
    }

    static String rewrite(String s, List<String[]> rewrites) {
        for (String[] r : rewrites) s = s.replace(r[0], r[1]);
        return s;
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

    private record Loaded(RulePack pack, FactBase base, List<WorkUnits.Batch> batches, Path input,
                          List<String[]> rewrites, long[] cost) {
    }

    private static Loaded loaded(Shipment s) {
        return LOADED.computeIfAbsent(s.id(), id -> {
            try {
                long t0 = System.nanoTime(), c0 = cpu();
                Path root = Files.createTempDirectory("factlint-executor");
                Path rules = write(root.resolve("rules"), s.rules());
                Path cache = write(root.resolve("cache"), s.cache());
                RulePack pack = RulePack.load(rules, CacheOptions.in(cache));
                long t1 = System.nanoTime(), c1 = cpu();
                Path input = Path.of(s.input());
                List<String[]> rewrites = new ArrayList<>();
                if (!Files.isDirectory(input) && !Files.isRegularFile(input)) {
                    // not on this machine: the broadcast files, their paths written as the driver wrote them
                    Path local = write(root.resolve("facts"), s.facts());
                    rewrites.add(new String[]{local.toString(), s.input()});
                    input = local;
                }
                rewrites.addAll(s.rewrites());
                FactBase base = new FactLoader(pack.vocabulary().statusWords())
                        .checkingAgainst(pack.vocabulary()).load(List.of(input));
                List<WorkUnits.Batch> batches = WorkUnits.batches(WorkUnits.split(base), WorkUnits.BATCH_OBJECTS);
                long t2 = System.nanoTime(), c2 = cpu();
                // the per-executor cost, once per JVM (docs/performance.md): on the executor's log
                System.err.printf(java.util.Locale.ROOT, "factlint-spark: executor ready: rules from the cache bytes %d ms (%d ms CPU), facts %d ms (%d ms CPU)%n",
                        (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000);
                return new Loaded(pack, base, batches, input, List.copyOf(rewrites),
                        new long[]{t1 - t0, c1 - c0, t2 - t1, c2 - c1});
            } catch (IOException | RulePackException | InputException e) {
                throw new IllegalStateException("factlint executor: " + e.getMessage(), e);
            }
        });
    }

    /** Which JVM built a shipment's rules already (the first partition to ask reports the build's cost). */
    private static final java.util.Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private static Iterator<Row3> checkPartition(Shipment s, Iterator<Integer> indices) throws RuleFailure {
                Loaded l = loaded(s);
        List<Row3> out = new ArrayList<>();
        if (REPORTED.add(s.id())) {
            out.add(new Row3("9stat", "executor.rules", l.cost()[0] / 1_000_000 + "," + l.cost()[1] / 1_000_000));
            out.add(new Row3("9stat", "executor.facts", l.cost()[2] / 1_000_000 + "," + l.cost()[3] / 1_000_000));
        }
        long w1 = System.nanoTime();
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
                    boolean review = f.rule().equals(io.factlint.review.ReviewRules.UNUSED)
                            || f.rule().equals(io.factlint.review.ReviewRules.EXPIRED);
                    String json = fix(JSON.writeValueAsString(rep.findings().get(k)), l);
                    if (f.facts().isEmpty() && !l.rewrites().isEmpty()) {
                        // a finding without facts is fingerprinted by its file and message: those the user named
                        String was = f.fingerprint();
                        String is = Finding.fingerprint(f.rule(), f.subject(), f.claimRef(), List.of(),
                                rewrite(f.location().file(), l.rewrites()), rewrite(f.message(), l.rewrites()));
                        json = json.replace("\"" + was + "\"", "\"" + is + "\"");
                    }
                    out.add(new Row3(review ? "4review" : "1finding", findingKey(f, l), json));
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
        out.add(new Row3("9stat", "executor.partitions", (System.nanoTime() - w1) / 1_000_000 + ",0"));
        return out.iterator();
    }

    /** Finding.ORDER as a string: severity, location, rule, message, fact refs. */
    static String findingKey(Finding f, Loaded l) {
        return f.severity().ordinal() + "\u0000" + location(f.location(), l) + "\u0000" + f.rule() + "\u0000"
                + f.message() + "\u0000" + String.join(",", f.factRefs());
    }

    private static String location(Location loc, Loaded l) {
        String file = rewrite(loc.file(), l.rewrites());
        return file + "\u0000" + pad(loc.line()) + "\u0000" + pad(loc.column());
    }

    private static String fix(String json, Loaded l) {
        return rewrite(json, l.rewrites());
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
