package io.factlint.ingest;

import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON files are parsed from their UTF-8 bytes ({@link FileParser}'s byte path), whose parser counts columns in
 * bytes; every position must still count UTF-16 code units, as the character parser (YAML, and JSON that fails the
 * byte path) and the editors do: a line with accented letters, a euro sign or an emoji before a fact or an error.
 */
class ByteParserColumnsTest {
    @TempDir
    Path tmp;

    /** Line 4 holds two facts after text of 2-, 3- and 4-byte characters; line 5 one after ASCII only. */
    private static final String FACTS = "{\"story\": {\"id\": \"s\", \"published\": \"2024-12-27\", \"headline\": \"Zoë\"},\n"
            + " \"sources\": [{\"id\": \"s1\", \"name\": \"Agence € 😀 ünï\"}],\n"
            + " \"entities\": [{\"id\": \"e1\", \"name\": \"Zoë 😀\"}],\n"
            + " \"facts\": [{\"id\": \"f1\", \"subject\": \"e1\", \"attribute\": \"count\", \"value\": 1, \"source\": \"s1\", \"at\": \"2024-12-01\", \"quote\": \"«😀» €\"}, {\"id\": \"f2\", \"subject\": \"e1\", \"attribute\": \"count\", \"value\": 2, \"source\": \"s1\", \"at\": \"2024-12-02\"},\n"
            + "   {\"id\": \"f3\", \"subject\": \"e1\", \"attribute\": \"count\", \"value\": 3, \"source\": \"s1\", \"at\": \"2024-12-03\"}]\n"
            + "}\n";

    @Test
    void factsAfterNonAsciiTextAreLocatedInUtf16Columns() throws Exception {
        for (String variant : List.of("plain", "bom", "crlf")) {
            String text = variant.equals("crlf") ? FACTS.replace("\n", "\r\n") : FACTS;
            Path file = TestSupport.write(tmp.resolve(variant + "/s.json"), (variant.equals("bom") ? "\uFEFF" : "") + text);
            FactBase fb = TestSupport.loader().load(List.of(file));
            String[] lines = FACTS.split("\n");
            assertThat(fb.facts()).extracting(Fact::getId).containsExactly("f1", "f2", "f3");
            assertThat(fb.facts().get(0).getLocation()).as(variant).isEqualTo(at(fb, 4, lines[3].indexOf("{\"id\": \"f1\"") + 1));
            assertThat(fb.facts().get(1).getLocation()).as(variant).isEqualTo(at(fb, 4, lines[3].indexOf("{\"id\": \"f2\"") + 1));
            assertThat(fb.facts().get(2).getLocation()).as(variant).isEqualTo(at(fb, 5, lines[4].indexOf("{\"id\": \"f3\"") + 1));
            assertThat(fb.entities().get("e1").location().column()).as(variant).isEqualTo(lines[2].indexOf("{\"id\": \"e1\"") + 1);
        }
    }

    @Test
    void errorsAfterNonAsciiTextAreLocatedInUtf16Columns() throws Exception {
        String line = " \"facts\": [{\"id\": \"f1\", \"subject\": \"e1\", \"attribute\": \"count\", \"value\": 1, \"source\": \"s1\", \"quote\": \"Zoë € 😀\", \"bogus\": 1, \"at\": \"2024-13-01\"}]";
        String text = "{\"sources\": [{\"id\": \"s1\", \"name\": \"Ünï\"}], \"entities\": [{\"id\": \"e1\", \"name\": \"E\"}],\n" + line + "\n}\n";
        Path file = TestSupport.write(tmp.resolve("bad/e.json"), text);
        List<String> errors = TestSupport.errors(TestSupport.loader(), file);
        String shown = FileWalker.display(file);
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(shown + ":2:" + (line.indexOf("\"bogus\"") + 1) + ": "));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(shown + ":2:" + (line.indexOf("\"2024-13-01\"") + 1) + ": "));
    }

    private static Location at(FactBase fb, int line, int column) {
        return new Location(fb.files().get(0), line, column);
    }
}
