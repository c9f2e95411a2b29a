package io.factlint.bench.jmh;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.bench.FactSetGenerator;
import io.factlint.engine.CacheOptions;
import io.factlint.engine.Engine;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the hot paths (run by {@code bench/run.sh --jmh}, built only with {@code -Pbench}): reading
 * generated fact files, one rule session over a loaded fact base, and loading the compiled rules from the cache.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class HotPathBenchmarks {

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"10000", "100000"})
        public int facts;
        Path dir;
        RulePack pack;
        FactBase base;
        Path cache;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Files.createTempDirectory("factlint-jmh-");
            FactSetGenerator.generate(dir.resolve("facts"), facts, 1);
            pack = RulePack.load(Path.of("rules"));
            base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(dir.resolve("facts")));
            cache = dir.resolve("cache");
            RulePack.load(Path.of("rules"), CacheOptions.in(cache));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The streaming, parallel fact loader over the generated files. */
    @Benchmark
    public FactBase load(Data d) throws Exception {
        return new FactLoader(d.pack.vocabulary().statusWords()).load(List.of(d.dir.resolve("facts")));
    }

    /** One check of the loaded facts through the pipeline: rule session (timelines, insert, fire), review, gate. */
    @Benchmark
    public CheckOutcome engine(Data d) throws Exception {
        return new CheckPipeline(d.pack).run(d.base, CheckRequest.of(List.of(d.dir.resolve("facts"))));
    }

    /** The compiled default rule pack from the cache (in a warm JVM). */
    @Benchmark
    public RulePack rulesFromCache(Data d) throws Exception {
        return RulePack.load(Path.of("rules"), CacheOptions.in(d.cache));
    }
}
