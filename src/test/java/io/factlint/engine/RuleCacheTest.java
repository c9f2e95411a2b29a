package io.factlint.engine;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rule cache: used when it holds the pack, never trusted when it does not.
 *
 * <p>The default pack is compiled once, into a cache shared by the class ({@link #reference}); the tests of the
 * cache's mechanics (corrupt, foreign and changed entries, each costing a compile or more) use a small pack: the
 * vocabulary and one DRL file of the default pack ({@link #smallPack}).
 */
class RuleCacheTest {
    @TempDir
    static Path shared;
    private static Path sharedCache;
    private static RulePack compiledPack;
    private static String compiledNote;
    private static CheckResult compiled;

    @BeforeAll
    static void reference() throws Exception {
        sharedCache = shared.resolve("cache");
        Phases first = new Phases();
        compiledPack = load(Path.of("rules"), sharedCache, first);
        compiledNote = first.notes().get("rules");
        compiled = check(compiledPack);
    }

    /** The vocabulary, every data file and one DRL file of the default pack, in a new folder. */
    private static Path smallPack(Path to) throws IOException {
        copy(Path.of("rules"), to);
        try (Stream<Path> s = Files.list(to)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl") && !p.getFileName().toString().equals("quotes.drl")).toList()) {
                Files.delete(p);
            }
        }
        // the catalogue keeps the entries of the rules left (an entry without its rule is a rule-pack error)
        Path catalogue = to.resolve("catalogue.yaml");
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : Files.readAllLines(catalogue)) {
            if (line.matches("  [a-z_.]+:\\s*")) keep = line.trim().startsWith("quote.");
            if (keep) kept.append(line).append('\n');
        }
        Files.writeString(catalogue, kept);
        return to;
    }

    private static CheckResult check(RulePack pack) throws Exception {
        return new CheckPipeline(pack).run(CheckRequest.of(List.of(Path.of("facts")))).result();
    }

    private static List<Path> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) return List.of();
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
    }

    private static RulePack load(Path rules, Path cache, Phases phases) throws RulePackException {
        return RulePack.load(rules, CacheOptions.in(cache), phases);
    }

    @Test
    void aSecondLoadComesFromTheCacheAndChecksTheSame() throws Exception {
        assertThat(compiledNote).startsWith("compiled (cache no entry); stored");
        assertThat(entries(sharedCache)).hasSize(1);

        Phases second = new Phases();
        RulePack cached = load(Path.of("rules"), sharedCache, second);
        assertThat(second.notes().get("rules")).startsWith("from cache");
        assertThat(second.nanos()).doesNotContainKey("rules.compile");
        assertThat(cached.rules()).isEqualTo(compiledPack.rules());
        CheckResult r = check(cached);
        assertThat(r.findings()).hasSameSizeAs(compiled.findings());
        assertThat(r.findings().stream().map(f -> f.rule() + " " + f.message()).toList())
                .isEqualTo(compiled.findings().stream().map(f -> f.rule() + " " + f.message()).toList());
        assertThat(r.verdicts()).hasSameSizeAs(compiled.verdicts());
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndRebuilt(@TempDir Path cache, @TempDir Path folder) throws Exception {
        Path small = smallPack(folder.resolve("rules"));
        CheckResult fresh = check(load(small, cache, new Phases()));
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entry, bytes);

        Phases p = new Phases();
        RulePack pack = load(small, cache, p);
        assertThat(p.notes().get("rules")).contains("checksum mismatch").contains("stored");
        assertThat(check(pack).findings()).hasSameSizeAs(fresh.findings());

        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 100));
        Phases q = new Phases();
        load(small, cache, q);
        assertThat(q.notes().get("rules")).contains("truncated");
        Phases again = new Phases();
        load(small, cache, again);
        assertThat(again.notes().get("rules")).startsWith("from cache");
    }

    @Test
    void aForeignEntryIsNeverTrusted(@TempDir Path cache, @TempDir Path folder) throws Exception {
        Path rules = smallPack(folder.resolve("rules"));
        load(rules, cache, new Phases());
        Path mine = entries(cache).get(0);
        // another rule pack's entry, renamed to this pack's key
        Files.writeString(rules.resolve("extra.drl"), "package factlint.rules;\nrule \"nothing\" when then end\n");
        load(rules, cache, new Phases());
        Path other = entries(cache).stream().filter(e -> !e.equals(mine)).findFirst().orElseThrow();
        Files.move(other, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(rules.resolve("extra.drl"));

        Phases p = new Phases();
        RulePack pack = load(rules, cache, p);
        assertThat(p.notes().get("rules")).contains("built for other rules");
        assertThat(pack.kieBase().getKiePackages().stream().flatMap(k -> k.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName)).doesNotContain("nothing");

        Files.writeString(mine, "not a cache entry at all");
        Phases q = new Phases();
        load(rules, cache, q);
        assertThat(q.notes().get("rules")).contains("not a factlint rule cache entry");
    }

    @Test
    void anyChangeToAnyFileUnderTheRulesFolderRecompiles(@TempDir Path cache, @TempDir Path folder) throws Exception {
        Path rules = smallPack(folder.resolve("rules"));
        load(rules, cache, new Phases());
        Path vocab = rules.resolve("vocabulary/measures.yaml");
        Files.writeString(vocab, Files.readString(vocab) + "\n# a comment changes the key too\n");
        Phases p = new Phases();
        load(rules, cache, p);
        assertThat(p.notes().get("rules")).startsWith("compiled (cache no entry)");
        Files.writeString(rules.resolve("README.txt"), "notes of the rules team");
        Phases q = new Phases();
        load(rules, cache, q);
        assertThat(q.notes().get("rules")).startsWith("compiled (cache no entry)");
        assertThat(entries(cache)).hasSize(3);
    }

    /** The same rules in another folder hit the same entry; the rules name this folder's files, not the first's. */
    @Test
    void anEntryCompiledFromAnotherFolderNamesThisFoldersFiles(@TempDir Path cache, @TempDir Path folder) throws Exception {
        Path first = smallPack(folder.resolve("first/rules"));
        Path second = smallPack(folder.resolve("second/rules"));
        load(first, cache, new Phases());
        Phases phases = new Phases();
        RulePack again = load(second, cache, phases);
        assertThat(phases.notes().get("rules")).doesNotStartWith("compiled");
        assertThat(again.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.file()).startsWith(second.toString()));
    }

    @Test
    void noCacheReadsAndWritesNothing(@TempDir Path cache, @TempDir Path folder) throws Exception {
        RulePack.load(smallPack(folder.resolve("rules")), CacheOptions.disabled());
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void theDefaultFolderFollowsTheEnvironment() {
        assertThat(CacheOptions.defaultDir(java.util.Map.of("FACTLINT_CACHE_DIR", "/c/f"), "/home/u")).isEqualTo(Path.of("/c/f"));
        assertThat(CacheOptions.defaultDir(java.util.Map.of("XDG_CACHE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/x/factlint"));
        assertThat(CacheOptions.defaultDir(java.util.Map.of("XDG_CACHE_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/factlint"));
        assertThat(CacheOptions.defaultDir(java.util.Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/factlint"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
