package io.factlint.engine;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import io.factlint.check.CheckOutcome;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
import io.factlint.model.vocab.Vocabulary;
import io.factlint.report.JsonReportWriter;
import io.factlint.report.ReportOptions;
import io.factlint.report.SarifReportWriter;
import io.factlint.report.TextReportWriter;
import io.factlint.rules.MessageTemplate;
import io.factlint.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compiled-rule cache entry holds the pack's parsed vocabulary and rule catalogue ({@link VocabularyCodec}), and
 * a cached check reads them from it: equal to a fresh parse in every field, no YAML parser or Jackson databind class
 * loaded in a fresh JVM, a changed vocabulary or catalogue file misses the cache, and the reports of a cached and an
 * uncached run are byte-identical. Real files, real caches in temporary folders.
 */
class VocabularyCacheTest {
    @TempDir
    static Path shared;
    private static Path cache;
    private static RulePack uncached;
    private static RulePack cached;

    @BeforeAll
    static void fill() throws Exception {
        cache = shared.resolve("cache");
        uncached = RulePack.load(Path.of("rules"));
        Phases first = new Phases();
        RulePack.load(Path.of("rules"), CacheOptions.in(cache), first);
        assertThat(first.notes().get("rules")).startsWith("compiled").contains("stored");
        Phases second = new Phases();
        cached = RulePack.load(Path.of("rules"), CacheOptions.in(cache), second);
        assertThat(second.notes().get("rules")).startsWith("from cache");
        assertThat(second.notes().get("rules.vocabulary")).isEqualTo("from cache");
    }

    /**
     * The default pack, the default pack with the newsroom rule of examples/rules beside it, and with the AVeriTeC
     * sample's figures and declared measures (bench/averitec) and a measure that cannot be negative.
     */
    static Stream<String> packs() {
        return Stream.of("rules", "rules+examples", "rules+averitec");
    }

