package io.factlint.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.factlint.ingest.TestSupport.errors;
import static io.factlint.ingest.TestSupport.loader;
import static io.factlint.ingest.TestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Regressions of issues 10 and 15 (trust) in reading fact files; each test names its point. */
class IngestTrustTest {
    @TempDir
    Path tmp;

    /** 10.7: reference errors are reported for every file that parsed, even beside a malformed file. */
    @Test
    void undeclaredReferencesAreReportedBesideAMalformedFile() throws IOException {
        Path dir = tmp.resolve("facts");
        write(dir.resolve("a-broken.json"), "{\"sources\": [{\"id\": \"nis\", \"name\": \"NIS\"}, ");
        write(dir.resolve("b-story.json"), """
                {"story": {"published": "2024-12-27"},
                 "entities": [{"id": "e1", "name": "E"}],
                 "facts": [{"id": "f1", "subject": "ghost", "attribute": "status", "value": "captured", "source": "nobody"}]}
                """);
        List<String> errors = errors(loader(), dir);
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(dir.resolve("a-broken.json") + ":1:"));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .startsWith(dir.resolve("b-story.json") + ":3:36: undeclared entity \"ghost\""));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .startsWith(dir.resolve("b-story.json") + ":3:99: undeclared source \"nobody\" (" + dir.resolve("a-broken.json") + " could not be read to its end and may declare it)"));
        // two such files: their ends
        write(dir.resolve("c-broken.json"), "{\"sources\": [");
        assertThat(errors(loader(), dir)).anySatisfy(e -> assertThat(e).startsWith(dir.resolve("b-story.json")
                + ":3:99: undeclared source \"nobody\" (" + dir.resolve("a-broken.json")
                + " and 1 more file could not be read to their ends and may declare it)"));
    }

    /**
     * 10.9: a fact file in the checked folder that is a symbolic link to a file outside it (here a stand-in for
     * /etc/passwd) is not read, and no message quotes its content.
     */
    @Test
    void aFactFileLinkedOutOfTheFolderIsNotReadNorQuoted() throws IOException {
        Path secret = write(tmp.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path dir = tmp.resolve("facts");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.createSymbolicLink(dir.resolve("x.json"), secret);
        java.nio.file.Files.createSymbolicLink(dir.resolve("y.yaml"), secret);
        List<String> errors = errors(loader(), dir);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).doesNotContain("root")
                .contains("symbolic link leads out of the checked folder"));
    }

    /** 10.10: unquoted YAML ops ({@code ~ > >= !=}) get "quote the op" at the op, not null, a block-scalar error or "". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"~", ">", ">=", "!="})
    void unquotedYamlOpsSayQuoteTheOp(String op) throws IOException {
        Path f = write(tmp.resolve("facts/s.yaml"), """
                story: {published: 2024-12-27}
                entities: [{id: e, name: E}]
                claims:
                  - id: c1
                    subject: e
                    attribute: deployed
                    op: %s
                    value: 3
                """.formatted(op));
        assertThat(errors(loader(), f)).singleElement().asString()
                .startsWith(f + ":7:")
                .contains(": quote the op: in YAML an unquoted ~ means null, and > or ! start a folded block or a tag;");
    }

    /** 10.10: the scaffold of {@code factlint init} writes every op in quotes. */
    @Test
    void initsScaffoldQuotesEveryOp() {
        String scaffold = io.factlint.scaffold.StoryScaffold.yaml("s", java.time.LocalDate.of(2024, 12, 27), "x");
        for (String op : ValueGrammar.OPS) {
            assertThat(scaffold).as(op).contains("\"" + op + "\"");
        }
        assertThat(scaffold).doesNotContainPattern("op:\\s*[^\\s\"]");
    }

    /** 10.10: a parser limit out of range is named as users type it, not by its Java name. */
    @Test
    void parserLimitErrorsUseTheCommandLineNames() {
        for (String name : ParserLimits.NAMES) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParserLimits.defaults().with(name, -1))
                    .as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(name + " must be ").hasMessageNotContaining("max");
        }
    }

    /** 15.2: a file of 5,000 empty facts gives the first 100 errors and one line counting the rest. */
    @Test
    void errorsAreCappedPerFileAndCounted() throws IOException {
        StringBuilder b = new StringBuilder("{\"story\": {\"published\": \"2024-12-27\"}, \"facts\": [\n");
        for (int i = 0; i < 5000; i++) b.append(i == 0 ? "" : ",\n").append("{}");
        Path f = write(tmp.resolve("facts/many.json"), b.append("]}").toString());
        List<String> errors = errors(loader(), f);
        assertThat(errors).hasSize(101);
        assertThat(errors.get(0)).isEqualTo(f + ":2:1: missing required field \"attribute\" in fact");
        // 5 required fields per fact: 25,000 errors, 100 shown; the first not shown is the first of fact 21
        assertThat(errors).contains(f + ":22:1: 24,900 more errors in this file not shown "
                + "(the limit is --parser-limit errors-per-file=100)");
        assertThat(TestSupport.total(loader(), f)).as("the summary's count: those shown and those not").isEqualTo(25_000);
    }

    /** 15.2: over all files at most --parser-limit errors are shown, then one line counts the rest. */
    @Test
    void errorsAreCappedInTotalAndCounted() throws IOException {
        Path dir = tmp.resolve("facts");
        for (int i = 0; i < 30; i++) {
            StringBuilder b = new StringBuilder("{\"story\": {\"published\": \"2024-12-27\"}, \"facts\": [\n");
            for (int j = 0; j < 10; j++) b.append(j == 0 ? "" : ",\n").append("{}");
            write(dir.resolve(String.format("f%02d.json", i)), b.append("]}").toString());
        }
        FactLoader loader = new FactLoader(TestSupport.STATUS_WORDS, ParserLimits.defaults().with("errors", 120)
                .with("errors-per-file", 40));
        List<String> errors = errors(loader, dir);
        // cut after the 120th line's position (f02.json:9:1 has 5 errors, 3 of them up to the 120th): 122 shown
        assertThat(errors).hasSize(123);
        // each file: 50 errors, 40 shown and a line for 10 more; 41 lines a file, so file 3 is cut after 38 lines and the rest of its position
        assertThat(errors.get(40)).isEqualTo(dir.resolve("f00.json") + ":10:1: 10 more errors in this file not shown "
                + "(the limit is --parser-limit errors-per-file=40)");
        // not shown: f02.json's own "10 more" and the 27 files after it (50 errors each)
        assertThat(errors.get(122)).isEqualTo(dir.resolve("f02.json") + ":10:1: "
                + "1,360 more input errors not shown (the limit is --parser-limit errors=120)");
        assertThat(TestSupport.total(loader, dir)).isEqualTo(30 * 50);
    }

    /** 15.9: a top-level array gets "expected an object" and the syntax error after it too. */
    @Test
    void aTopLevelArrayStillReportsTheLaterSyntaxError() throws IOException {
        Path f = write(tmp.resolve("facts/a.json"), "[1, 2,\n 3 4]");
        assertThat(errors(loader(), f)).hasSize(2)
                .first().asString().isEqualTo(f + ":1:1: expected an object at the top level, found an array");
        assertThat(errors(loader(), f).get(1)).startsWith(f + ":2:").contains("malformed JSON");
    }

    /** 15.9: "sub/../t.txt" with sub missing says that sub is missing, not that t.txt (which exists) is. */
    @Test
    void aStoryTextPathThroughAMissingFolderNamesTheFolder() throws IOException {
        Path dir = tmp.resolve("facts");
        write(dir.resolve("t.txt"), "text");
        Path f = write(dir.resolve("s.json"), "{\"story\": {\"published\": \"2024-12-27\", \"text\": \"sub/../t.txt\"}}");
        assertThat(errors(loader(), f)).singleElement().asString().isEqualTo(f + ":1:47: story text file not found: "
                + dir.resolve("t.txt") + " (the folder " + dir.resolve("sub") + " on the way, in \"sub/../t.txt\", does not exist)");
    }

    /** 15.8: a lone {@code %YAML 1.2} line is "no document", not "empty file". */
    @Test
    void aLoneYamlDirectiveIsNoDocument() throws IOException {
        Path f = write(tmp.resolve("facts/d.yaml"), "%YAML 1.2\n");
        assertThat(errors(loader(), f)).containsExactly(f + ":1:1: no document: the file has only a YAML directive "
                + "(such as %YAML 1.2); expected an object");
    }
}
