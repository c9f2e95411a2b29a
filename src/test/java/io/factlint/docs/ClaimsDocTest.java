package io.factlint.docs;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.model.Severity;
import io.factlint.report.ReportOptions;
import io.factlint.report.TextReportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example of docs/claims.md: each {@code ```json} block holding {@code "claims"} is a complete fact
 * file, checked with the default rule pack; the {@code ```text} block after it is the exact list of the text
 * report's claim lines (the file is shown as {@code story.json}). A {@code ```yaml} block right before the fact file,
 * whose first line is {@code # rules/vocabulary/NAME.yaml}, is a vocabulary file the example adds to the pack (a copy
 * of {@code rules/} with it, compiled for that example).
 */
class ClaimsDocTest {
    private static final Path DOC = Path.of("docs/claims.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "(?:```yaml\\n# (rules/vocabulary/[a-z-]+\\.yaml)\\n(.*?)```\\s*\\n+)?```json\\n(.*?)```\\s*\\n+```text\\n(.*?)```",
            Pattern.DOTALL);
    private static RulePack pack;

    @BeforeAll
    static void compile() throws Exception {
        pack = io.factlint.testing.DefaultPack.get();
    }

    record Example(int line, String json, String expected, String vocabularyFile, String vocabulary) {
    }

    static List<Example> examples() throws Exception {
        String doc = Files.readString(DOC);
        List<Example> out = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(doc);
        while (m.find()) {
            if (!m.group(3).contains("\"claims\"")) continue;
            int line = (int) doc.substring(0, m.start(3)).chars().filter(c -> c == '\n').count();
            out.add(new Example(line, m.group(3), m.group(4), m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void theDocumentHasAnExampleForEveryForm() throws Exception {
        List<Example> all = examples();
        assertThat(all).hasSizeGreaterThanOrEqualTo(7);
        String joined = String.join("\n", all.stream().map(Example::json).toList());
        for (String field : List.of("\"since\"", "\"change\"", "\"from\"", "\"max_age\"", "\"aggregate\"", "\"versus\"",
                "\"compare\"", "\"rank_among\"", "\"rank_over\"", "\"trend\"", "\"order\"", "\"complete\"", "\"tolerance\"", "\"percent\"", "\"window\"",
                "\"quantifier\"", "\"among\"", "\"members_complete\"", "\"unrecorded\"")) {
            assertThat(joined).as(field).contains(field);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesTheDocumentedLines() throws Exception {
        return examples().stream().map(e -> DynamicTest.dynamicTest("docs/claims.md:" + e.line(), () -> {
            Path dir = Files.createTempDirectory("claims-doc");
            try {
                Path file = dir.resolve("story.json");
                Files.writeString(file, e.json());
                RulePack p = pack;
                if (e.vocabularyFile() != null) {
                    // the default pack plus the example's vocabulary file
                    Path rules = dir.resolve("rules");
                    io.factlint.testing.TestFiles.copyTree(Path.of("rules"), rules);
                    Files.writeString(dir.resolve(e.vocabularyFile()), e.vocabulary());
                    p = RulePack.load(rules);
                }
                CheckOutcome r = new CheckPipeline(p).run(CheckRequest.of(List.of(file)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new TextReportWriter().write(r, new ReportOptions("test", null), out);
                String prefix = file.toString().replace('\\', '/');
                List<String> claimLines = out.toString(StandardCharsets.UTF_8).lines()
                        .map(l -> l.startsWith(prefix) ? "story.json" + l.substring(prefix.length()) : l)
                        .filter(l -> l.matches("story\\.json:\\d+:\\d+: claim .*")).toList();
                assertThat(String.join("\n", claimLines)).as("docs/claims.md:" + e.line())
                        .isEqualTo(e.expected().strip());
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }));
    }
}
