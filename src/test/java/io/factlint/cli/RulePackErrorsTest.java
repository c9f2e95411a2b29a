package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes in a rule pack (its DRL, its vocabulary, its rule catalogue) stop the check with exit 2 and
 * {@code file:line[:column]: message}, never a trace, a located-nowhere message or exit 3 (issue 9 point 2, issue 10
 * point 8). Each test breaks one thing in a copy of the default pack.
 */
class RulePackErrorsTest {
    @TempDir
    Path tmp;

    private Path rules() {
        return CliRun.copy(Path.of("rules"), tmp.resolve("rules"));
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String s = Files.readString(file);
        assertThat(s).as(file.toString()).contains(from);
        Files.writeString(file, s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    private static CliRun check(Path rules) {
        CliRun r = CliRun.run("check", "facts", "--rules", rules.toString(), "--no-cache");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        return r;
    }

    @Test
    void aCatalogueSeverityThatIsNoLevelIsLocated() throws Exception {
        Path rules = rules();
        Path cat = rules.resolve("catalogue.yaml");
        edit(cat, "severity: warning", "severity: grave");
        int line = lineOf(cat, "severity: grave");
        assertThat(check(rules).err()).contains(cat + ":" + line + ":5: status.changed: severity must be error, warning or info, not \"grave\"");
    }

    @Test
    void aRuleIdTwiceInOneCatalogueFileIsLocated() throws Exception {
        Path rules = rules();
        Path cat = rules.resolve("catalogue.yaml");
        Files.writeString(cat, Files.readString(cat) + "  status.changed:\n    severity: info\n    description: again\n    message: again\n");
        int line = Files.readAllLines(cat).size() - 3;
        assertThat(check(rules).err()).contains(cat + ":" + line + ":17: duplicate key \"status.changed\" (given twice in one mapping)");
    }

    @Test
    void aHiddenFolderInTheRulesIsNoPartOfThePack() throws Exception {
        // an editor's backup of the catalogue in .backup/ would define every rule a second time
        Path rules = rules();
        Path backup = Files.createDirectories(rules.resolve(".backup"));
        Files.copy(rules.resolve("catalogue.yaml"), backup.resolve("catalogue.yaml"));
        Files.writeString(backup.resolve("broken.drl"), "rule \"x\" whenn then end\n");
        CliRun r = CliRun.run("check", "facts", "--rules", rules.toString(), "--no-cache");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain(".backup");
    }

    @Test
    void aRuleIdInTwoCatalogueFilesIsLocatedAtBoth() throws Exception {
        Path rules = rules();
        Path cat = rules.resolve("catalogue.yaml");
        Path extra = rules.resolve("extra.yaml");
        Files.writeString(extra, "rules:\n  status.changed:\n    severity: info\n    description: again\n    message: again\n");
        assertThat(check(rules).err()).contains(extra + ":2:3: rule id status.changed is already in the catalogue at "
                + cat + ":" + lineOf(cat, "  status.changed:") + ":3");
    }

    @Test
    void aRuleIdWithoutACatalogueEntryAndAnEntryWithoutARuleAreLocated() throws Exception {
        Path rules = rules();
        Path drl = rules.resolve("status.drl");
        Path cat = rules.resolve("catalogue.yaml");
        edit(drl, "@id(\"status.conflict\")", "@id(\"status.conflicting\")");
        String err = check(rules).err();
        assertThat(err).contains(drl + ":" + lineOf(drl, "status.conflicting") + ": rule id status.conflicting in rule \"statuses conflict at one time\" has no entry in the rule catalogue");
        assertThat(err).contains(cat + ":" + lineOf(cat, "  status.conflict:") + ":3: rule id status.conflict has a catalogue entry but no rule");
    }

    @Test
    void aMessageNamingAnArgumentTheRuleDoesNotPassIsLocated() throws Exception {
        Path rules = rules();
        Path cat = rules.resolve("catalogue.yaml");
        Path drl = rules.resolve("status.drl");
        edit(cat, "text presenting {subjectId} as", "text presenting {subjectName} as");
        String err = check(rules).err();
        assertThat(err).contains(cat + ":" + (lineOf(cat, "{subjectName}") - 1) + ":5: the message of status.changed uses {subjectName}, which rule \"status changed\" ("
                + drl + ":" + lineOf(drl, "\"subjectId\", $s") + ") does not pass");
        assertThat(err).contains(drl + ":" + lineOf(drl, "\"subjectId\", $s") + ": rule \"status changed\" (status.changed): passes {subjectId}, which the message");
    }

    @Test
    void aRulePassingAnArgumentItsMessageLacksIsLocated() throws Exception {
        Path rules = rules();
        Path drl = rules.resolve("status.drl");
        edit(rules.resolve("catalogue.yaml"), "{subject}: conflicting statuses for {when}: {values}", "{subject}: conflicting statuses for {when}");
        assertThat(check(rules).err()).contains(drl + ":" + lineOf(drl, "args(\"subject\", names.entity($m.getSubject())")
                + ": rule \"statuses conflict at one time\" (status.conflict): passes {values}, which the message of status.conflict");
    }

    @Test
    void aSeverityLeftInTheDrlIsLocated() throws Exception {
        Path rules = rules();
        Path drl = rules.resolve("status.drl");
        edit(drl, "@id(\"status.conflict\")", "@id(\"status.conflict\")\n    @severity(\"error\")");
        assertThat(check(rules).err()).contains(drl + ":" + lineOf(drl, "@severity") + ": @severity in rule \"statuses conflict at one time\" is no longer read");
    }

    @Test
    void aTemporalOperatorInAFigureRuleIsLocatedNotExitThree() throws Exception {
        Path rules = rules();
        Path drl = rules.resolve("figures.drl");
        edit(drl, "$mn : Moment(hull != null && hull.min >= 0) from $tn.latestAtOrBefore($t)",
                "$mn : Moment(hull != null && hull.min after 0) from $tn.latestAtOrBefore($t)");
        int line = lineOf(drl, "hull.min after 0");
        assertThat(check(rules).err()).contains(drl + ":" + line + ":" + (Files.readAllLines(drl).get(line - 1).indexOf("after") + 1)
                + ": operator \"after\" in rule \"derived figure at a claim's time\" compares events");
    }

    @Test
    void anOperatorThatDoesNotSupportTheTypeIsLocated() throws Exception {
        Path rules = rules();
        Path drl = rules.resolve("figures.drl");
        edit(drl, "$mn : Moment(hull != null && hull.min >= 0) from $tn.latestAtOrBefore($t)",
                "$mn : Moment(hull != null && hull.min soundslike 0) from $tn.latestAtOrBefore($t)");
        assertThat(check(rules).err()).containsPattern(java.util.regex.Pattern.quote(drl.toString()) + ":\\d+: Evaluator 'soundslike'");
    }

    @Test
    void aTransitionToAnUndeclaredStatusIsLocated() throws Exception {
        Path rules = rules();
        Path v = rules.resolve("vocabulary/lifecycle.yaml");
        edit(v, "defected: [deceased]", "defected: [deceased, vanished]");
        int line = lineOf(v, "vanished");
        assertThat(check(rules).err()).contains(v + ":" + line + ":" + (Files.readAllLines(v).get(line - 1).indexOf("vanished") + 1)
                + ": transition to undeclared status \"vanished\"");
    }

    @Test
    void anUndeclaredTerminalStatusIsLocated() throws Exception {
        Path rules = rules();
        Path v = rules.resolve("vocabulary/lifecycle.yaml");
        edit(v, "terminal: [deceased]", "terminal: [deceased, gone]");
        assertThat(check(rules).err()).contains(v + ":" + lineOf(v, "gone") + ":22: undeclared terminal status \"gone\"");
    }

    @Test
    void aDuplicateYamlKeyIsLocated() throws Exception {
        Path rules = rules();
        Path v = rules.resolve("vocabulary/measures.yaml");
        Files.writeString(v, Files.readString(v) + "cumulative: [wounded]\n");
        assertThat(check(rules).err()).contains(v + ":" + lineOf(v, "cumulative: [wounded]") + ":11: duplicate key \"cumulative\" (given twice in one mapping)");
    }

    @Test
    void aFigureWithoutADenominatorIsLocated() throws Exception {
        Path rules = rules();
        Path v = rules.resolve("vocabulary/figures.yaml");
        String s = Files.readString(v);
        int at = s.indexOf("killed_share:");
        Files.writeString(v, s.substring(0, at) + s.substring(at).replaceFirst("\n    denominator: deployed", ""));
        assertThat(check(rules).err()).contains(v + ":" + lineOf(v, "killed_share:") + ":3: figure \"killed_share\" needs a numerator and a denominator");
    }
}