    private static Path pack(String name, Path tmp) {
        if (name.equals("rules")) return Path.of("rules");
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        if (name.equals("rules+examples")) {
            TestFiles.copyTree(Path.of("examples/rules"), rules);
        } else {
            try {
                java.nio.file.Files.copy(Path.of("bench/averitec/figures.yaml"), rules.resolve("vocabulary/averitec-figures.yaml"));
                java.nio.file.Files.copy(Path.of("bench/averitec/measures.yaml"), rules.resolve("vocabulary/averitec-measures.yaml"));
                java.nio.file.Files.writeString(rules.resolve("vocabulary/non-negative.yaml"), "nonNegative: [clinic_spending]\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return rules;
    }

    @ParameterizedTest
    @MethodSource("packs")
    void theEntrysVocabularyAndCatalogueEqualAFreshParse(String name, @TempDir Path tmp) throws Exception {
        Path rules = pack(name, tmp);
        Path c = name.equals("rules") ? cache : tmp.resolve("cache");
        if (!name.equals("rules")) RulePack.load(rules, CacheOptions.in(c));
        RulePack.RuleFiles files = RulePack.RuleFiles.of(rules);
        RuleCache.Found found = new RuleCache(c).open(RuleCache.key(files.dir(), files.all()),
                rel -> files.display(files.dir().resolve(rel)));
        assertThat(found.note()).isEqualTo("hit");
        VocabularyCodec.Decoded entry = found.entry().vocabulary();

        Vocabulary fresh = VocabularyLoader.load(files.yaml(), files::display);
        assertThat(fresh.figures()).isNotEmpty();
        assertThat(fresh.transitions()).isNotEmpty();
        // records: equals compares every component, down to each figure's settings
        assertThat(entry.vocabulary()).isEqualTo(fresh);
        assertThat(entry.vocabulary().figures()).extracting(f -> f.params()).isEqualTo(fresh.figures().stream().map(f -> f.params()).toList());

        RuleCatalogue freshCatalogue = RuleCatalogue.load(files.yaml(), files::display);
        assertThat(fields(entry.catalogue())).isEqualTo(fields(freshCatalogue));
        if (name.equals("rules+examples")) assertThat(entry.catalogue().entries()).containsKey("desk.deployment_unsourced");
        if (name.equals("rules+averitec")) {
            assertThat(entry.vocabulary().measures()).contains("gbvf_cases");
            assertThat(entry.vocabulary().nonNegative()).containsExactly("clinic_spending");
        }
        // and the pack a cached run uses
        RulePack fromCache = RulePack.load(rules, CacheOptions.in(c));
        assertThat(fromCache.vocabulary()).isEqualTo(fresh);
        assertThat(fields(fromCache.catalogue())).isEqualTo(fields(freshCatalogue));
    }

    /**
     * Every component of every catalogue entry, by reflection (a component added later is compared too); a message
     * template as its text and argument names (the template has no equals of its own).
     */
    private static Map<String, Map<String, Object>> fields(RuleCatalogue c) throws Exception {
        assertThat(c.entries()).isNotEmpty();
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (RuleCatalogue.Entry e : c.entries().values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (RecordComponent rc : RuleCatalogue.Entry.class.getRecordComponents()) {
                Object v = rc.getAccessor().invoke(e);
                if (rc.getName().equals("messages")) {
                    Map<String, List<Object>> m = new LinkedHashMap<>();
                    for (Map.Entry<String, MessageTemplate> t : e.messages().entrySet()) {
                        m.put(t.getKey(), List.of(t.getValue().text(), List.copyOf(t.getValue().names())));
                    }
                    v = m;
                }
                f.put(rc.getName(), v);
            }
            f.put("metadata()", e.metadata());
            all.put(e.id(), f);
        }
        return all;
    }

    /** The same rules in another folder hit the same entry: the catalogue's positions name this folder's files. */
    @Test
    void theCataloguePositionsNameThisFoldersFiles(@TempDir Path tmp) throws Exception {
        Path first = TestFiles.copyTree(Path.of("rules"), tmp.resolve("first/rules"));
        Path second = TestFiles.copyTree(Path.of("rules"), tmp.resolve("second/rules"));
        Path c = tmp.resolve("cache");
        RulePack.load(first, CacheOptions.in(c));
        Phases p = new Phases();
        RulePack again = RulePack.load(second, CacheOptions.in(c), p);
        assertThat(p.notes().get("rules")).startsWith("from cache");
        RulePack.RuleFiles files = RulePack.RuleFiles.of(second);
        assertThat(fields(again.catalogue())).isEqualTo(fields(RuleCatalogue.load(files.yaml(), files::display)));
        assertThat(again.catalogue().get("status.changed").where()).startsWith(second.resolve("catalogue.yaml").normalize() + ":");
    }

    /** A cached check in a fresh JVM: the rules, the vocabulary and the catalogue from the entry, and no YAML or databind class. */
    @Test
    @Execution(ExecutionMode.CONCURRENT) // two child JVMs: runs beside this class's other tests (pom.xml)
    void aCachedCheckInAFreshJvmLoadsNoYamlOrDatabindClass(@TempDir Path tmp) throws Exception {
        Path c = tmp.resolve("cache");
        Fork first = fork(tmp, c, "first");
        assertThat(first.code()).isZero();
        assertThat(first.err()).contains("profile: rules: compiled");
        Fork second = fork(tmp, c, "second");
        assertThat(second.code()).isZero();
        assertThat(second.err()).contains("profile: rules: from cache").contains("profile: rules.vocabulary: from cache");
        assertThat(second.out()).isEqualTo(first.out()).contains("[status.changed]");
        // the log is complete: it shows the first (compiling) run's YAML parsing and both runs' JSON parser
        assertThat(first.classes()).contains("org.yaml.snakeyaml.parser.ParserImpl", "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
                "com.fasterxml.jackson.databind.ObjectMapper");
        assertThat(second.classes()).contains("com.fasterxml.jackson.core.JsonFactory", "io.factlint.engine.VocabularyCodec");
        assertThat(second.classes()).filteredOn(n -> n.startsWith("com.fasterxml.jackson.databind.")
                || n.startsWith("com.fasterxml.jackson.dataformat.yaml.") || n.startsWith("org.yaml.snakeyaml.")).isEmpty();
    }

    private record Fork(int code, String out, String err, List<String> classes) {
    }

    /** {@code java -Xlog:class+load -cp <test class path> io.factlint.cli.Main check facts/ --profile}, cache in {@code c}. */
    private static Fork fork(Path tmp, Path c, String name) throws Exception {
        Path log = tmp.resolve(name + ".classes");
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), "io.factlint.cli.Main", "check", "facts/", "--profile");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("FACTLINT_CACHE_DIR", c.toString());
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the check did not end within three minutes");
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] w = line.split(" ");
            if (w.length > 1 && line.contains("[class,load]")) classes.add(w[1]);
        }
        assertThat(classes).hasSizeGreaterThan(1000);
        return new Fork(p.exitValue(), Files.readString(out), Files.readString(err), classes);
    }

    /** A changed lifecycle misses the cache; the check then uses it, compiled and again from the new entry. */
    @Test
    void aChangedVocabularyFileMissesTheCacheAndTheCheckUsesTheNewVocabulary(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path c = tmp.resolve("cache");
        RulePack.load(rules, CacheOptions.in(c));
        RulePack before = RulePack.load(rules, CacheOptions.in(c));
        assertThat(rules(check(before))).contains("status.changed").doesNotContain("status.impossible");

        edit(rules.resolve("vocabulary/lifecycle.yaml"), "captured: [released, defected, deceased]", "captured: [released, defected]");
        for (String expected : List.of("compiled (cache no entry)", "from cache")) {
            Phases p = new Phases();
            RulePack after = RulePack.load(rules, CacheOptions.in(c), p);
            assertThat(p.notes().get("rules")).startsWith(expected);
            assertThat(p.notes().get("rules.vocabulary")).isEqualTo(expected.equals("from cache") ? "from cache" : "parsed");
            assertThat(after.vocabulary().transitions()).doesNotContain(new io.factlint.model.vocab.Transition("captured", "deceased"));
            // captured, then deceased: now a change the lifecycle does not allow
            assertThat(rules(check(after))).contains("status.impossible").doesNotContain("status.changed");
        }
    }

    /** Replaces {@code from} by {@code to} in {@code file}, which must hold it. */
    private static void edit(Path file, String from, String to) throws java.io.IOException {
        String text = Files.readString(file);
        String changed = text.replace(from, to);
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(file, changed);
    }

    /** A changed catalogue misses the cache; the new wording is used, compiled and from the new entry. */
    @Test
    void aChangedCatalogueMissesTheCacheAndTheCheckUsesTheNewWording(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path c = tmp.resolve("cache");
        RulePack.load(rules, CacheOptions.in(c));
        edit(rules.resolve("catalogue.yaml"), "rests on one source only", "has one source only");
        for (String expected : List.of("compiled (cache no entry)", "from cache")) {
            Phases p = new Phases();
            RulePack after = RulePack.load(rules, CacheOptions.in(c), p);
            assertThat(p.notes().get("rules")).startsWith(expected);
            assertThat(check(after).findings()).filteredOn(f -> f.rule().equals("source.single")).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).contains("has one source only"));
        }
    }

    /** A vocabulary broken after a cached check gets its located error (the compiling path), cache or not. */
    @Test
    void aBrokenVocabularyAfterACachedCheckGetsItsLocatedError(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path c = tmp.resolve("cache");
        RulePack.load(rules, CacheOptions.in(c));
        RulePack.load(rules, CacheOptions.in(c));
        Path lifecycle = rules.resolve("vocabulary/lifecycle.yaml");
        Files.writeString(lifecycle, Files.readString(lifecycle).replace("defected: [deceased]", "defected: [deceased, vanished]"));
        String where = lifecycle.normalize() + ":10:";
        for (CacheOptions options : List.of(CacheOptions.in(c), CacheOptions.disabled())) {
            assertThatThrownBy(() -> RulePack.load(rules, options)).isInstanceOf(RulePackException.class)
                    .satisfies(e -> assertThat(((RulePackException) e).problems())
                            .anySatisfy(m -> assertThat(m).startsWith(where).contains("transition to undeclared status \"vanished\"")));
        }
        Path catalogue = rules.resolve("catalogue.yaml");
        Files.writeString(lifecycle, Files.readString(lifecycle).replace("defected: [deceased, vanished]", "defected: [deceased]"));
        Files.writeString(catalogue, Files.readString(catalogue).replaceFirst("severity: warning", "severity: loud"));
        assertThatThrownBy(() -> RulePack.load(rules, CacheOptions.in(c))).isInstanceOf(RulePackException.class)
                .satisfies(e -> assertThat(((RulePackException) e).problems())
                        .anySatisfy(m -> assertThat(m).startsWith(catalogue.normalize() + ":").contains("severity must be error, warning or info")));
    }

    static Stream<Path> fixtures() throws Exception {
        return WorkUnitsEquivalenceTest.fixtures();
    }

    /** The pack from the cache (rules, vocabulary and catalogue from the entry) reports exactly as the uncached one. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsOfACachedAndAnUncachedRunAreByteIdentical(Path facts) throws Exception {
        for (String format : List.of("text", "json", "sarif")) {
            assertThat(WorkUnitsEquivalenceTest.reportOrInputError(() -> report(cached, facts, format)))
                    .isEqualTo(WorkUnitsEquivalenceTest.reportOrInputError(() -> report(uncached, facts, format)));
        }
    }

    private static String report(RulePack pack, Path facts, String format) throws Exception {
        FactBase base = new FactLoader(pack.vocabulary().statusWords())
                .checkingAgainst(pack.vocabulary()).load(List.of(facts));
        CheckResult r = Engine.check(pack, base, EngineLimits.defaults(), Phases.NONE, Engine.Mode.PARTITIONED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckOutcome o = CheckOutcome.of(r, Severity.ERROR, false);
        ReportOptions options = new ReportOptions("test", null);
        switch (format) {
            case "json" -> new JsonReportWriter().write(o, options, out);
            case "sarif" -> new SarifReportWriter().write(o, options, out);
            default -> new TextReportWriter().write(o, options, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CheckResult check(RulePack pack) throws Exception {
        FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(Path.of("facts")));
        return Engine.check(pack, base, EngineLimits.defaults());
    }

    private static List<String> rules(CheckResult r) {
        return r.findings().stream().map(f -> f.rule()).toList();
    }
}
