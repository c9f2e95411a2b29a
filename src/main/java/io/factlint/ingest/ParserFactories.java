package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLAnchorReplayingParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

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
            return new AliasCountingFactory(base, limits.maxYamlAliases());
        }
    }

    /**
     * Jackson's anchor-replaying YAML factory whose parsers count the aliases of collections: SnakeYAML's own limit
     * ({@code LoaderOptions.setMaxAliasesForCollections}) is applied only by its composer, which Jackson's streaming
     * parser never uses, so the count is kept here. Only {@link #create(Reader, boolean)}'s path (a reader) is used.
     */
    static final class AliasCountingFactory extends YAMLAnchorReplayingFactory {
        private static final long serialVersionUID = 1L;
        private final int maxAliases;

        AliasCountingFactory(YAMLFactory base, int maxAliases) {
            super(base, null);
            this.maxAliases = maxAliases;
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new AliasCountingParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r,
                    maxAliases);
        }
    }

    /** Counts each alias of an anchored list or mapping as written (a replay is not counted again). */
    static final class AliasCountingParser extends YAMLAnchorReplayingParser {
        private final int maxAliases;
        private final java.util.Map<String, Boolean> collection = new java.util.HashMap<>();
        private int aliases;
        private long over;

        AliasCountingParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
                            com.fasterxml.jackson.core.ObjectCodec codec, Reader reader, int maxAliases) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
            this.maxAliases = maxAliases;
        }

        @Override
        protected Event filterEvent(Event event) {
            if (event instanceof AliasEvent a) {
                if (Boolean.TRUE.equals(collection.get(a.getAnchor())) && ++aliases > maxAliases && over == 0) {
                    over = a.getStartMark() == null ? TokenCursor.pack(1, 1)
                            : TokenCursor.pack(a.getStartMark().getLine() + 1, a.getStartMark().getColumn() + 1);
                }
            } else if (event instanceof NodeEvent n && n.getAnchor() != null) {
                collection.put(n.getAnchor(), event instanceof CollectionStartEvent);
            }
            return super.filterEvent(event);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event e = super.getEvent();
            if (over != 0) throw new ParseFailures.AliasLimitExceeded(over);
            return e;
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
