package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factlint draft} in-process: the seed story's draft checks like the hand-made fact file; merging; bad input. */
class DraftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED = "2024-12-27T21:00+09:00";

    @TempDir
    Path tmp;

    private Path article() throws IOException {
        Path a = tmp.resolve("story/nk-soldier-captured.txt");
        Files.createDirectories(a.getParent());
        Path shared = Path.of("/work/shared/stories/nk-soldier-captured.txt");
        Files.copy(Files.exists(shared) ? shared : Path.of("facts/nk-soldier-captured.txt"), a);
        return a;
    }

    private static JsonNode check(Path facts, Path out) throws IOException {
        CliRun r = CliRun.run("check", facts.toString(), "--rules", "rules", "--format", "json", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        return JSON.readTree(out.toFile());
    }

    /** What must agree, entity and fact ids aside: each finding's rule and severity, each figure, each claim's verdicts. */
    private static List<String> essence(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.path("findings")) out.add("finding " + f.path("rule").asText() + " " + f.path("severity").asText());
        for (JsonNode f : report.path("figures")) {
            out.add("figure " + f.path("attribute").asText() + " at " + f.path("at").asText() + " " + f.path("conventional")
                    + " " + f.path("strict") + " " + f.path("arithmetic").asText() + " | " + f.path("strictArithmetic").asText());
        }
        for (JsonNode c : report.path("claims")) {
            out.add("claim " + c.path("attribute").asText() + " " + c.path("op").asText() + " " + c.path("value").asText() + ": "
                    + c.path("verdict").asText() + "/" + c.path("strictVerdict").asText());
        }
        out.sort(null);
        return out;
    }

    @Test
    void theSeedStorysDraftWithDraftedRemovedChecksLikeTheHandMadeFactFile() throws IOException {
        Path article = article();
        CliRun r = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules");
        assertThat(r.code()).as(r.err()).isZero();
        Path draft = tmp.resolve("story/nk-soldier-captured.yaml");
        String yaml = Files.readString(draft);
        assertThat(yaml).startsWith("# Drafted by factlint draft").contains("\"$schema\":", "drafted: true");
        Files.writeString(draft, yaml.replaceAll("(?m)^\\s*drafted: true\\n", ""));

        Path seed = CliRun.copy(Path.of("facts"), tmp.resolve("seed"));
        List<String> want = essence(check(seed, tmp.resolve("seed.json")));
        List<String> got = essence(check(draft, tmp.resolve("draft.json")));
        assertThat(want).contains("finding status.changed warning", "claim casualty_share > 0.25: supported/undetermined");
        assertThat(got).isEqualTo(want);
    }

    @Test
    void aDraftIsFlaggedUntilReviewedAndItsQuotesPassTheQuoteRules() throws IOException {
        Path article = article();
        CliRun first = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules");
        assertThat(first.code()).isZero();
        // the summary counts what the file holds (the drafter's two readings of one quote are one fact)
        assertThat(first.out()).contains(": 7 facts, 2 claims, 4 date mentions drafted from ");
        JsonNode report = check(tmp.resolve("story/nk-soldier-captured.yaml"), tmp.resolve("r.json"));
        List<String> rules = new ArrayList<>();
        report.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertThat(rules).contains("draft.unreviewed").doesNotContain("quote.not_in_text", "quote.number_mismatch",
                "text.unbacked_number", "date.weekday_mismatch", "date.after_publication");
    }

    @Test
    void draftingAgainAddsOnlyWhatIsNewAndKeepsReviewedEntriesCommentsAndOrder() throws IOException {
        Path article = article();
        assertThat(CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules").code()).isZero();
        Path draft = tmp.resolve("story/nk-soldier-captured.yaml");
        // the editor reviews: removes the first flag, adds a comment
        String reviewed = Files.readString(draft).replaceFirst("\\n    drafted: true", "").replace("facts:\n", "facts:\n  # checked by J. Editor\n");
        Files.writeString(draft, reviewed);
        CliRun again = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("nothing new");
        assertThat(Files.readString(draft)).isEqualTo(reviewed);

        // the article gains a paragraph: only its facts are appended, after the existing ones
        Files.writeString(article, Files.readString(article) + "\nUkraine's military said at least 200 North Korean soldiers were killed on the 25th.\n");
        CliRun added = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules");
        assertThat(added.code()).isZero();
        assertThat(added.out()).as("what was added, not the whole draft").contains("added to ").contains(": 1 facts, 0 claims, ");
        String merged = Files.readString(draft);
        // every line of the reviewed file is still there, in its order: the merge only inserted lines
        List<String> old = reviewed.lines().toList();
        int i = 0;
        for (String line : merged.lines().toList()) if (i < old.size() && line.equals(old.get(i))) i++;
        assertThat(i).as("reviewed lines kept in order").isEqualTo(old.size());
        assertThat(merged).contains("{id: \"ukraines-military\", name: \"Ukraine's military\", kind: \"military\"}");
        assertThat(merged).contains("  # checked by J. Editor\n", "\"at least 200 North Korean soldiers were killed on the 25th\"",
                "value: {amount: 200, bound: \"at_least\"}");
        int lastOld = merged.indexOf("over 3000 North Korean soldiers");
        assertThat(merged.indexOf("at least 200 North Korean")).isGreaterThan(lastOld);
        assertThat(merged.lines().filter(l -> l.trim().equals("drafted: true")).count())
                .isEqualTo(reviewed.lines().filter(l -> l.trim().equals("drafted: true")).count() + 1);
        JsonNode report = check(draft, tmp.resolve("m.json"));
        assertThat(report.path("summary").path("facts").asInt()).isGreaterThan(0);
    }

    @Test
    void anExistingDraftThatIsNotYamlIsOneLocatedLineAndStaysAsItIs() throws IOException {
        Path article = article();
        Path draft = tmp.resolve("story/nk-soldier-captured.yaml");
        String broken = "facts:\n  - {id: \"f1\", quote: \"x\n";
        Files.writeString(draft, broken);
        CliRun r = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("factlint: " + draft + ":2:3: the existing fact file is not valid YAML (found"
                + " unexpected end of stream (while scanning a quoted scalar)); fix it or draft into a new file\n");
        assertThat(Files.readString(draft)).isEqualTo(broken);
    }

    @Test
    void badInputIsRefusedWithExitTwoAndNothingWritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[]{'a', 'b', 0, 1, 2});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 owners said 200 people came.".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "  \n\n");
        Path huge = dir.resolve("huge.txt");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "Officials said 200 people were evacuated on Friday.\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 50L * 1024 * 1024; n += line.length) out.write(line);
        }
        Path good = article();
        Map<String, String[]> cases = Map.of(
                "binary content", new String[]{"draft", binary.toString(), "--published", PUBLISHED},
                "not valid UTF-8", new String[]{"draft", latin1.toString(), "--published", PUBLISHED},
                "empty article", new String[]{"draft", empty.toString(), "--published", PUBLISHED},
                "too large", new String[]{"draft", huge.toString(), "--published", PUBLISHED},
                "--published is required", new String[]{"draft", good.toString()},
                "invalid publication time", new String[]{"draft", good.toString(), "--published", "27 Dec 2024"},
                "no such file", new String[]{"draft", dir.resolve("missing.txt").toString(), "--published", PUBLISHED});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            CliRun r = CliRun.run(c.getValue());
            assertThat(r.code()).as(c.getKey() + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey()).contains(c.getKey()).doesNotContain("Exception");
        }
        assertThat(CliRun.run("draft", latin1.toString(), "--published", PUBLISHED).err()).contains("latin1.txt:1:4:");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("binary.txt", "empty.txt", "huge.txt", "latin1.txt");
        }
        assertThat(tmp.resolve("story/nk-soldier-captured.yaml")).doesNotExist();
    }

    @Test
    void theHeadlineBecomesTheStatusClaimsTextAndAFlowStyleFileIsNotRewritten() throws IOException {
        Path article = article();
        String headline = "North Korean soldier captured by Ukraine dies of his wounds, Seoul says";
        assertThat(CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules", "--headline", headline).code()).isZero();
        Path draft = tmp.resolve("story/nk-soldier-captured.yaml");
        assertThat(Files.readString(draft)).contains("- id: \"headline\"", "text: \"" + headline + "\"", "value: \"deceased\"");

        Path flow = tmp.resolve("story/flow.yaml");
        String text = "story: {id: x, published: 2024-12-27, text: nk-soldier-captured.txt}\nfacts: [{id: f1}]\n";
        Files.writeString(flow, text);
        CliRun r = CliRun.run("draft", article.toString(), "--published", PUBLISHED, "--rules", "rules", "-o", flow.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("flow style");
        assertThat(Files.readString(flow)).isEqualTo(text);
    }
}
