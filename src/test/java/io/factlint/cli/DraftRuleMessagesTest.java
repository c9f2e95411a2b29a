package io.factlint.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages of draft.unreviewed and text.unbacked_number as the catalogue renders them (drafts.drl passes the args). */
class DraftRuleMessagesTest {
    static final String CASES = "src/test/resources/rule-cases/";

    @Test
    void draftUnreviewedNamesTheEntryAndWhatToDo() {
        CliRun r = CliRun.run("check", CASES + "draft.unreviewed/fires/facts", "--rules", "rules");
        assertThat(r.out()).contains(CASES + "draft.unreviewed/fires/facts/story.json:26:5: warning [draft.unreviewed] u (a battalion): "
                + "fact s#f1 was drafted by factlint draft and no editor has reviewed it: check it against the text, correct it, "
                + "then delete \"drafted: true\"\n",
                CASES + "draft.unreviewed/fires/facts/story.json:54:5: warning [draft.unreviewed] p (a pilot): "
                + "claim s#c1 was drafted by factlint draft and no editor has reviewed it: check it against the text, correct it, "
                + "then delete \"drafted: true\"\n");
    }

    @Test
    void textUnbackedNumberQuotesTheWordsAtTheirPlace() {
        CliRun r = CliRun.run("check", CASES + "text.unbacked_number/fires/facts", "--rules", "rules");
        assertThat(r.out()).contains(CASES + "text.unbacked_number/fires/facts/story.txt:3:16: warning [text.unbacked_number] story s: "
                + "the text says \"a quarter\", and no fact's quote covers it: record it as a fact (with the words as its quote) "
                + "or list it under story.ignore with a reason\n");
    }
}
