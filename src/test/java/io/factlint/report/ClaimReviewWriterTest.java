package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Severity;
import io.factlint.model.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --format claimreview} on real engine output, against a JSON Schema profile of Google's fields. */
class ClaimReviewWriterTest {
    private static Schema profile;
    private static RulePack pack;

    @BeforeAll
    static void load() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(l -> l.fetchRemoteResources(false)));
        try (InputStream in = ClaimReviewWriterTest.class.getResourceAsStream("/schemas/claimreview-profile.json")) {
            profile = registry.getSchema(new ObjectMapper().readTree(in));
        }
        pack = io.factlint.testing.DefaultPack.get(); // compiled once per test JVM
    }

    private static JsonNode write(CheckOutcome r, ClaimReviewWriter.Newsroom n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClaimReviewWriter(n).write(r, new ReportOptions("test", null), out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    /** The reviews of a check of {@code facts} with the default pack and the newsroom {@code env} says, valid by the profile. */
    private static JsonNode validReviews(String facts, Map<String, String> env) throws Exception {
        CheckOutcome r = new CheckPipeline(pack).run(CheckRequest.of(List.of(Path.of(facts))));
        JsonNode json = write(r, ClaimReviewWriter.Newsroom.fromEnvironment(env));
        assertThat(profile.validate(json)).isEmpty();
        return json;
    }

    /** A claim whose fact file gives no text is reviewed under its reference (Claim.wording), never "null". */
    @Test
    void aClaimWithoutTextIsReviewedUnderItsReference() throws Exception {
        JsonNode json = validReviews("src/test/resources/rule-cases/claim.undetermined/fires-without-text/facts",
                Map.of("FACTLINT_NEWSROOM", "Desk"));
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("claimReviewed").asText()).isEqualTo("s#untold");
    }

    @Test
    void theSeedStoryGivesValidReviews() throws Exception {
        JsonNode json = validReviews("facts", Map.of("FACTLINT_NEWSROOM", "Desk", "FACTLINT_NEWSROOM_URL",
                "https://news.example/", "FACTLINT_STORY_URL", "https://news.example/{story}"));
        assertThat(json).hasSize(2);
        JsonNode headline = json.get(0);
        assertThat(headline.get("url").asText()).isEqualTo("https://news.example/nk-soldier-captured#headline");
        assertThat(headline.at("/reviewRating/ratingValue").asInt()).isEqualTo(5);
        assertThat(headline.at("/reviewRating/alternateName").asText()).isEqualTo("True");
        assertThat(headline.at("/author/name").asText()).isEqualTo("Desk");
        assertThat(headline.at("/itemReviewed/author/name").asText()).isEqualTo("National Intelligence Service (South Korea)");
        assertThat(headline.at("/itemReviewed/appearance/datePublished").asText()).isEqualTo("2024-12-27");
        // c1: supported, strict undetermined
        assertThat(json.get(1).at("/reviewRating/ratingValue").asInt()).isEqualTo(4);
        assertThat(json.get(1).at("/reviewRating/ratingExplanation").asText()).contains("(25.0 %, 36.4 %)");
    }

    @Test
    void withoutSettingsTheUrlIsAUrnAndTheProfileStillHolds() throws Exception {
        JsonNode json = validReviews("src/test/resources/rule-cases/claims/change-since/fires/facts", Map.of());
        assertThat(json.get(0).get("url").asText()).isEqualTo("urn:factlint:s#grown");
        assertThat(json.get(0).at("/reviewRating/alternateName").asText()).isEqualTo("False");
        assertThat(json.get(0).at("/author/name").asText()).isEqualTo("factlint");
    }

    /**
     * A claim that names a part no rule checks ({@code unchecked}): its supported number is "Unproven" (3), its
     * contradicted one stays "False" (1), and the explanation names the part.
     */
    @Test
    void aClaimWithAnUncheckedPartIsNeverTrue() throws Exception {
        JsonNode json = validReviews("src/test/resources/rule-cases/claims/unchecked/fires/facts", Map.of());
        Map<String, JsonNode> byUrl = new java.util.HashMap<>();
        for (JsonNode review : json) byUrl.put(review.get("url").asText(), review);
        JsonNode lost = byUrl.get("urn:factlint:s#jobs-lost");
        assertThat(lost.at("/reviewRating/ratingValue").asInt()).isEqualTo(3);
        assertThat(lost.at("/reviewRating/ratingExplanation").asText())
                .endsWith("the claim also says \"the cause: the trade war\", which no rule checks: undetermined");
        assertThat(byUrl.get("urn:factlint:s#fell").at("/reviewRating/ratingValue").asInt()).isEqualTo(1);
    }

    /**
     * A claim stating a figure nobody records ({@code {"unrecorded": true}}): contradicted, strict reading undetermined,
     * so "Mostly false" (2) by the scale, the source's statement in the explanation.
     */
    @Test
    void aFigureNobodyRecordsIsMostlyFalse() throws Exception {
        JsonNode json = validReviews("src/test/resources/rule-cases/claims/unrecorded/fires/facts", Map.of());
        assertThat(json).hasSize(3);
        for (JsonNode review : json) {
            assertThat(review.at("/reviewRating/ratingValue").asInt()).as(review.get("url").asText()).isEqualTo(2);
            assertThat(review.at("/reviewRating/alternateName").asText()).isEqualTo("Mostly false");
            assertThat(review.at("/reviewRating/ratingExplanation").asText())
                    .contains("that no figure of ", " is kept (stated for ", "a claimed figure has no source");
        }
        assertThat(json.get(0).at("/reviewRating/ratingExplanation").asText()).isEqualTo("essential_worker_deaths of us on"
                + " 1 May 2020: cdc states that no figure of essential_worker_deaths of us is kept (stated for 20 Apr 2020):"
                + " a claimed figure has no source; the claim = 1,000 is contradicted (strict reading: undetermined)");
    }

    @Test
    void theScaleIsTheDocumentedOne() {
        Verdict s = Verdict.SUPPORTED, u = Verdict.UNDETERMINED, c = Verdict.CONTRADICTED;
        assertThat(ClaimReviewWriter.rating(v(c, c))).isEqualTo(1);
        assertThat(ClaimReviewWriter.rating(v(c, u))).isEqualTo(2);
        assertThat(ClaimReviewWriter.rating(v(u, u))).isEqualTo(3);
        assertThat(ClaimReviewWriter.rating(v(s, u))).isEqualTo(4);
        assertThat(ClaimReviewWriter.rating(v(s, s))).isEqualTo(5);
    }

    @Test
    void theProfileRejectsAReviewWithoutItsRequiredFields() throws Exception {
        JsonNode bad = new ObjectMapper().readTree("[{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\","
                + " \"claimReviewed\": \"x\", \"reviewRating\": {\"@type\": \"Rating\", \"ratingValue\": 6}}]");
        assertThat(profile.validate(bad)).isNotEmpty();
    }

    private static ClaimVerdict v(Verdict conv, Verdict strict) {
        return new ClaimVerdict(null, conv, strict, null, List.of(), "");
    }
}
