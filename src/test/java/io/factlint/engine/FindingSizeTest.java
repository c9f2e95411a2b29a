package io.factlint.engine;

import io.factlint.bench.StaleFanOut;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finding names the facts that decide it, with a count of the rest, so every report stays linear in the input
 * (issue 15.1: 2,000 status facts and 1,000 claims once gave a 234 MB JSON report).
 */
class FindingSizeTest {
    private static RulePack pack;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws Exception {
        pack = io.factlint.testing.DefaultPack.get();
    }

    private CheckResult check(int facts, int claims) throws Exception {
        Path f = dir.resolve("fan-" + facts + "-" + claims + ".json");
        Files.writeString(f, StaleFanOut.json(facts, claims));
        return Engine.check(pack, new FactLoader(pack.vocabulary().statusWords()).load(List.of(f)),
                new EngineLimits(null, null));
    }

    private static long jsonBytes(CheckResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.writer(Format.JSON).write(io.factlint.check.CheckOutcome.of(r, io.factlint.model.Severity.ERROR, false),
                new ReportOptions("0", null), out);
        return out.size();
    }

    @Test
    void aFindingListsTheDecidingFactsAndCountsTheRest() throws Exception {
        CheckResult r = check(2000, 50);
        List<Finding> stale = r.findings().stream().filter(f -> f.rule().equals("status.stale")).toList();
        assertThat(stale).hasSize(50);
        for (Finding f : stale) {
            assertThat(f.facts().size()).as(f.message()).isLessThanOrEqualTo(Finding.MAX_FACTS);
            // the latest fact of each source at each of the two times: captured (1 Mar) and deceased (2 Mar)
            assertThat(f.facts().stream().map(x -> x.getStatus() + "/" + x.getSource()).distinct().count()).isEqualTo(6);
            assertThat(f.message()).contains("more facts");
        }
    }

    @Test
    void theJsonReportGrowsLinearly() throws Exception {
        long small = jsonBytes(check(1000, 250));
        long large = jsonBytes(check(2000, 500));
        assertThat((double) large / small).as(small + " -> " + large + " bytes").isLessThan(2.5);
    }
}
