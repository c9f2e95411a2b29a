package io.factlint.docs;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.RulePack;
import io.factlint.ingest.InputException;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Verdict;
import io.factlint.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured numbers of the real-claim samples (docs/claims.md "Measured on real claims", bench/averitec/README.md,
 * bench/averitec/holdout/README.md) stay true: every encoded case is accepted, and the verdicts agree with the
 * labels exactly as often as the docs say, judged as {@code bench/averitec.py} judges them (a case of several claims
 * is contradicted if one is, supported if all are; the conventional reading). A change to the rules that moves a
 * verdict fails here until the docs' numbers move with it.
 */
class AveritecSamplesTest {
    private static final Map<String, String> GOLD = Map.of("supported", "supported", "refuted", "contradicted",
            "not enough information", "undetermined", "conflicting evidence/cherrypicking", "undetermined",
            "conflicting", "undetermined");

    @TempDir
    Path dir;

    /** Encoded cases accepted and verdicts agreeing with the label, on the sample folder's cases. */
    private int[] measure(Path sample, List<Path> yaml) throws Exception {
        Path rules = dir.resolve("rules-" + sample.getFileName());
        TestFiles.copyTree(Path.of("rules"), rules);
        // named as bench/averitec.py names them (the load order decides a figure defined twice)
        for (Path y : yaml) {
            String prefix = y.getParent().getFileName().toString().equals("holdout") ? "averitec-holdout-" : "averitec-";
            Files.copy(y, rules.resolve("vocabulary").resolve(prefix + y.getFileName()));
        }
        CheckPipeline pipeline = new CheckPipeline(RulePack.load(rules));
        int accepted = 0, agree = 0;
        for (String line : Files.readAllLines(sample.resolve("sample.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (!f[4].equals("yes")) continue;
            Path file = sample.resolve("cases").resolve(f[1] + ".json");
            List<Verdict> verdicts = new ArrayList<>();
            try {
                CheckOutcome r = pipeline.run(CheckRequest.of(List.of(file)));
                for (ClaimVerdict v : r.result().verdicts()) verdicts.add(v.verdict());
                accepted++;
            } catch (InputException e) {
                continue; // refused: encoded but not expressible, and a miss
            }
            String combined = verdicts.contains(Verdict.CONTRADICTED) ? "contradicted"
                    : !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v == Verdict.SUPPORTED) ? "supported" : "undetermined";
            if (combined.equals(java.util.Objects.requireNonNull(GOLD.get(f[2]), line))) agree++;
        }
        return new int[]{accepted, agree};
    }

    private static List<Path> yamlIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theHeldOutSampleGivesTheDocumentedNumbers() throws Exception {
        Path dev = Path.of("bench/averitec"), holdout = dev.resolve("holdout");
        List<Path> yaml = new ArrayList<>(yamlIn(dev));
        yaml.addAll(yamlIn(holdout));
        // docs/claims.md and holdout/README.md: 89 of 119 expressible, 58 of the 89 agreeing
        assertThat(measure(holdout, yaml)).containsExactly(89, 58);
    }

    @Test
    void theDevelopmentSampleGivesTheDocumentedNumbers() throws Exception {
        // docs/claims.md and bench/averitec/README.md: 31 of 38 expressible, 25 of the 31 agreeing
        Path dev = Path.of("bench/averitec");
        assertThat(measure(dev, yamlIn(dev))).containsExactly(31, 25);
    }
}
