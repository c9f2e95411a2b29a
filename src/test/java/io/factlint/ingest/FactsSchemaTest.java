package io.factlint.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schema/facts.schema.json} accepts every conformance fact file and rejects typical mistakes. */
class FactsSchemaTest {
    static final Path SCHEMA = Path.of("schema/facts.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode node = JSON.readTree(SCHEMA.toFile());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false))).getSchema(node);
    }

    static Stream<Path> conformanceFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ConformanceLoadTest.ROOT)) {
            return s.filter(p -> p.toString().endsWith(".json") && p.getParent().getFileName().toString().equals("facts"))
                    .sorted().toList().stream();
        }
    }

    private static java.util.List<Error> validate(Path file) throws IOException {
        return schema.validate(JSON.readTree(file.toFile()));
    }

    @Test
    void schemaIsDraft2020WithDescriptions() throws IOException {
        JsonNode node = JSON.readTree(SCHEMA.toFile());
        assertThat(node.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(node.get("additionalProperties").asBoolean()).isFalse();
        for (String def : new String[]{"story", "source", "entity", "fact", "claim", "mention"}) {
            assertThat(node.at("/$defs/" + def + "/additionalProperties").asBoolean()).as(def).isFalse();
            node.at("/$defs/" + def + "/properties").fields().forEachRemaining(f ->
                    assertThat(f.getValue().has("description") || f.getValue().has("$ref")).as(def + "." + f.getKey()).isTrue());
        }
    }

    @Test
    void thereAreConformanceFiles() throws IOException {
        assertThat(conformanceFiles()).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceFiles")
    void acceptsConformanceFile(Path file) throws IOException {
        assertThat(validate(file)).isEmpty();
    }

    static Stream<Path> claimFormFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/rule-cases/claims"))) {
            return s.filter(p -> p.toString().endsWith(".json") && p.getParent().getFileName().toString().equals("facts"))
                    .sorted().toList().stream();
        }
    }

    /** The claim forms of docs/claims.md (since, aggregate, versus, rank_among, tolerance, percent, ...). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("claimFormFiles")
    void acceptsTheClaimFormCases(Path file) throws IOException {
        assertThat(validate(file)).isEmpty();
    }

    @Test
    void rejectsWrongClaimFormFields() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"=\", \"value\": 1, ";
        for (String bad : new String[]{"\"aggregate\": \"median\"", "\"window\": \"14 days\"", "\"tolerance\": {}",
                "\"rank_among\": []", "\"change\": \"growth\"", "\"tolerance\": {\"relative\": -1}", "\"rank_over\": \"2018-12-31\"",
                "\"rank_over\": {\"from\": \"2013-01-01\"}", "\"rank_over\": {}"}) {
            assertThat(schema.validate(JSON.readTree(base + bad + ", \"at\": \"2024-01-01\"}]}"))).as(bad).isNotEmpty();
        }
        assertThat(schema.validate(JSON.readTree(base + "\"since\": \"2002\", \"at\": \"2024-01-01\"}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(base + "\"rank_over\": \"2013\", \"at\": \"2024-01-01\"}]}"))).isEmpty();
    }

    /**
     * A period with no start ({@code {"to": ...}}, a record: "the highest on record") is accepted as {@code rank_over}
     * only: a fact's {@code at}, a claim's {@code at} and {@code since} still need both ends.
     */
    @Test
    void aPeriodWithNoStartIsARankOverOnly() throws IOException {
        String entity = "\"entities\": [{\"id\": \"e\", \"name\": \"E\"}], \"sources\": [{\"id\": \"s\", \"name\": \"S\"}], ";
        String claim = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"=\", \"value\": 1, ";
        String open = "{\"to\": \"2020-04-30\"}";
        assertThat(schema.validate(JSON.readTree(claim + "\"rank_over\": " + open + ", \"at\": \"2020-04-30\"}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(claim + "\"at\": " + open + "}]}"))).as("a claim's at").isNotEmpty();
        assertThat(schema.validate(JSON.readTree(claim + "\"since\": " + open + ", \"at\": \"2020-04-30\"}]}"))).as("since").isNotEmpty();
        String fact = "{" + entity + "\"facts\": [{\"id\": \"f\", \"subject\": \"e\", \"attribute\": \"a\", \"value\": 1, \"source\": \"s\", \"at\": ";
        assertThat(schema.validate(JSON.readTree(fact + "{\"from\": \"2020-04-01\", \"to\": \"2020-04-30\"}}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(fact + open + "}]}"))).as("a fact's at").isNotEmpty();
    }

    /** A duration takes a {@code unit} (days or years), and only a duration does. */
    @Test
    void aDurationTakesAUnitAndOnlyADurationDoes() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"~\", \"value\": 29, ";
        String period = ", \"at\": {\"from\": \"1960-10-01\", \"to\": \"2020-09-30\"}}]}";
        assertThat(schema.validate(JSON.readTree(base + "\"aggregate\": \"duration\", \"unit\": \"years\"" + period))).isEmpty();
        assertThat(schema.validate(JSON.readTree(base + "\"aggregate\": \"duration\", \"unit\": \"days\"" + period))).isEmpty();
        for (String bad : new String[]{"\"aggregate\": \"duration\"", "\"aggregate\": \"duration\", \"unit\": \"months\"",
                "\"aggregate\": \"sum\", \"unit\": \"years\"", "\"unit\": \"days\""}) {
            assertThat(schema.validate(JSON.readTree(base + bad + period))).as(bad).isNotEmpty();
        }
    }

    /** A total takes no {@code window} and no {@code max_age}, as the loader says (bad-input/aggregate-window). */
    @Test
    void aTotalTakesNoWindowAndNoMaximumAge() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"=\", \"value\": 81, "
                + "\"aggregate\": \"max\", \"at\": {\"from\": \"2020-03-01\", \"to\": \"2020-03-31\"}";
        assertThat(schema.validate(JSON.readTree(base + "}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(base + ", \"window\": \"P14D\"}]}"))).as("window").isNotEmpty();
        assertThat(schema.validate(JSON.readTree(base + ", \"max_age\": \"P1D\"}]}"))).as("max_age").isNotEmpty();
    }

    /** A claim over a set takes a quantifier (a word or a count) and its members, each needing the other. */
    @Test
    void aClaimOverASetTakesAQuantifierAndItsMembers() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \">\", \"value\": 60";
        for (String good : new String[]{"\"quantifier\": \"most\", \"among\": {\"kind\": \"country\"}",
                "\"quantifier\": {\"op\": \">=\", \"value\": 12}, \"among\": [\"a\", \"b\"]",
                "\"quantifier\": \"only\", \"among\": [\"a\"], \"since\": \"2020\", \"change\": \"ratio\""}) {
            assertThat(schema.validate(JSON.readTree(base + ", " + good + "}]}"))).as(good).isEmpty();
        }
        for (String bad : new String[]{"\"quantifier\": \"most\"", "\"among\": [\"a\"]",
                "\"quantifier\": \"many\", \"among\": [\"a\"]", "\"quantifier\": {\"op\": \"=\"}, \"among\": [\"a\"]",
                "\"quantifier\": \"all\", \"among\": []"}) {
            assertThat(schema.validate(JSON.readTree(base + ", " + bad + "}]}"))).as(bad).isNotEmpty();
        }
    }

    /** {@code members_complete} says each member's own facts are complete: a boolean, and only with a set. */
    @Test
    void membersCompleteGoesWithAQuantifierOnly() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", "
                + "\"trend\": \"rising\", \"at\": {\"from\": \"2007-01-01\", \"to\": \"2009-12-31\"}";
        String set = "\"quantifier\": \"all\", \"among\": {\"kind\": \"economy\"}";
        for (String good : new String[]{set + ", \"members_complete\": true", set + ", \"members_complete\": false, \"complete\": true"}) {
            assertThat(schema.validate(JSON.readTree(base + ", " + good + "}]}"))).as(good).isEmpty();
        }
        for (String bad : new String[]{"\"members_complete\": true", "\"members_complete\": false, \"complete\": true",
                set + ", \"members_complete\": \"yes\""}) {
            assertThat(schema.validate(JSON.readTree(base + ", " + bad + "}]}"))).as(bad).isNotEmpty();
        }
    }

    /**
     * {@code members_complete} changes only a condition that reads completeness (a trend, a rank over time, a sum,
     * count, duration or gap): on a plain value, a change of values or a mean it is an error, as the checker says.
     */
    @Test
    void membersCompleteGoesWithAConditionThatNeedsCompleteFactsOnly() throws IOException {
        String set = "{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"quantifier\": \"all\","
                + " \"among\": {\"kind\": \"economy\"}, \"members_complete\": true, ";
        String period = "\"at\": {\"from\": \"2007-01-01\", \"to\": \"2009-12-31\"}";
        String[] good = {"\"trend\": \"rising\", " + period,
                "\"op\": \"=\", \"value\": 1, \"rank_over\": \"2007\", \"at\": \"2009-12-31\"",
                "\"op\": \"<=\", \"value\": 5, \"aggregate\": \"sum\", " + period,
                "\"op\": \"<=\", \"value\": 5, \"aggregate\": \"count\", " + period,
                "\"op\": \"<=\", \"value\": 5, \"aggregate\": \"duration\", \"unit\": \"days\", " + period,
                "\"op\": \">=\", \"value\": 5, \"aggregate\": \"gap\", \"unit\": \"years\", " + period};
        for (String g : good) {
            assertThat(schema.validate(JSON.readTree("{\"facts\": [], \"claims\": [" + set + g + "}]}"))).as(g).isEmpty();
        }
        String[] bad = {"\"op\": \">=\", \"value\": 5",
                "\"op\": \">=\", \"value\": 5, \"since\": \"2007-01-01\"",
                "\"op\": \">=\", \"value\": 5, \"aggregate\": \"mean\", " + period,
                "\"op\": \">=\", \"value\": 5, \"aggregate\": \"max\", " + period};
        for (String b : bad) {
            assertThat(schema.validate(JSON.readTree("{\"facts\": [], \"claims\": [" + set + b + "}]}"))).as(b).isNotEmpty();
        }
    }

    /** A gap between events is a length of time: it needs its unit, as a duration does. */
    @Test
    void aGapNeedsItsUnit() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"~\", \"value\": 100, "
                + "\"aggregate\": \"gap\", \"at\": {\"from\": \"1300-01-01\", \"to\": \"2020-12-31\"}";
        assertThat(schema.validate(JSON.readTree(base + ", \"unit\": \"years\"}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(base + "}]}"))).as("no unit").isNotEmpty();
    }

    /** A trend takes a direction, a period {@code at}, and neither {@code op} nor {@code value}. */
    @Test
    void aTrendTakesADirectionAPeriodAndNoOpNorValue() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", ";
        String period = "\"at\": {\"from\": \"2010-01-01\", \"to\": \"2019-12-31\"}";
        assertThat(schema.validate(JSON.readTree(base + "\"trend\": \"rising\", " + period + "}]}"))).isEmpty();
        for (String bad : new String[]{"\"trend\": \"up\", " + period, "\"trend\": \"rising\", \"op\": \">\", " + period,
                "\"trend\": \"rising\", \"value\": 1, " + period, "\"trend\": \"rising\", \"at\": \"2019-12-31\"",
                "\"trend\": \"falling\"", period}) {
            assertThat(schema.validate(JSON.readTree(base + bad + "}]}"))).as(bad).isNotEmpty();
        }
    }

    /**
     * A measure's fact may say that no figure is kept, {@code {"unrecorded": true}} (docs/fact-files.md), and only
     * so: not false, not with a quantity's fields, not for a status, not as a claim's value (bad-input/unrecorded-value).
     */
    @Test
    void aFactValueMayBeUnrecordedAndOnlySo() throws IOException {
        String base = "{\"facts\": [{\"id\": \"f1\", \"subject\": \"p\", \"source\": \"a\", ";
        assertThat(schema.validate(JSON.readTree(base + "\"attribute\": \"deaths\", \"value\": {\"unrecorded\": true}}]}"))).isEmpty();
        for (String bad : new String[]{"\"attribute\": \"deaths\", \"value\": {\"unrecorded\": false}",
                "\"attribute\": \"deaths\", \"value\": {\"unrecorded\": true, \"amount\": 10, \"bound\": \"about\"}",
                "\"attribute\": \"deaths\", \"value\": {\"unrecorded\": \"yes\"}",
                "\"attribute\": \"status\", \"value\": {\"unrecorded\": true}"}) {
            assertThat(schema.validate(JSON.readTree(base + bad + "}]}"))).as(bad).isNotEmpty();
        }
        // a claim's value: the claim that no figure is kept (=) or that one is (!=), with no form that judges figures
        String claim = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", "
                + "\"value\": {\"unrecorded\": true}, \"at\": \"2024-01-01\", ";
        assertThat(schema.validate(JSON.readTree(claim + "\"op\": \"=\"}]}"))).as("no figure is kept").isEmpty();
        assertThat(schema.validate(JSON.readTree(claim + "\"op\": \"!=\"}]}"))).as("a figure is kept").isEmpty();
        for (String bad : new String[]{"\"op\": \">\"", "\"op\": \"=\", \"since\": \"2019\"",
                "\"op\": \"=\", \"tolerance\": {\"relative\": 0.1}", "\"op\": \"=\", \"versus\": \"f\""}) {
            assertThat(schema.validate(JSON.readTree(claim + bad + "}]}"))).as(bad).isNotEmpty();
        }
        assertThat(validate(BadInputCorpusTest.ROOT.resolve("unrecorded-value/facts/story.json"))).isNotEmpty();
    }

    /** The fields that belong to a form need it, as the loader says (ClaimFormFields.check). */
    @Test
    void aFormsFieldNeedsItsForm() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"=\", "
                + "\"value\": 3, \"at\": \"2020-01-01\", ";
        for (String good : new String[]{"\"since\": \"2019\", \"change\": \"ratio\", \"from\": 2",
                "\"versus\": \"f\", \"compare\": \"ratio\"", "\"rank_among\": [\"f\"], \"order\": \"asc\""}) {
            assertThat(schema.validate(JSON.readTree(base + good + "}]}"))).as(good).isEmpty();
        }
        for (String bad : new String[]{"\"change\": \"ratio\"", "\"from\": 2", "\"compare\": \"ratio\"",
                "\"order\": \"asc\""}) {
            assertThat(schema.validate(JSON.readTree(base + bad + "}]}"))).as(bad).isNotEmpty();
        }
    }

    @Test
    void aTotalOrARateIsOverAPeriodAndARateOnlyOfASumOrACount() throws IOException {
        String base = "{\"facts\": [], \"claims\": [{\"id\": \"c\", \"subject\": \"e\", \"attribute\": \"a\", \"op\": \"=\", "
                + "\"value\": 3, ";
        String period = "\"at\": {\"from\": \"2020-01-01\", \"to\": \"2020-12-31\"}";
        assertThat(schema.validate(JSON.readTree(base + "\"aggregate\": \"sum\", \"per\": \"day\", " + period + "}]}"))).isEmpty();
        for (String bad : new String[]{"\"aggregate\": \"sum\", \"per\": \"day\", \"at\": \"2020-01-01\"",
                "\"aggregate\": \"sum\", \"per\": \"day\"", "\"aggregate\": \"sum\"",
                "\"aggregate\": \"mean\", \"per\": \"day\", " + period, "\"per\": \"day\", " + period,
                "\"aggregate\": \"sum\", \"per\": \"fortnight\", " + period}) {
            assertThat(schema.validate(JSON.readTree(base + bad + "}]}"))).as(bad).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown-field", "missing-required-field", "wrong-type", "unknown-bound", "unknown-op",
            "unknown-certainty", "story-without-published", "not-an-object", "bad-times"})
    void rejectsBadInput(String name) throws IOException {
        // (status words are the rule pack's data, so an unknown one is caught by the loader, not the schema)
        Path file = BadInputCorpusTest.ROOT.resolve(name).resolve("facts/story.json");
        assertThat(validate(file)).isNotEmpty();
    }

    @Test
    void rejectsStatusValuesThatAreNumbersAndQuantitiesThatAreWords() throws IOException {
        String base = "{\"facts\": [{\"id\": \"f1\", \"subject\": \"p\", \"source\": \"a\", ";
        assertThat(schema.validate(JSON.readTree(base + "\"attribute\": \"status\", \"value\": 3}]}"))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(base + "\"attribute\": \"killed\", \"value\": \"many\"}]}"))).isNotEmpty();
        assertThat(schema.validate(JSON.readTree(base + "\"attribute\": \"killed\", \"value\": {\"min\": 1, \"max\": 2}}]}"))).isEmpty();
        assertThat(schema.validate(JSON.readTree(base + "\"attribute\": \"status\", \"value\": \"captured\","
                + " \"at\": {\"from\": \"2024-12-01\", \"to\": \"2024-12-27T18:00:00+09:00\"}}]}"))).isEmpty();
    }
}
