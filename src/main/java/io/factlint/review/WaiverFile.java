package io.factlint.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.factlint.ingest.InputError;
import io.factlint.model.Location;
import io.factlint.model.Waiver;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a waivers file (JSON, or YAML for {@code .yaml}/{@code .yml}) with Jackson's streaming parser, so that every
 * problem is reported at the position of the offending token:
 * <pre>
 * waivers:
 *   - rule: status.changed          # required: a rule id of the loaded pack
 *     subject: soldier-1            # at least one of subject, facts, fingerprint; all given must match
 *     facts: [nk#f2, nk#f3]         #   the exact set of facts the finding names
 *     fingerprint: 3f2a...          #   Finding.fingerprint(), as the JSON report gives it
 *     reason: "..."                 # required
 *     author: "..."                 # required
 *     expires: 2025-03-31           # required, ISO date; the waiver applies up to and including that day
 * </pre>
 * Unknown fields are errors (typos must not pass silently), as in fact files; {@code $schema} is allowed at the top.
 */
public final class WaiverFile {
    /** The names a waivers file has when it sits among the fact files. */
    public static final Set<String> NAMES = Set.of("waivers.json", "waivers.yaml", "waivers.yml");

    private static final Set<String> FIELDS = Set.of("rule", "subject", "facts", "fingerprint", "reason", "author", "expires");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    /**
     * Made when a YAML waivers file is read: a check without one loads no YAML parser (typed as the JSON factory it
     * extends, so that verifying this class loads no YAML class either).
     */
    private static final class Yaml {
        static final JsonFactory FACTORY = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    }

    private final String file;
    private final Set<String> knownRules;
    private final List<InputError> errors;
    private JsonParser p;

    private WaiverFile(String file, Set<String> knownRules, List<InputError> errors) {
        this.file = file;
        this.knownRules = knownRules;
        this.errors = errors;
    }

    /** True when {@code p} is named like a waivers file ({@code waivers.json}, {@code .yaml}, {@code .yml}). */
    public static boolean isWaiversFile(Path p) {
        Path n = p.getFileName();
        return n != null && NAMES.contains(n.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the waivers of {@code path}; each problem is added to {@code errors}. Entries with problems are left out.
     *
     * @param knownRules the rule ids a waiver may name (null: any)
     */
    public static List<Waiver> read(Path path, Set<String> knownRules, List<InputError> errors) {
        String shown = display(path);
        WaiverFile w = new WaiverFile(shown, knownRules, errors);
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = n.endsWith(".yaml") || n.endsWith(".yml");
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = (yaml ? Yaml.FACTORY : JSON).createParser(r)) {
            w.p = parser;
            return w.top();
        } catch (NoSuchFileException e) {
            errors.add(new InputError(Location.of(shown), "waivers file not found"));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            if (m.startsWith("Duplicate field '")) m = "duplicate key " + m.substring("Duplicate field ".length());
            errors.add(new InputError(l == null || l.getLineNr() <= 0 ? Location.of(shown)
                    : new Location(shown, l.getLineNr(), Math.max(1, l.getColumnNr())),
                    (yaml ? "malformed YAML: " : "malformed JSON: ") + m));
        } catch (IOException e) {
            errors.add(new InputError(Location.of(shown), "cannot read waivers file: " + e.getMessage()));
        }
        return List.of();
    }

    private List<Waiver> top() throws IOException {
        List<Waiver> out = new ArrayList<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            error(new Location(file, 1, 1), "empty waivers file: expected an object with a \"waivers\" list");
            return out;
        }
        if (t != JsonToken.START_OBJECT) {
            error(here(), "expected an object with a \"waivers\" list, found " + describe(t));
            return out;
        }
        boolean seen = false;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Location at = here();
            p.nextToken();
            if (name.equals("$schema")) {
                p.skipChildren();
            } else if (name.equals("waivers")) {
                seen = true;
                if (p.currentToken() == JsonToken.VALUE_NULL) continue;
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    error(here(), "\"waivers\" must be a list, found " + describe(p.currentToken()));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Waiver w = entry();
                    if (w != null) out.add(w);
                }
            } else {
                error(at, "unknown field \"" + name + "\" (expected \"waivers\")");
                p.skipChildren();
            }
        }
        if (!seen) error(new Location(file, 1, 1), "missing field \"waivers\"");
        return out;
    }

    private Waiver entry() throws IOException {
        Location at = here();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            error(at, "a waiver must be an object (rule, reason, author, expires, and subject, facts or fingerprint), found "
                    + describe(p.currentToken()));
            p.skipChildren();
            return null;
        }
        int before = errors.size();
        String rule = null, subject = null, fingerprint = null, reason = null, author = null;
        List<String> facts = null;
        LocalDate expires = null;
        boolean expiresSeen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Location nameAt = here();
            p.nextToken();
            Location valueAt = here();
            if (!FIELDS.contains(name)) {
                error(nameAt, "unknown field \"" + name + "\" in a waiver (expected one of " + new TreeSet<>(FIELDS) + ")");
                p.skipChildren();
                continue;
            }
            if (name.equals("expires")) expiresSeen = true;
            if (name.equals("facts")) {
                facts = refs();
                continue;
            }
            String v = string(name);
            if (v == null) continue;
            switch (name) {
                case "rule" -> {
                    rule = v;
                    if (knownRules != null && !knownRules.contains(v)) {
                        error(valueAt, "unknown rule id \"" + v + "\" (see factlint rules)");
                    }
                }
                case "subject" -> subject = v;
                case "fingerprint" -> {
                    fingerprint = v;
                    if (!FINGERPRINT.matcher(v).matches()) {
                        error(valueAt, "a fingerprint is 32 hexadecimal digits, as the JSON report gives it, not \"" + v + "\"");
                    }
                }
                case "reason" -> reason = v;
                case "author" -> author = v;
                case "expires" -> {
                    try {
                        if (!DATE.matcher(v).matches()) throw new DateTimeParseException("", v, 0);
                        expires = LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        error(valueAt, "\"expires\" must be an ISO date such as 2025-03-31, not \"" + v + "\"");
                    }
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if (rule == null) error(at, "missing field \"rule\" in a waiver");
        if (reason == null) error(at, "missing field \"reason\" in a waiver: say why the finding is accepted");
        if (author == null) error(at, "missing field \"author\" in a waiver");
        if (!expiresSeen) error(at, "missing field \"expires\" in a waiver (an ISO date such as 2025-03-31)");
        if (subject == null && facts == null && fingerprint == null) {
            error(at, "a waiver must say what it covers: \"subject\", \"facts\" or \"fingerprint\" (a waiver for a whole rule is not a waiver)");
        }
        if (errors.size() > before) return null;
        return new Waiver(rule, subject, facts, fingerprint, reason, author, expires, at);
    }

    /** A non-blank string value, or null after reporting what is wrong. */
    private String string(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            error(here(), "\"" + name + "\" must be a string, found " + describe(t));
            p.skipChildren();
            return null;
        }
        String v = p.getText().trim();
        if (v.isEmpty()) {
            error(here(), "\"" + name + "\" must not be empty");
            return null;
        }
        return v;
    }

    private List<String> refs() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            error(here(), "\"facts\" must be a list of fact references (story#fact), found " + describe(p.currentToken()));
            p.skipChildren();
            return null;
        }
        Location at = here();
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String v = string("facts");
            if (v == null) continue;
            if (!v.contains("#")) error(here(), "a fact reference is story#fact (as reports give it), not \"" + v + "\"");
            out.add(v);
        }
        if (out.isEmpty()) {
            error(at, "\"facts\" must name at least one fact");
            return null;
        }
        return out;
    }

    private Location here() {
        JsonLocation l = p.currentTokenLocation();
        return l == null || l.getLineNr() <= 0 ? Location.of(file) : new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    private void error(Location at, String message) {
        errors.add(new InputError(at, message));
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    static String display(Path p) {
        String s = p.normalize().toString();
        if (File.separatorChar != '/') s = s.replace(File.separatorChar, '/');
        return s.isEmpty() ? "." : s;
    }

    /** The waivers files under the given fact paths: every {@code waivers.*} in the folders (not hidden), sorted. */
    public static List<Path> discover(Collection<Path> factPaths) {
        List<Path> out = new ArrayList<>();
        for (Path root : factPaths) {
            if (!Files.isDirectory(root)) continue;
            try (var s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                s.filter(f -> isWaiversFile(f) && Files.isRegularFile(f) && !hidden(root, f)).forEach(out::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // the fact loader reports unreadable folders
            }
        }
        return out.stream().distinct().sorted(java.util.Comparator.comparing(WaiverFile::display)).toList();
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
