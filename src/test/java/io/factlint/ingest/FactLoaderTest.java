package io.factlint.ingest;

import io.factlint.model.Bound;
import io.factlint.model.Certainty;
import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Interval;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.SourceKind;
import io.factlint.model.Story;
import io.factlint.model.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model produced for small, valid inputs, exactly. */
class FactLoaderTest {
    @TempDir
    Path tmp;

    private static final String STORY = """
            {
              "$schema": "../schema/facts.schema.json",
              "story": {"id": "nk", "headline": "Soldier captured", "published": "2024-12-27T18:00:00+09:00", "text": "nk.txt"},
              "sources": [{"id": "nis", "name": "NIS", "kind": "agency", "url": "https://example.org"}, {"id": "x", "name": "X"}],
              "entities": [{"id": "troops", "kind": "group", "name": "North Korean troops"}],
              "facts": [
                {"id": "exact", "subject": "troops", "attribute": "deployed", "value": 11000, "source": "nis"},
                {"id": "over", "subject": "troops", "attribute": "deployed", "value": {"amount": 11000, "bound": "over"}, "source": "nis", "certainty": "confirmed"},
                {"id": "about", "subject": "troops", "attribute": "deployed", "value": {"amount": 3500, "bound": "about"}, "source": "x", "at": "2024-12-20"},
                {"id": "at_least", "subject": "troops", "attribute": "killed", "value": {"amount": 3000, "bound": "at_least"}, "source": "x"},
                {"id": "under", "subject": "troops", "attribute": "killed", "value": {"amount": 300, "bound": "under"}, "source": "x"},
                {"id": "at_most", "subject": "troops", "attribute": "killed", "value": {"amount": 11, "bound": "at_most"}, "source": "x"},
                {"id": "nearly", "subject": "troops", "attribute": "killed", "value": {"amount": 1000, "bound": "nearly"}, "source": "x", "certainty": "unconfirmed"},
                {"id": "exactly", "subject": "troops", "attribute": "killed", "value": {"amount": 0.25, "bound": "exactly"}, "source": "x"},
                {"id": "step", "subject": "troops", "attribute": "growth", "value": {"amount": 0.5, "bound": "about", "step": 0.01}, "source": "x"},
                {"id": "range", "subject": "troops", "attribute": "killed", "value": {"min": 10000, "max": 12000}, "source": "x",
                 "at": {"from": "2024-12-01", "to": "2024-12-27T12:00:00Z"}, "quote": "10,000 to 12,000"},
                {"id": "s1", "subject": "soldier-1", "attribute": "status", "value": "captured", "source": "nis"}
              ],
              "claims": [
                {"id": "c1", "text": "exceeded a quarter", "subject": "troops", "attribute": "casualty_share", "op": ">", "value": 0.25},
                {"id": "c2", "subject": "troops", "attribute": "killed", "op": "~", "value": {"amount": 3000, "bound": "about"}, "at": "2024-12-26"},
                {"id": "h1", "text": "Soldier captured", "subject": "soldier-1", "attribute": "status", "op": "=", "value": "captured"}
              ],
              "mentions": [
                {"text": "Friday (December 27)", "date": "2024-12-27", "weekday": "Friday"},
                {"text": "December 26", "date": "2024-12-26"}
              ]
            }
            """;

    private static final String REGISTRY = """
            sources:
              - {id: nis, name: NIS, kind: agency, url: "https://example.org"}
            entities:
              - id: soldier-1
                kind: person
                name: wounded North Korean soldier
            """;

    private static final String DATA = """
            facts:
              - id: d1
                subject: soldier-1
                attribute: status
                value: captured
                source: nis
                at: 2024-12-26
            """;

    private FactBase loadSample() throws IOException, InputException {
        TestSupport.write(tmp.resolve("facts/nk.json"), STORY);
        TestSupport.write(tmp.resolve("facts/nk.txt"), "\uFEFFThe body.\n");
        TestSupport.write(tmp.resolve("facts/registry/shared.yaml"), REGISTRY);
        TestSupport.write(tmp.resolve("facts/data.yml"), DATA);
        return TestSupport.loader().load(List.of(tmp.resolve("facts")));
    }

    @Test
    void filesAreSortedAndShownAsGiven() throws Exception {
        FactBase fb = loadSample();
        String base = FileWalker.display(tmp.resolve("facts"));
        assertThat(fb.files()).containsExactly(base + "/data.yml", base + "/nk.json", base + "/registry/shared.yaml");
        // a registry has no story entry; a data set has one without publication
        assertThat(fb.stories()).extracting(Story::id).containsExactly("data", "nk");
        Story data = fb.story("data");
        assertThat(data.published()).isNull();
        assertThat(data.hasStory()).isFalse();
        assertThat(data.location()).isEqualTo(new Location(base + "/data.yml", 1, 1));
    }

