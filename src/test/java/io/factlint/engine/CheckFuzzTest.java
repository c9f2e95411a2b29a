package io.factlint.engine;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.FactLoaderFuzzTest;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the whole check: the {@link CheckPipeline} (loader, rule session, review, gate) with the default rule pack ({@code rules/}), then
 * every available report writer. Fact files are data: whatever they say, the default rules complete and produce
 * findings, so the only exception allowed is an {@link InputException} (with located errors). A {@link RuleFailure}
 * of the default pack on some input is a bug in a rule or a rule function, and fails the property.
 *
 * <p>{@link #checkJson} mutates raw bytes, seeded with the seed story and conformance cases; {@link #checkGenerated}
 * builds well-formed fact files from the fuzzer's data (ids, attributes, numbers, dates, ops from small pools), so
 * nearly every input reaches the rules.
 */
public class CheckFuzzTest {
    private static final RulePack PACK = pack();
    private static final CheckPipeline PIPELINE = new CheckPipeline(PACK);
    private static final Set<String> RULE_IDS = PACK.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    private static final EngineLimits LIMITS = new EngineLimits(null, Duration.ofSeconds(30));
    private static final Path DIR = tempDir();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "North Korea has deployed over 11,000 soldiers to Russia. Over 3,000 were killed or "
            + "injured, Zelenskyy said on Monday (December 23). The soldier captured on the 26th died on Friday.";

    @FuzzTest(maxDuration = "5m")
    void checkJson(byte[] input) {
        write("story.json", input);
        clear("data.json");
        check();
    }

    @FuzzTest(maxDuration = "5m")
    void checkGenerated(FuzzedDataProvider data) {
        write("story.json", generate(data, true));
        if (data.consumeBoolean()) write("data.json", generate(data, false));
        else clear("data.json");
        check();
    }

    private static void check() {
        CheckOutcome outcome;
        try {
            outcome = PIPELINE.run(CheckRequest.of(List.of(DIR)).withEngineLimits(LIMITS));
        } catch (InputException e) {
            FactLoaderFuzzTest.checkErrors(e);
            return;
        } catch (RuleFailure e) {
            fail("the default rules failed on loadable facts: " + e.getMessage(), e);
            return;
        } catch (RulePackException e) {
            throw new IllegalStateException(e);
        }
        CheckResult result = outcome.result();
        for (Finding f : result.findings()) {
            assertThat(RULE_IDS).as("rule id of %s", f).contains(f.rule());
            assertThat(f.location()).as("location of %s", f).isNotNull();
            assertThat(f.message()).as("message of %s", f).isNotBlank();
        }
        for (ClaimVerdict v : result.verdicts()) {
            assertThat(v.verdict()).isNotNull();
            assertThat(v.strictVerdict()).isNotNull();
        }
        ReportOptions options = new ReportOptions("fuzz", null);
        for (Format f : Format.values()) {
            if (!Reports.supports(f)) continue;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Reports.writer(f).write(outcome, options, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (f == Format.JSON) {
                try {
                    JSON.readTree(out.toByteArray());
                } catch (IOException e) {
                    fail("the JSON report does not parse: " + e.getMessage());
                }
            }
        }
    }

    // ---- the generator

    private static final String[] ATTRIBUTES = {"status", "deployed", "killed", "injured", "killed_or_injured",
            "losses", "captured_count", "casualty_share", "killed_share", "height"};
    private static final String[] STATUSES = {"active", "missing", "captured", "released", "defected", "deceased"};
    private static final String[] BOUNDS = {"exactly", "about", "over", "at_least", "under", "at_most", "nearly"};
    private static final String[] OPS = {"=", "!=", "<", "<=", ">", ">=", "~"};
    private static final String[] CERTAINTIES = {"confirmed", "reported", "unconfirmed"};
    private static final String[] KINDS = {"agency", "government", "military", "media", "social", "official", "other"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final LocalDate BASE_DAY = LocalDate.of(2024, 12, 20);

    /** A well-formed fact file (with a story when {@code story}) built from the fuzzer's data. */
    static byte[] generate(FuzzedDataProvider d, boolean story) {
        ObjectNode root = JSON.createObjectNode();
        if (story) {
            ObjectNode s = root.putObject("story");
            s.put("id", "s" + d.consumeInt(0, 2));
            if (d.consumeBoolean()) s.put("headline", d.consumeString(60));
            s.put("published", when(d, false));
            if (d.consumeBoolean()) s.put("text", "story.txt");
        }
        ArrayNode sources = root.putArray("sources");
        int ns = d.consumeInt(0, 4);
        for (int i = 0; i < ns; i++) {
            ObjectNode o = sources.addObject();
            o.put("id", "src" + i);
            o.put("name", story ? "Source " + i : "Source " + i); // the same in both files: no redeclaration error
            o.put("kind", KINDS[i % KINDS.length]);
        }
        ArrayNode entities = root.putArray("entities");
        int ne = d.consumeInt(0, 3);
        for (int i = 0; i < ne; i++) {
            ObjectNode o = entities.addObject();
            o.put("id", "e" + i);
            o.put("name", "Entity " + i);
            o.put("kind", "group");
        }
        ArrayNode facts = root.putArray("facts");
        int nf = d.consumeInt(0, 14);
        for (int i = 0; i < nf; i++) {
            ObjectNode f = facts.addObject();
            f.put("id", "f" + i);
            f.put("subject", "e" + d.consumeInt(0, 2));
            String attribute = d.pickValue(ATTRIBUTES);
            f.put("attribute", attribute);
            if (attribute.equals("status")) f.put("value", d.pickValue(STATUSES));
            else quantity(d, f);
            if (!story || d.consumeBoolean()) at(d, f);
            f.put("source", "src" + d.consumeInt(0, 3));
            if (d.consumeBoolean()) f.put("certainty", d.pickValue(CERTAINTIES));
            if (d.consumeBoolean()) f.put("quote", quote(d));
        }
        ArrayNode claims = root.putArray("claims");
        int nc = d.consumeInt(0, 5);
        for (int i = 0; i < nc; i++) {
            ObjectNode c = claims.addObject();
            c.put("id", "c" + i);
            if (d.consumeBoolean()) c.put("text", d.consumeString(40));
            c.put("subject", "e" + d.consumeInt(0, 2));
            String attribute = d.pickValue(ATTRIBUTES);
            c.put("attribute", attribute);
            c.put("op", d.pickValue(OPS));
            if (attribute.equals("status") && d.consumeInt(0, 9) > 0) c.put("value", d.pickValue(STATUSES));
            else quantity(d, c);
            if (!story || d.consumeBoolean()) at(d, c);
        }
        if (story) {
            ArrayNode mentions = root.putArray("mentions");
            int nm = d.consumeInt(0, 3);
            for (int i = 0; i < nm; i++) {
                ObjectNode m = mentions.addObject();
                m.put("text", d.consumeString(20) + "x");
                m.put("date", BASE_DAY.plusDays(d.consumeInt(-3, 10)).toString());
                if (d.consumeBoolean()) m.put("weekday", d.pickValue(WEEKDAYS));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void quantity(FuzzedDataProvider d, ObjectNode owner) {
        switch (d.consumeInt(0, 3)) {
            case 0 -> owner.put("value", number(d));
            case 1 -> {
                ObjectNode q = owner.putObject("value");
                q.put("amount", number(d));
                q.put("bound", d.pickValue(BOUNDS));
            }
            case 2 -> {
                ObjectNode q = owner.putObject("value");
                java.math.BigDecimal a = number(d);
                java.math.BigDecimal b = number(d);
                q.put("min", a.min(b));
                q.put("max", a.max(b));
            }
            default -> {
                ObjectNode q = owner.putObject("value");
                q.put("amount", number(d));
                q.put("bound", d.pickValue(BOUNDS));
                q.put("step", number(d).abs().add(new java.math.BigDecimal("0.01")));
            }
        }
    }

    private static java.math.BigDecimal number(FuzzedDataProvider d) {
        return switch (d.consumeInt(0, 4)) {
            case 0 -> java.math.BigDecimal.ZERO;
            case 1 -> java.math.BigDecimal.valueOf(d.consumeInt(0, 20_000));
            case 2 -> java.math.BigDecimal.valueOf(d.consumeInt(-100, 100), d.consumeInt(0, 3));
            case 3 -> java.math.BigDecimal.valueOf(d.consumeLong(), d.consumeInt(-20, 20));
            default -> new java.math.BigDecimal(d.consumeInt(1, 99) + "E" + d.consumeInt(-300, 300));
        };
    }

    private static void at(FuzzedDataProvider d, ObjectNode owner) {
        if (d.consumeInt(0, 4) == 0) {
            ObjectNode p = owner.putObject("at");
            String a = when(d, false);
            String b = when(d, false);
            boolean ordered = a.compareTo(b) <= 0 || d.consumeBoolean();
            p.put("from", ordered ? a : b);
            p.put("to", ordered ? b : a);
        } else {
            owner.put("at", when(d, true));
        }
    }

    private static String when(FuzzedDataProvider d, boolean allowInstant) {
        LocalDate day = BASE_DAY.plusDays(d.consumeInt(-5, 12));
        if (allowInstant && d.consumeBoolean()) {
            return day + "T" + String.format("%02d:%02d:00", d.consumeInt(0, 23), d.consumeInt(0, 59))
                    + d.pickValue(new String[]{"Z", "+09:00", "-05:00", "+14:00", "-12:00"});
        }
        return day.toString();
    }

    private static String quote(FuzzedDataProvider d) {
        if (d.consumeBoolean()) {
            int a = d.consumeInt(0, TEXT.length() - 1);
            int b = d.consumeInt(a + 1, TEXT.length());
            return TEXT.substring(a, b);
        }
        return d.consumeString(40) + "x";
    }

    // ---- files

    private static void write(String name, byte[] bytes) {
        try {
            Files.write(DIR.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(String name) {
        try {
            Files.deleteIfExists(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RulePack pack() {
        try {
            return RulePack.load(Path.of("rules"));
        } catch (RulePackException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("factlint-fuzz-check");
            Files.writeString(dir.resolve("story.txt"), TEXT, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
