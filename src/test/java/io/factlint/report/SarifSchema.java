package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 schema (src/test/resources/schemas, see the README there), loaded once. Its draft-07
 * meta-schema ships with the validator; nothing is fetched from the network, and formats (uri, date-time) are
 * asserted. One erratum of the published file is applied in memory (see {@link #withStatusErratum}).
 */
public final class SarifSchema {
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(l -> l.fetchRemoteResources(false)));
        try (InputStream in = SarifSchema.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return registry.getSchema(withStatusErratum(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The OASIS schema file misspells the suppression's {@code status} property (SARIF 2.1.0 §3.35.3) as
     * {@code state}, and forbids additional properties, so a log that follows the standard fails it
     * (oasis-tcs/sarif-spec issue 449; the SARIF SDK's schema has the fix). Consumers (GitHub code scanning, GitLab)
     * read {@code status}. The file stays as published; the erratum is applied here, in memory: {@code status} is
     * allowed with the same values ({@code state} stays allowed too).
     */
    static JsonNode withStatusErratum(JsonNode schema) {
        ObjectNode props = (ObjectNode) schema.at("/definitions/suppression/properties");
        if (!props.has("status") && props.has("state")) {
            ObjectNode status = props.get("state").deepCopy();
            status.put("description", "A string that indicates the review status of the suppression.");
            props.set("status", status);
        }
        return schema;
    }

    public static List<Error> validate(JsonNode sarif) {
        return SCHEMA.validate(sarif);
    }
}
