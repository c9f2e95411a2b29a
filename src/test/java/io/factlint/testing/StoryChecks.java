package io.factlint.testing;

import io.factlint.check.CheckRequest;
import io.factlint.model.ClaimVerdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a one-story fact file written from a test's facts and claims with the default pack, through the real
 * pipeline (ingest, engine, rules), and returns each claim's verdict by id. The story has one source, {@code "a"}
 * (a government agency), for the facts to cite.
 */
public final class StoryChecks {
    private StoryChecks() {
    }

    /**
     * The verdicts of {@code claims} against {@code facts} (JSON array items, joined by commas) in a story published
     * on {@code published}, with {@code entities} (JSON array items), written to {@code dir}/story.json.
     */
    public static Map<String, ClaimVerdict> verdicts(Path dir, String published, String entities, String facts,
                                                     String claims) throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, "{\"story\": {\"id\": \"s\", \"published\": \"" + published + "\"},"
                + " \"sources\": [{\"id\": \"a\", \"name\": \"Agency\", \"kind\": \"government\"}],"
                + " \"entities\": [" + entities + "],"
                + " \"facts\": [" + facts + "], \"claims\": [" + claims + "]}");
        Map<String, ClaimVerdict> out = new HashMap<>();
        var r = DefaultPack.pipeline().run(CheckRequest.of(List.of(file))).result();
        for (ClaimVerdict v : r.verdicts()) out.put(v.claim().id(), v);
        return out;
    }
}
