package io.factlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz-ish: the seed story with a statement that no figure is kept ({@code {"unrecorded": true}}) on every measure
 * of the rule pack and the story, for each subject, at each of several times (before, on and after the stated
 * figures, a point and a period, after publication), one at a time and all at once, with claims of every form on
 * them. Every check completes, every claim has exactly one verdict, and every report format renders: no rule or
 * writer reads a value an unrecorded fact does not have.
 */
class UnrecordedEverywhereTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SUBJECTS = {"dprk-troops", "soldier-1"};
    private static final String[] ATTRIBUTES = {"deployed", "killed_or_injured", "killed", "injured", "captured_count",
            "losses", "casualty_share"};
    private static final String[] TIMES = {"\"2024-12-20\"", "\"2024-12-23\"", "\"2024-12-27\"",
            "\"2024-12-27T21:00:00+09:00\"", "{\"from\": \"2024-12-01\", \"to\": \"2024-12-31\"}", "\"2024-12-28\""};

    @Test
    void everyCheckCompletesAndEveryFormatRenders(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("facts/nk-soldier-captured.txt"), tmp.resolve("nk-soldier-captured.txt"));
        List<List<String[]>> variants = new ArrayList<>();
        List<String[]> all = new ArrayList<>();
        for (String s : SUBJECTS) {
            for (String a : ATTRIBUTES) {
                if (a.equals("casualty_share")) continue; // derived: its inputs carry the statements
                for (String t : TIMES) {
                    List<String[]> one = new ArrayList<>();
                    one.add(new String[]{s, a, t});
                    variants.add(one);
                    all.add(new String[]{s, a, t});
                }
            }
        }
        variants.add(all);
        int checks = 0, unrecordedVerdicts = 0;
        for (List<String[]> v : variants) {
            Path file = tmp.resolve("nk-soldier-captured.json");
            Files.writeString(file, story(v));
            CheckResult r = io.factlint.testing.DefaultPack.pipeline().run(CheckRequest.of(List.of(file))).result();
            checks++;
            for (Claim c : r.facts().claims()) {
                assertThat(r.verdicts().stream().filter(x -> x.claim().equals(c)).count()).as(c.getRef() + " in " + describe(v))
                        .isEqualTo(1);
            }
            for (ClaimVerdict cv : r.verdicts()) {
                if (cv.reason().contains(" that no figure of ")) unrecordedVerdicts++;
            }
            for (Format f : Format.values()) {
                assertThat(Render.bytes(Reports.writer(f), r, Render.FAIL_ON_ERROR)).as(f + " of " + describe(v)).isNotEmpty();
            }
        }
        assertThat(checks).isEqualTo(2 * 6 * 6 + 1);
        assertThat(unrecordedVerdicts).as("verdicts naming a statement that no figure is kept").isGreaterThan(50);
    }

    private static String describe(List<String[]> v) {
        return v.size() == 1 ? String.join(" ", v.get(0)) : "all " + v.size() + " statements";
    }

    /** The seed story, its facts plus {@code extra} ({subject, attribute, at} each), with claims of every form. */
    private static String story(List<String[]> extra) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Path.of("facts/nk-soldier-captured.json").toFile());
        doc.remove("$schema");
        ArrayNode facts = (ArrayNode) doc.get("facts");
        int i = 0;
        for (String[] e : extra) {
            facts.add(JSON.readTree("{\"id\": \"u" + i++ + "\", \"subject\": \"" + e[0] + "\", \"attribute\": \"" + e[1]
                    + "\", \"value\": {\"unrecorded\": true}, \"at\": " + e[2] + ", \"source\": \"nis\","
                    + " \"certainty\": \"unconfirmed\", \"quote\": \"North Korea has deployed over 11,000 soldiers to Russia\"}"));
        }
        ArrayNode claims = (ArrayNode) doc.get("claims");
        String dec = "{\"from\": \"2024-12-01\", \"to\": \"2024-12-31\"}";
        int k = 0;
        for (String a : ATTRIBUTES) {
            for (String form : new String[]{
                    "\"op\": \">\", \"value\": 1000",
                    "\"op\": \"=\", \"value\": 2, \"change\": \"ratio\", \"since\": \"2024-12-20\"",
                    "\"op\": \"=\", \"value\": 4000, \"aggregate\": \"sum\", \"at\": " + dec,
                    "\"op\": \"=\", \"value\": 4000, \"aggregate\": \"max\", \"at\": " + dec,
                    "\"op\": \">\", \"versus\": \"soldier-1\"",
                    "\"op\": \"=\", \"value\": 1, \"rank_among\": [\"soldier-1\"]",
                    "\"op\": \"=\", \"value\": 1, \"rank_over\": {\"to\": \"2024-12-27\"}",
                    "\"trend\": \"rising\", \"at\": " + dec,
                    "\"op\": \">\", \"value\": 10, \"quantifier\": \"all\", \"among\": [\"dprk-troops\", \"soldier-1\"]",
                    "\"op\": \"~\", \"value\": 10000, \"window\": \"P2D\", \"max_age\": \"P10D\""}) {
                claims.add(JSON.readTree("{\"id\": \"x" + k++ + "\", \"text\": \"claim " + k + "\", \"subject\": \"dprk-troops\","
                        + " \"attribute\": \"" + a + "\", " + form + "}"));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}