    @Test
    void story() throws Exception {
        FactBase fb = loadSample();
        String base = FileWalker.display(tmp.resolve("facts"));
        Story nk = fb.story("nk");
        assertThat(nk.headline()).isEqualTo("Soldier captured");
        assertThat(nk.published()).isEqualTo(When.instant(OffsetDateTime.parse("2024-12-27T18:00:00+09:00")));
        assertThat(nk.textFile()).isEqualTo(base + "/nk.txt");
        assertThat(nk.text()).isEqualTo("The body.\n"); // byte order mark dropped
        assertThat(nk.file()).isEqualTo(base + "/nk.json");
        assertThat(nk.location()).isEqualTo(new Location(base + "/nk.json", 3, 12));
        assertThat(fb.articleCount()).isEqualTo(1);
    }

    @Test
    void sourcesAndEntitiesAreGlobalAndSorted() throws Exception {
        FactBase fb = loadSample();
        assertThat(fb.sources()).containsOnlyKeys("nis", "x");
        assertThat(fb.sources().keySet()).containsExactly("nis", "x");
        assertThat(fb.sources().get("nis").kind()).isEqualTo(SourceKind.AGENCY);
        assertThat(fb.sources().get("nis").url()).isEqualTo("https://example.org");
        assertThat(fb.sources().get("x").kind()).isEqualTo(SourceKind.OTHER);
        assertThat(fb.sources().get("x").url()).isNull();
        // the first declaration in path order wins: data.yml < nk.json < registry/shared.yaml
        assertThat(fb.sources().get("nis").location().file()).endsWith("/nk.json");
        assertThat(fb.entities().keySet()).containsExactly("soldier-1", "troops");
        assertThat(fb.entities().get("soldier-1").kind()).isEqualTo("person");
        assertThat(fb.entities().get("soldier-1").location().line()).isEqualTo(4);
        assertThat(fb.entityName("troops")).isEqualTo("North Korean troops");
    }

