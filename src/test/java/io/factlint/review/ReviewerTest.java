package io.factlint.review;

import io.factlint.check.Gate;
import io.factlint.ingest.InputError;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Location;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The review step on its own: waivers with an injected clock, baseline matching by fingerprint. */
class ReviewerTest {
    static final FactBase EMPTY = new FactBase(List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());

    static Finding finding(String rule, Severity s, String subject, String message, int line) {
        return new Finding(rule, s, message, subject, null, List.of(), new Location("facts/a.json", line, 5));
    }

    static Waiver waiver(String rule, String subject, String expires, int line) {
        return new Waiver(rule, subject, null, null, "ok", "me", LocalDate.parse(expires), new Location("facts/waivers.yaml", line, 5));
    }

    static Clock on(String day) {
        return Clock.fixed(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    static CheckResult result(Finding... fs) {
        List<Finding> l = new ArrayList<>(List.of(fs));
        l.sort(Finding.ORDER);
        return new CheckResult(EMPTY, List.of(), l, List.of(), List.of());
    }

    @Test
    void theFirstMatchingWaiverAppliesAndTheClockDecidesExpiry() {
        CheckResult r = result(finding("status.changed", Severity.ERROR, "p", "m", 3));
        Waiver first = waiver("status.changed", "p", "2025-03-31", 2);
        Waiver second = waiver("status.changed", "p", "2025-12-31", 8);
        CheckResult before = Reviewer.review(r, List.of(first, second), null, null, on("2025-03-31"));
        assertThat(before.findings()).hasSize(1);
        assertThat(before.findings().get(0).review().waiver()).isEqualTo(first);
        assertThat(Gate.of(before, Severity.ERROR, false).passed()).isTrue();
        assertThat(before.countWaived()).isEqualTo(1);

        CheckResult after = Reviewer.review(r, List.of(first, second), null, null, on("2025-04-01"));
        assertThat(after.findings()).extracting(Finding::rule).containsExactly("status.changed", "waiver.expired");
        assertThat(after.findings().get(0).review().waiver()).isEqualTo(second);
        assertThat(after.findings().get(1).location()).isEqualTo(first.location());
        assertThat(after.rules()).extracting(x -> x.id()).contains("waiver.expired", "waiver.unused");
    }

    @Test
    void aReviewKeepsTheOrder() {
        CheckResult r = result(finding("a.x", Severity.ERROR, "p", "m", 9), finding("b.y", Severity.WARNING, "q", "n", 1),
                finding("c.z", Severity.ERROR, "q", "o", 2));
        CheckResult reviewed = Reviewer.review(r, List.of(waiver("c.z", "q", "2099-01-01", 1)), null, null, on("2025-01-01"));
        assertThat(reviewed.findings()).extracting(Finding::rule).containsExactly("c.z", "a.x", "b.y");
        assertThat(reviewed.findings()).isSortedAccordingTo(Finding.ORDER);
    }

    @Test
    void baselineMatchingCountsFingerprintsAndListsTheRestAsFixed() {
        Finding a = finding("r.a", Severity.ERROR, "p", "same", 1);
        Finding a2 = finding("r.a", Severity.ERROR, "p", "same", 1);
        Finding b = finding("r.b", Severity.WARNING, "p", "b", 2);
        FixedFinding oldA = new FixedFinding("r.a", Severity.ERROR, "same", "p", null, a.fingerprint(), a.location(), List.of());
        FixedFinding gone = new FixedFinding("r.c", Severity.INFO, "c", "p", null, "00", a.location(), List.of("s#f1"));
        CheckResult r = Reviewer.review(result(a, a2, b), List.of(), List.of(oldA, gone), "prev.json", on("2025-01-01"));
        assertThat(r.findings()).extracting(f -> f.review().baseline())
                .containsExactly(BaselineState.UNCHANGED, BaselineState.NEW, BaselineState.NEW);
        assertThat(r.baseline().fixed()).containsExactly(gone);
        assertThat(Gate.of(r, Severity.ERROR, true).passed()).isFalse();
        CheckResult onlyOld = Reviewer.review(result(a), List.of(), List.of(oldA), "prev.json", on("2025-01-01"));
        assertThat(Gate.of(onlyOld, Severity.ERROR, true).passed()).isTrue();
        assertThat(Gate.of(onlyOld, Severity.ERROR, false).passed()).isFalse();
    }

    @Test
    void waiversReadFromJsonAndYamlAlike(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("waivers.json");
        Files.writeString(json, "{\"$schema\": \"x\", \"waivers\": [{\"rule\": \"r.a\", \"facts\": [\"s#f2\", \"s#f1\"],"
                + " \"reason\": \"why\", \"author\": \"me\", \"expires\": \"2025-01-31\"}]}");
        Path yaml = tmp.resolve("waivers.yaml");
        Files.writeString(yaml, "waivers:\n  - rule: r.a\n    facts: [s#f2, s#f1]\n    reason: why\n    author: me\n    expires: 2025-01-31\n");
        List<InputError> errors = new ArrayList<>();
        List<Waiver> fromJson = WaiverFile.read(json, Set.of("r.a"), errors);
        List<Waiver> fromYaml = WaiverFile.read(yaml, Set.of("r.a"), errors);
        assertThat(errors).isEmpty();
        assertThat(fromJson).hasSize(1);
        assertThat(fromJson.get(0).facts()).containsExactly("s#f1", "s#f2");
        assertThat(fromYaml.get(0).facts()).isEqualTo(fromJson.get(0).facts());
        assertThat(fromYaml.get(0).location().line()).isEqualTo(2);
        assertThat(WaiverFile.discover(List.of(tmp))).containsExactly(json, yaml);
    }
}
