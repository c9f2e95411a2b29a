package io.factlint.ingest;

import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated at test time (nothing huge is committed): every case ends in input errors, never in
 * another exception, a stack overflow or a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {
    @TempDir
    Path tmp;

    private String shown(Path p) {
        return FileWalker.display(p);
    }

    @Test
    void jsonNested100000Deep() throws IOException {
        Path f = tmp.resolve("deep.json");
        Files.writeString(f, "{\"facts\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        // the value of "facts" is reported as the wrong type, then skipping it runs into the nesting limit
        assertThat(TestSupport.errors(TestSupport.loader(), f)).containsExactly(
                shown(f) + ":1:12: expected an object for each item of \"facts\", found an array",
                shown(f) + ":1:210: nesting too deep: more than 200 levels of objects and arrays");
    }

    @Test
    void yamlNested100000Deep() throws IOException {
        Path f = tmp.resolve("deep.yaml");
        Files.writeString(f, "facts: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertThat(TestSupport.errors(TestSupport.loader(), f)).last().asString()
                .startsWith(shown(f) + ":1:")
                .endsWith(": nesting too deep: more than 200 levels of objects and arrays");
    }

    @Test
    void yamlBlockNestingIsLimitedToo() throws IOException {
        StringBuilder b = new StringBuilder("facts:\n");
        for (int i = 1; i < 1000; i++) b.append("  ".repeat(i)).append("a:\n");
        Path f = TestSupport.write(tmp.resolve("block.yaml"), b.toString());
        assertThat(TestSupport.errors(TestSupport.loader(), f)).last().asString()
                .startsWith(shown(f) + ":201:").contains("nesting too deep");
    }

    @Test
    void hundredMegabyteStringHitsTheFileLimitAtDefaults() throws IOException {
        Path f = hugeString(tmp.resolve("big.json"), 100 * 1024 * 1024);
        assertThat(TestSupport.errors(TestSupport.loader(), f))
                .containsExactly(shown(f) + ":1:1: file too large: 104,857,654 bytes (the limit is 64 MiB)");
    }

    @Test
    void hundredMegabyteStringHitsTheStringLimitWhenFilesMayBeLarger() throws IOException {
        Path f = hugeString(tmp.resolve("big.json"), 100 * 1024 * 1024);
        FactLoader loader = new FactLoader(TestSupport.STATUS_WORDS, ParserLimits.defaults().withMaxDocumentLength(200L << 20));
        assertThat(TestSupport.errors(loader, f))
                .containsExactly(shown(f) + ":1:51: string too long: more than 16,777,216 characters");
    }

    @Test
    void stringLimitAppliesToYamlToo() throws IOException {
        Path f = TestSupport.write(tmp.resolve("s.yaml"), "story:\n  published: 2025-01-01\n  headline: " + "x".repeat(5000) + "\n");
        FactLoader loader = new FactLoader(TestSupport.STATUS_WORDS, ParserLimits.defaults().withMaxStringLength(1000));
        assertThat(TestSupport.errors(loader, f)).singleElement().asString().contains("string too long: more than 1,000 characters");
    }

    @Test
    void numberLengthIsLimited() throws IOException {
        Path f = TestSupport.write(tmp.resolve("n.json"), "{\"x\": " + "9".repeat(5000) + "}");
        assertThat(TestSupport.errors(TestSupport.loader(), f)).singleElement().asString()
                .startsWith(shown(f) + ":1:").endsWith("number too long: more than 1000 characters");
    }

    @Test
    void symlinkLoopInAFolder() throws IOException {
        Path dir = tmp.resolve("facts");
        TestSupport.write(dir.resolve("sub/ok.json"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}]}");
        Files.createSymbolicLink(dir.resolve("sub/back"), Path.of(".."));
        assertThat(TestSupport.errors(TestSupport.loader(), dir))
                .containsExactly(shown(dir) + "/sub/back: symbolic link loop: this folder contains itself; not followed");
    }

    @Test
    void selfReferentialSymlink() throws IOException {
        Path dir = tmp.resolve("facts");
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("self.json"), Path.of("self.json"));
        assertThat(TestSupport.errors(TestSupport.loader(), dir)).singleElement().asString()
                .startsWith(shown(dir) + "/self.json: ");
    }

    @Test
    void symlinkedFolderInsideIsFollowed() throws IOException {
        Path dir = tmp.resolve("facts");
        TestSupport.write(dir.resolve("shared/registry.json"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}]}");
        Files.createSymbolicLink(dir.resolve("registry"), Path.of("shared"));
        assertThat(TestSupport.errors(TestSupport.loader(), dir)).isEmpty();
    }

    /** 10.9: a link out of the checked folder is not read; its target can be named on the command line instead. */
    @Test
    void symlinkedFolderOutsideIsNotReadButCanBeNamed() throws IOException {
        Path shared = TestSupport.write(tmp.resolve("shared/registry.json"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}]}");
        Path dir = tmp.resolve("facts");
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("registry"), shared.getParent());
        assertThat(TestSupport.errors(TestSupport.loader(), dir)).containsExactly(shown(dir) + "/registry: symbolic link "
                + "leads out of the checked folder " + shown(dir) + "; not read (name its target on the command line to check it)");
        assertThat(TestSupport.errors(TestSupport.loader(), dir.resolve("registry/registry.json"))).isEmpty();
    }

    @Test
    void missingPath() {
        Path nowhere = tmp.resolve("no/such/folder");
        assertThat(TestSupport.errors(TestSupport.loader(), nowhere))
                .containsExactly(shown(nowhere) + ": no such file or folder");
    }

    @Test
    void yamlAliasBombStaysBounded() throws IOException {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) b.append(i == 0 ? "" : ",").append('*').append(prev);
            b.append("]\n");
        }
        Path f = TestSupport.write(tmp.resolve("bomb.yaml"), b.toString());
        List<String> errors = TestSupport.errors(TestSupport.loader(), f);
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith(shown(f) + ":"));
    }

    @Test
    void tokenBudgetEndsAFile() throws IOException {
        Path f = TestSupport.write(tmp.resolve("many.json"), "{\"x\": [" + "1,".repeat(10_000) + "1]}");
        FactLoader loader = new FactLoader(TestSupport.STATUS_WORDS, ParserLimits.defaults().withMaxTokens(1000));
        assertThat(TestSupport.errors(loader, f)).last().asString()
                .endsWith("too much content: more than 1,000 tokens (each use of a YAML alias counts in full)");
    }

    @Test
    void controlCharactersInValuesAreEscapedInMessages() throws IOException {
        Path f = TestSupport.write(tmp.resolve("c.json"), "{\"bad\\nfield\\u0007\": 1}");
        assertThat(TestSupport.errors(TestSupport.loader(), f)).singleElement().asString()
                .contains("unknown field \"bad\\nfield\\u0007\"").doesNotContain("\n");
    }

    @Test
    void parallelLoadingIsDeterministic() throws Exception {
        TestSupport.write(tmp.resolve("registry.json"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}],"
                + " \"entities\": [{\"id\": \"p\", \"name\": \"P\"}]}");
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder("{\"story\": {\"published\": \"2025-03-10\"}, \"facts\": [");
            for (int j = 0; j < 200; j++) {
                b.append(j == 0 ? "" : ",").append("{\"id\": \"f").append(j)
                        .append("\", \"subject\": \"p\", \"attribute\": \"killed\", \"value\": ").append(j)
                        .append(", \"source\": \"a\"}");
            }
            TestSupport.write(tmp.resolve(String.format("d%02d.json", i)), b.append("]}").toString());
        }
        FactBase one = TestSupport.loader().load(List.of(tmp));
        FactBase two = TestSupport.loader().load(List.of(tmp));
        assertThat(one.facts()).hasSize(8000);
        assertThat(one.facts()).extracting(Fact::getRef).isEqualTo(two.facts().stream().map(Fact::getRef).toList());
        assertThat(one.facts().get(200).getRef()).isEqualTo("d01#f0");
        assertThat(one.facts().get(200).getSeq()).isEqualTo(200);
    }

    @Test
    void errorsFromManyFilesArrivesSortedAndComplete() throws Exception {
        for (int i = 0; i < 30; i++) {
            TestSupport.write(tmp.resolve(String.format("e%02d.json", i)), i % 3 == 0 ? "{" : "{\"oops\": 1}");
        }
        List<String> errors = TestSupport.errors(TestSupport.loader(), tmp);
        assertThat(errors).hasSize(30).isSorted();
    }

    private static Path hugeString(Path f, int length) throws IOException {
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"story\": {\"published\": \"2025-03-10\", \"headline\": \"");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'a');
            for (int left = length; left > 0; left -= chunk.length) w.write(chunk, 0, Math.min(left, chunk.length));
            w.write("\"}}");
        }
        return f;
    }
}