    @Test
    void factsInLoadOrderWithDefaults() throws Exception {
        FactBase fb = loadSample();
        When published = When.instant(OffsetDateTime.parse("2024-12-27T18:00:00+09:00"));
        assertThat(fb.facts()).extracting(Fact::getRef).containsExactly("data#d1", "nk#exact", "nk#over", "nk#about",
                "nk#at_least", "nk#under", "nk#at_most", "nk#nearly", "nk#exactly", "nk#step", "nk#range", "nk#s1");
        assertThat(fb.facts()).extracting(Fact::getSeq).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        Map<String, Fact> f = fb.facts().stream().collect(Collectors.toMap(Fact::getId, x -> x));

        assertThat(f.get("d1").getAt()).isEqualTo(When.day(LocalDate.of(2024, 12, 26)));
        assertThat(f.get("d1").getStatus()).isEqualTo("captured");
        assertThat(f.get("d1").getQuantity()).isNull();
        assertThat(f.get("exact").getAt()).isEqualTo(published);
        assertThat(f.get("about").getAt()).isEqualTo(When.day(LocalDate.of(2024, 12, 20)));
        assertThat(f.get("range").getAt()).isEqualTo(When.period(When.day(LocalDate.of(2024, 12, 1)),
                When.instant(OffsetDateTime.parse("2024-12-27T12:00:00Z"))));

        assertThat(f.get("exact").getCertainty()).isEqualTo(Certainty.REPORTED);
        assertThat(f.get("over").getCertainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(f.get("nearly").getCertainty()).isEqualTo(Certainty.UNCONFIRMED);
        assertThat(f.get("range").getQuote()).isEqualTo("10,000 to 12,000");
        assertThat(f.get("exact").getQuote()).isNull();
        assertThat(f.get("exact").getSource()).isEqualTo("nis");
        assertThat(f.get("exact").getSubject()).isEqualTo("troops");
        assertThat(f.get("exact").getAttribute()).isEqualTo("deployed");
        assertThat(f.get("exact").getLocation().line()).isEqualTo(7);
        assertThat(f.get("exact").getLocation().column()).isEqualTo(5);
    }

    @Test
    void quantitiesForEveryBound() throws Exception {
        Map<String, Fact> f = loadSample().facts().stream().collect(Collectors.toMap(Fact::getId, x -> x));
        assertThat(f.get("exact").getQuantity()).isEqualTo(Quantity.exactly(new BigDecimal("11000")));
        assertThat(f.get("exact").getQuantity().amount().toPlainString()).isEqualTo("11000");
        assertThat(f.get("exact").getConventional()).isEqualTo(Interval.point(11000));

        assertThat(f.get("over").getQuantity().bound()).isEqualTo(Bound.OVER);
        assertThat(f.get("over").getConventional()).isEqualTo(Interval.of(11000, true, 12000, true));
        assertThat(f.get("over").getStrict()).isEqualTo(Interval.of(11000, true, Double.POSITIVE_INFINITY, true));
        assertThat(f.get("about").getConventional()).isEqualTo(Interval.closed(3450, 3550));
        assertThat(f.get("at_least").getConventional()).isEqualTo(Interval.of(3000, false, 4000, true));
        assertThat(f.get("under").getConventional()).isEqualTo(Interval.of(200, true, 300, true));
        assertThat(f.get("at_most").getConventional()).isEqualTo(Interval.of(10, true, 11, false));
        assertThat(f.get("nearly").getConventional()).isEqualTo(Interval.of(500, false, 1000, true));
        assertThat(f.get("exactly").getQuantity().amount()).isEqualTo(new BigDecimal("0.25"));
        assertThat(f.get("exactly").getQuantity().step()).isEqualTo(new BigDecimal("0.01"));
        assertThat(f.get("exactly").getConventional()).isEqualTo(Interval.point(0.25));
        assertThat(f.get("step").getQuantity().step()).isEqualTo(new BigDecimal("0.01"));
        assertThat(f.get("step").getConventional()).isEqualTo(Interval.closed(0.495, 0.505));
        assertThat(f.get("range").getQuantity().isRange()).isTrue();
        assertThat(f.get("range").getConventional()).isEqualTo(Interval.closed(10000, 12000));
    }

    @Test
    void claims() throws Exception {
        FactBase fb = loadSample();
        When published = When.instant(OffsetDateTime.parse("2024-12-27T18:00:00+09:00"));
        assertThat(fb.claims()).extracting(Claim::getRef).containsExactly("nk#c1", "nk#c2", "nk#h1");
        Claim c1 = fb.claims().get(0);
        assertThat(c1.op()).isEqualTo(Op.GT);
        assertThat(c1.quantity()).isEqualTo(Quantity.exactly(new BigDecimal("0.25")));
        assertThat(c1.status()).isNull();
        assertThat(c1.at()).isEqualTo(published);
        assertThat(c1.text()).isEqualTo("exceeded a quantity".replace("quantity", "quarter"));
        Claim c2 = fb.claims().get(1);
        assertThat(c2.op()).isEqualTo(Op.ABOUT);
        assertThat(c2.quantity()).isEqualTo(Quantity.of(new BigDecimal("3000"), Bound.ABOUT, null));
        assertThat(c2.at()).isEqualTo(When.day(LocalDate.of(2024, 12, 26)));
        assertThat(c2.text()).isNull();
        Claim h1 = fb.claims().get(2);
        assertThat(h1.isStatusClaim()).isTrue();
        assertThat(h1.status()).isEqualTo("captured");
        assertThat(h1.quantity()).isNull();
        assertThat(h1.op()).isEqualTo(Op.EQ);
    }

    @Test
    void mentions() throws Exception {
        FactBase fb = loadSample();
        String file = FileWalker.display(tmp.resolve("facts")) + "/nk.json";
        assertThat(fb.mentions()).containsExactly(
                new Mention("nk", "Friday (December 27)", LocalDate.of(2024, 12, 27), DayOfWeek.FRIDAY, new Location(file, 26, 5)),
                new Mention("nk", "December 26", LocalDate.of(2024, 12, 26), null, new Location(file, 27, 5)));
    }

    @Test
    void fileArgumentsAreShownAsGivenAndNormalized() throws Exception {
        Path f = TestSupport.write(tmp.resolve("a/b/one.json"), """
                {"story": {"published": "2025-01-01"}, "mentions": [{"text": "x", "date": "2025-01-01"}]}
                """);
        FactBase fb = TestSupport.loader().load(List.of(tmp.resolve("a/./b/../b/one.json")));
        assertThat(fb.files()).containsExactly(FileWalker.display(f));
        assertThat(fb.stories().get(0).id()).isEqualTo("one");
        // the same file named twice is read once
        fb = TestSupport.loader().load(List.of(f, tmp.resolve("a")));
        assertThat(fb.files()).hasSize(1);
    }

    @Test
    void relativePathsStayRelative() throws Exception {
        Path rel = Path.of("src/test/resources/conformance/c01-status-changed/facts/");
        FactBase fb = TestSupport.loader().load(List.of(rel));
        assertThat(fb.files()).containsExactly("src/test/resources/conformance/c01-status-changed/facts/story.json");
        Path up = Path.of("src/test/../test/resources/conformance/c01-status-changed/facts");
        assertThat(TestSupport.loader().load(List.of(up)).files()).isEqualTo(fb.files());
    }

    @Test
    void hiddenFilesAndOtherExtensionsAreSkippedInFolders() throws Exception {
        TestSupport.write(tmp.resolve("f/.vscode/settings.json"), "{\"editor\": 1}");
        TestSupport.write(tmp.resolve("f/.hidden.json"), "{\"editor\": 1}");
        TestSupport.write(tmp.resolve("f/notes.txt"), "not a fact file");
        TestSupport.write(tmp.resolve("f/UPPER.JSON"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}]}");
        FactBase fb = TestSupport.loader().load(List.of(tmp.resolve("f")));
        assertThat(fb.files()).extracting(s -> s.substring(s.lastIndexOf('/') + 1)).containsExactly("UPPER.JSON");
        assertThat(fb.stories()).isEmpty();
        assertThat(fb.sources()).containsOnlyKeys("a");
    }

