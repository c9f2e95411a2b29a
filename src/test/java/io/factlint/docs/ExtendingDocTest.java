package io.factlint.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/extending.md's rule example is the example rule pack's files, which CustomRuleTest compiles and runs. */
class ExtendingDocTest {
    /** The lines of the fenced blocks of {@code lang} in {@code doc}, one string a block. */
    private static List<String> blocks(Path doc, String lang) throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder b = null;
        for (String line : Files.readAllLines(doc)) {
            if (b == null && line.equals("```" + lang)) {
                b = new StringBuilder();
            } else if (b != null && line.equals("```")) {
                out.add(b.toString());
                b = null;
            } else if (b != null) {
                b.append(line).append('\n');
            }
        }
        return out;
    }

    /** A file without its leading comment lines (what it says of itself is not part of the example). */
    private static String withoutHeader(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int i = 0;
        while (i < lines.size() && (lines.get(i).startsWith("//") || lines.get(i).startsWith("#"))) i++;
        return String.join("\n", lines.subList(i, lines.size())) + "\n";
    }

    @Test
    void theRuleExampleIsTheExampleRulePack() throws Exception {
        Path doc = Path.of("docs/extending.md");
        assertThat(blocks(doc, "drl")).first().isEqualTo(withoutHeader(Path.of("examples/rules/desk.drl")));
        assertThat(blocks(doc, "yaml")).first().isEqualTo(withoutHeader(Path.of("examples/rules/desk.catalogue.yaml")));
    }
}
