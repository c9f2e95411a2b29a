package io.factlint.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hostile or broken fact files through the real command line (the full corpus with its exact messages is
 * the ingest tests' business): exit 2, a located message, no stack trace, no report written, and an earlier report
 * left byte-identical.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed json        | story.json | {"story": {"published": "2024-12-27"},,}                     | story.json:1:
            trailing comma        | story.json | {"entities": [{"id": "a", "name": "A"},]}                    | story.json:1:
            deep nesting          | story.json | DEEP                                                          | story.json:1:
            nul byte              | story.json | NUL                                                           | story.json:1:
            invalid utf-8         | story.json | LATIN1                                                        | story.json:1:
            billion laughs yaml   | story.yaml | LAUGHS                                                        | story.yaml:
            text escapes folder   | story.json | {"story": {"published": "2024-12-27", "text": "../secret.txt"}} | story.json:1:
            text absolute path    | story.json | {"story": {"published": "2024-12-27", "text": "/etc/passwd"}}   | story.json:1:
            """)
    void aBadFactFileExitsTwoAndWritesNoReport(String name, String file, String content, String where) throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts);
        Files.writeString(dir.resolve("secret.txt"), "outside the fact folder");
        Path f = facts.resolve(file);
        switch (content) {
            case "DEEP" -> Files.writeString(f, "[".repeat(100_000) + "]".repeat(100_000));
            case "NUL" -> Files.write(f, new byte[]{'{', 0, '}'});
            case "LATIN1" -> Files.write(f, "{\"story\": {\"headline\": \"Caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1));
            case "LAUGHS" -> {
                StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                for (char c = 'b'; c <= 'j'; c++) {
                    char p = (char) (c - 1);
                    y.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                            .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                            .append(",*").append(p).append(",*").append(p).append("]\n");
                }
                Files.writeString(f, y.toString());
            }
            default -> Files.writeString(f, content);
        }
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path earlier = out.resolve("earlier.json");
        Files.writeString(earlier, "{\"earlier\": true}\n");

        CliRun fresh = CliRun.run("check", "--format", "json", "-o", out.resolve("new.json").toString(), facts.toString());
        assertThat(fresh.code()).as(fresh.toString()).isEqualTo(2);
        assertThat(fresh.err()).as(fresh.toString()).contains(facts.resolve(where).toString().replace('\\', '/'))
                .contains("nothing checked, no report written").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out.resolve("new.json")).doesNotExist();

        CliRun again = CliRun.run("check", "--format", "json", "-o", earlier.toString(), facts.toString());
        assertThat(again.code()).as(again.toString()).isEqualTo(2);
        assertThat(Files.readString(earlier)).isEqualTo("{\"earlier\": true}\n");
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("earlier.json");
        }
    }
}