    @Test
    void anExplicitNonFactFileIsAnError() throws Exception {
        Path txt = TestSupport.write(tmp.resolve("notes.txt"), "x");
        assertThat(TestSupport.errors(TestSupport.loader(), txt))
                .containsExactly(FileWalker.display(txt) + ": not a fact file (expected .json, .yaml or .yml)");
    }

    @Test
    void statusWordsComeFromTheConstructor() throws Exception {
        Path f = TestSupport.write(tmp.resolve("s.json"), """
                {"story": {"published": "2025-01-01"}, "sources": [{"id": "a", "name": "A"}],
                 "entities": [{"id": "p", "name": "P"}],
                 "facts": [{"id": "f1", "subject": "p", "attribute": "status", "value": "hospitalised", "source": "a"}]}
                """);
        assertThat(new FactLoader(Set.of("hospitalised")).load(List.of(f)).facts().get(0).getStatus()).isEqualTo("hospitalised");
        assertThat(TestSupport.errors(new FactLoader(Set.of("b", "a")), f)).singleElement().asString()
                .endsWith("unknown status \"hospitalised\" (expected one of: a, b)");
    }

    @Test
    void yamlAnchorsAndAliasesAreReplayed() throws Exception {
        Path f = TestSupport.write(tmp.resolve("y.yaml"), """
                sources: [{id: a, name: A}]
                entities: [{id: p, name: P}]
                facts:
                  - {id: f1, subject: p, attribute: status, value: captured, source: a, at: &week {from: 2025-03-01, to: 2025-03-07}}
                  - {id: f2, subject: p, attribute: status, value: released, source: a, at: *week}
                """);
        FactBase fb = TestSupport.loader().load(List.of(f));
        assertThat(fb.facts().get(1).getAt()).isEqualTo(fb.facts().get(0).getAt());
        assertThat(fb.facts().get(1).getAt().isPeriod()).isTrue();
    }

    @Test
    void anEmptyListOfPathsGivesAnEmptyBase() throws Exception {
        FactBase fb = TestSupport.loader().load(List.of());
        assertThat(fb.files()).isEmpty();
        assertThat(fb.facts()).isEmpty();
    }

    @Test
    void errorsAreSortedByFileAndPosition() throws IOException {
        TestSupport.write(tmp.resolve("b.json"), "{\"x\": 1,\n \"y\": 2}");
        TestSupport.write(tmp.resolve("a.json"), "{\"z\": 1}");
        assertThatThrownBy(() -> TestSupport.loader().load(List.of(tmp)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.errors())
                        .extracting(er -> er.location().file().substring(er.location().file().length() - 6)
                                + ":" + er.location().line())
                        .containsExactly("a.json:1", "b.json:1", "b.json:2"));
        assertThat(Files.exists(tmp)).isTrue();
    }

    /**
     * Files are merged one by one as they are parsed (the loader never holds every parsed file): a fact in a file
     * sorted before the registry that declares its subject and source still loads, numbered in path order across
     * more files than the parser reads ahead; a reference no file declares is still an error at its token, also in
     * a claim that has another error (it is not built, but its references are checked).
     */
    @Test
    void referencesToLaterFilesResolveAndUndeclaredOnesAreLocatedWhenFilesAreMergedOneByOne() throws Exception {
        Path dir = tmp.resolve("many");
        TestSupport.writeForwardReferences(dir);
        FactBase fb = TestSupport.loader().load(List.of(dir));
        assertThat(fb.facts()).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(fb.facts().get(i).getSeq()).isEqualTo(i);
            assertThat(fb.facts().get(i).getId()).isEqualTo("f" + i);
            assertThat(fb.facts().get(i).getQuantity().amount()).isEqualByComparingTo(BigDecimal.valueOf(i));
        }

        List<String> expected = TestSupport.breakForwardReferences(dir);
        assertThat(TestSupport.errors(TestSupport.loader(), dir)).containsExactlyElementsOf(expected);
    }
}
