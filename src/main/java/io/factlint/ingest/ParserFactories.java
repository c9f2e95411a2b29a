package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Reader;

/**
 * The JSON and YAML parser factories, configured once from {@link ParserLimits} (thread-safe, shared by the
 * worker threads): Jackson's stream read constraints, strict duplicate key detection, and for YAML SnakeYAML's
 * loader limits. YAML aliases are replayed (Jackson's anchor-replaying parser, itself bounded), and every replayed
 * token counts against {@link ParserLimits#maxTokens()}.
 */
final class ParserFactories {
    private final ParserLimits limits;
    private final StreamReadConstraints constraints;
    private final JsonFactory json;
    /**
     * Made for the first YAML fact file: a check of JSON files loads no YAML parser. Typed as the JSON factory it
     * extends, so that verifying this class loads no YAML class either ({@link Yaml} does).
     */
    private volatile JsonFactory yaml;

    ParserFactories(ParserLimits limits) {
        this.limits = limits;
        constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(limits.maxDocumentLength())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build();
        json = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    private JsonFactory yaml() {
        JsonFactory y = yaml;
        if (y == null) {
            synchronized (this) {
                if (yaml == null) yaml = Yaml.factory(limits, constraints);
                y = yaml;
            }
        }
        return y;
    }

    private static final class Yaml {
        static JsonFactory factory(ParserLimits limits, StreamReadConstraints constraints) {
            LoaderOptions loader = new LoaderOptions();
            loader.setNestingDepthLimit(limits.maxNestingDepth());
            loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentLength()));
            loader.setMaxAliasesForCollections(limits.maxYamlAliases());
            loader.setAllowDuplicateKeys(false);
            loader.setAllowRecursiveKeys(false);
            YAMLFactory base = YAMLFactory.builder()
                    .loaderOptions(loader)
                    .streamReadConstraints(constraints)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build();
            return new YAMLAnchorReplayingFactory(base, null);
        }
    }

    JsonParser create(Reader reader, boolean isYaml) throws IOException {
        return (isYaml ? yaml() : json).createParser(reader);
    }

    /** A JSON parser over UTF-8 bytes (Jackson's byte parser: no decoding to characters first). */
    JsonParser createJson(byte[] utf8, int off, int len) throws IOException {
        return json.createParser(utf8, off, len);
    }
}
