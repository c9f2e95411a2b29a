package io.factlint.review;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.factlint.ingest.InputError;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Location;
import io.factlint.model.Severity;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the findings of a JSON report of an earlier run ({@code --baseline}). Only the findings are read; a finding
 * without a {@code fingerprint} (a report of an older version) gets one computed from its rule, subject, claim and
 * facts, as {@link Finding#fingerprint()} does.
 */
public final class BaselineReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private BaselineReport() {
    }

    /** The baseline's findings in the report's order; problems go to {@code errors} (then the list is empty). */
    public static List<FixedFinding> read(Path path, List<InputError> errors) {
        String shown = WaiverFile.display(path);
        List<FixedFinding> out = new ArrayList<>();
        int before = errors.size();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser p = MAPPER.createParser(r)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(new InputError(at(shown, p), "a baseline is a JSON report of factlint (check --format json); this is not an object"));
                return List.of();
            }
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("findings")) {
                    p.skipChildren();
                    continue;
                }
                seen = true;
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    errors.add(new InputError(at(shown, p), "\"findings\" must be a list"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Location where = at(shown, p);
                    JsonNode n = p.readValueAsTree();
                    FixedFinding f = finding(n, where, errors);
                    if (f != null) out.add(f);
                }
            }
            if (!seen) errors.add(new InputError(Location.of(shown), "not a factlint JSON report: no \"findings\" list"));
        } catch (NoSuchFileException e) {
            errors.add(new InputError(Location.of(shown), "baseline report not found"));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            errors.add(new InputError(l == null || l.getLineNr() <= 0 ? Location.of(shown)
                    : new Location(shown, l.getLineNr(), Math.max(1, l.getColumnNr())),
                    "malformed JSON: " + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")));
        } catch (IOException e) {
            errors.add(new InputError(Location.of(shown), "cannot read the baseline report: " + e.getMessage()));
        }
        return errors.size() > before ? List.of() : List.copyOf(out);
    }

    private static FixedFinding finding(JsonNode n, Location where, List<InputError> errors) {
        if (!n.isObject() || !n.path("rule").isTextual()) {
            errors.add(new InputError(where, "a finding of the baseline report must be an object with a \"rule\""));
            return null;
        }
        Severity severity;
        try {
            severity = Severity.parse(n.path("severity").asText("info"));
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(where, "unknown severity \"" + n.path("severity").asText() + "\""));
            return null;
        }
        List<String> refs = new ArrayList<>();
        for (JsonNode f : n.path("facts")) refs.add(f.isObject() ? f.path("ref").asText() : f.asText());
        refs.sort(null);
        JsonNode loc = n.path("location");
        Location location = loc.isObject()
                ? new Location(loc.path("file").asText(""), loc.path("line").asInt(0), loc.path("column").asInt(0))
                : Location.of("");
        String rule = n.path("rule").asText();
        String subject = text(n.get("subject"));
        String claim = text(n.get("claim"));
        String message = n.path("message").asText("");
        String fp = text(n.get("fingerprint"));
        if (fp == null) fp = Finding.fingerprint(rule, subject, claim, refs, location.file(), message);
        return new FixedFinding(rule, severity, message, subject, claim, fp, location, refs);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Location at(String file, JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return l == null || l.getLineNr() <= 0 ? Location.of(file) : new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }
}
