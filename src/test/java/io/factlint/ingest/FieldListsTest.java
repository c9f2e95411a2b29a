package io.factlint.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.factlint.scaffold.StoryScaffold;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's field tables ({@link FileParser#objects()}) are the one statement of the fact-file schema: the JSON
 * Schema, {@code factlint init}'s scaffold and the README's field list must say the same.
 */
class FieldListsTest {
    static JsonNode schema;

    @BeforeAll
    static void load() throws IOException {
        schema = new ObjectMapper().readTree(Path.of("schema/facts.schema.json").toFile());
    }

    /** The object of the schema that {@code name} describes (an alternative of quantity/when for those two). */
    private static JsonNode schemaObject(String name) {
        return switch (name) {
            case "top" -> schema;
            case "quantity" -> null; // two alternatives, checked in quantityIsTheUnionOfTheSchemasAlternatives
            case "period" -> schema.at("/$defs/when/anyOf/1");
            default -> schema.at("/$defs/" + name);
        };
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void everyObjectsFieldsAndRequiredFieldsAreTheSchemas() {
        for (Map.Entry<String, Fields<?>> e : FileParser.objects().entrySet()) {
            JsonNode object = schemaObject(e.getKey());
            if (object == null) continue;
            assertThat(object.isMissingNode()).as(e.getKey() + " in the schema").isFalse();
            assertThat(object.get("additionalProperties").asBoolean(true)).as(e.getKey() + " closed").isFalse();
            assertThat(e.getValue().names()).as("fields of " + e.getKey())
                    .containsExactlyElementsOf(names(object.get("properties")));
            // a field required unless another is given (a claim's value, unless versus) is the first alternative of an anyOf
            List<String> required = new java.util.ArrayList<>(texts(object.get("required")));
            if (object.has("anyOf")) required.addAll(texts(object.get("anyOf").get(0).get("required")));
            assertThat(e.getValue().required()).as("required fields of " + e.getKey())
                    .containsExactlyInAnyOrderElementsOf(required);
        }
    }

    @Test
    void quantityIsTheUnionOfTheSchemasAlternatives() {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode alt : schema.at("/$defs/quantity/anyOf")) {
            if (alt.has("properties")) fields.addAll(names(alt.get("properties")));
        }
        assertThat(ValueGrammar.QUANTITY.names()).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void theSchemaHasNoObjectTheParserLacks() {
        Set<String> objects = new LinkedHashSet<>();
        schema.get("$defs").fields().forEachRemaining(f -> {
            if ("object".equals(f.getValue().path("type").asText())) objects.add(f.getKey());
        });
        assertThat(FileParser.objects().keySet()).containsAll(objects);
    }

    @Test
    void closedWordListsAreTheSchemas() {
        assertThat(ValueGrammar.BOUNDS).containsExactlyElementsOf(texts(schema.at("/$defs/bound/enum")));
        assertThat(ValueGrammar.CERTAINTIES)
                .containsExactlyElementsOf(texts(schema.at("/$defs/fact/properties/certainty/enum")));
        assertThat(ValueGrammar.KINDS)
                .containsExactlyElementsOf(texts(schema.at("/$defs/source/properties/kind/enum")));
        assertThat(ValueGrammar.OPS)
                .containsExactlyElementsOf(texts(schema.at("/$defs/claim/properties/op/enum")));
    }

    /**
     * The scaffold of {@code factlint init} with every example uncommented uses only fields the parser knows and,
     * in each example, every required one.
     */
    @Test
    void theScaffoldsExamplesUseTheParsersFields() throws IOException {
        String scaffold = StoryScaffold.yaml("s", LocalDate.of(2024, 12, 27), "../schema/facts.schema.json");
        String uncommented = scaffold.lines()
                .map(l -> l.startsWith("#   ") ? l.substring(1) : l)
                .map(l -> l.replaceFirst("^(\\w+): \\[\\]$", "$1:"))
                .reduce("", (a, b) -> a + b + "\n");
        JsonNode doc = new YAMLMapper().readTree(uncommented);
        assertKnown("top", doc);
        assertKnown("story", doc.get("story"));
        Map<String, String> arrays = Map.of("sources", "source", "entities", "entity", "facts", "fact",
                "claims", "claim", "mentions", "mention");
        arrays.forEach((array, object) -> {
            assertThat(doc.get(array).isArray()).as(array + " has an example").isTrue();
            for (JsonNode item : doc.get(array)) assertKnown(object, item);
        });
    }

    private static void assertKnown(String object, JsonNode node) {
        Fields<?> fields = FileParser.objects().get(object);
        assertThat(fields.names()).as("fields of " + object + " in the scaffold").containsAll(names(node));
        assertThat(names(node)).as("required fields of " + object + " in the scaffold").containsAll(fields.required());
    }

    /** The README's "fact format" bullets name every field of the object they describe. */
    @Test
    void theReadmeNamesEveryField() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, List<String>> bullets = Map.of(
                "story", List.of("story"), "sources", List.of("source", "entity"), "facts", List.of("fact"),
                "claims", List.of("claim"), "mentions", List.of("mention"), "values", List.of("quantity"));
        bullets.forEach((bullet, objects) -> {
            Matcher m = Pattern.compile("(?ms)^- \\*\\*" + bullet + "\\*\\*(.*?)(?=^- \\*\\*|^\\s*$)").matcher(readme);
            assertThat(m.find()).as("README bullet " + bullet).isTrue();
            Set<String> named = new LinkedHashSet<>();
            Matcher code = Pattern.compile("`([^`]+)`").matcher(m.group(1));
            while (code.find()) named.add(code.group(1));
            // {"amount": 11000, ...} written as code names its fields too
            Matcher quoted = Pattern.compile("\"(\\w+)\":").matcher(m.group(1));
            while (quoted.find()) named.add(quoted.group(1));
            for (String object : objects) {
                assertThat(named).as("README bullet " + bullet + " names the fields of " + object)
                        .containsAll(FileParser.objects().get(object).names());
            }
        });
    }
}
