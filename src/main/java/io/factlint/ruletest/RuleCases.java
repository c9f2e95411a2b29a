package io.factlint.ruletest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.check.Gate;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs rule test cases: a case is a folder holding {@code facts/} and {@code expected.json} (see {@link Expected}).
 * Every case is checked with one compiled rule pack, in-process, and compared with what it expects; each missing
 * or extra finding, wrong verdict or figure is a problem, written the way {@code run.py} of the conformance suite
 * writes it.
 */
public final class RuleCases {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RuleCases() {
    }

    /** The case folders under {@code root} (or {@code root} itself), sorted by path. */
    public static List<Path> find(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("expected.json"))) return List.of(root);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json")) && Files.isDirectory(p.resolve("facts")))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** A case's name: its path below {@code root}, or its folder name. */
    public static String name(Path root, Path caseDir) {
        String rel = root.relativize(caseDir).toString().replace('\\', '/');
        return rel.isEmpty() ? caseDir.getFileName().toString() : rel;
    }

    /** Runs one case with {@code pack}. */
    public static CaseResult run(RulePack pack, String name, Path caseDir) {
        Expected exp;
        try {
            exp = JSON.readValue(caseDir.resolve("expected.json").toFile(), Expected.class);
        } catch (JsonProcessingException e) {
            return new CaseResult(name, List.of("expected.json: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return new CaseResult(name, List.of("expected.json: " + e.getMessage()));
        }
        CheckResult r;
        try {
            r = new CheckPipeline(pack).run(CheckRequest.of(List.of(caseDir.resolve("facts")))).result();
        } catch (RulePackException e) {
            return new CaseResult(name, List.of("exit 2: " + e.getMessage()));
        } catch (InputException e) {
            List<String> p = new ArrayList<>();
            if (exp.exit() == null || exp.exit() != 2) p.add("exit 2, want " + exp.exit() + " (" + e.errors().get(0) + ")");
            return new CaseResult(name, p);
        } catch (RuleFailure e) {
            return new CaseResult(name, List.of("exit 3: " + e.getMessage()));
        }
        Set<String> only = exp.only() == null ? null : Set.copyOf(exp.only());
        Set<String> fired = new TreeSet<>();
        r.findings().stream().map(Finding::rule).filter(id -> only == null || only.contains(id)).forEach(fired::add);
        return new CaseResult(name, compare(exp, r), fired);
    }

    /** Runs every case under {@code root} with {@code pack}, in path order. */
    public static List<CaseResult> runAll(RulePack pack, Path root) throws IOException {
        List<CaseResult> out = new ArrayList<>();
        for (Path dir : find(root)) out.add(run(pack, name(root, dir), dir));
        return out;
    }

    /** The ids of the pack's rules that no case makes fire (among the findings the case checks), sorted. */
    public static List<String> notFired(RulePack pack, List<CaseResult> results) {
        Set<String> fired = new TreeSet<>();
        results.forEach(r -> fired.addAll(r.fired()));
        return pack.rules().stream().map(io.factlint.model.RuleInfo::id).filter(id -> !fired.contains(id)).sorted().toList();
    }

    /** What differs between the expectation and the result. */
    static List<String> compare(Expected exp, CheckResult r) {
        List<String> why = new ArrayList<>();
        Set<String> only = exp.only() == null ? null : Set.copyOf(exp.only());
        if (exp.exit() != null) {
            int exit = Gate.of(r, Severity.ERROR, false).exitCode().code();
            if (exit != exp.exit()) why.add("exit " + exit + ", want " + exp.exit());
        }
        if (exp.failOnWarningExit() != null) {
            int exit = Gate.of(r, Severity.WARNING, false).exitCode().code();
            if (exit != exp.failOnWarningExit()) why.add("exit with --fail-on warning " + exit + ", want " + exp.failOnWarningExit());
        }
        List<Finding> left = new ArrayList<>(r.findings().stream()
                .filter(f -> f.severity() != Severity.INFO && (only == null || only.contains(f.rule()))).toList());
        match(exp.findings(), left, why, "");
        List<Finding> infos = new ArrayList<>(r.findings().stream()
                .filter(f -> f.severity() == Severity.INFO && (only == null || only.contains(f.rule()))).toList());
        if (exp.infos() != null) {
            for (Expected.ExpectedFinding e : exp.infos()) {
                Finding hit = infos.stream().filter(f -> f.rule().equals(e.rule())
                        && (e.subject() == null || e.subject().equals(f.subject()))
                        && (e.facts() == null || new TreeSet<>(e.facts()).equals(new TreeSet<>(f.factRefs())))).findFirst().orElse(null);
                if (hit == null) why.add("missing info " + e.rule() + " " + e.subject() + (e.facts() == null ? "" : " " + e.facts()));
                else infos.remove(hit);
            }
        }
        if (Boolean.TRUE.equals(exp.infosExact())) {
            for (Finding f : infos) why.add("unexpected info " + f.rule() + " " + f.subject() + " " + f.factRefs());
        }
        if (exp.claims() != null) {
            Map<String, String> got = new java.util.HashMap<>();
            r.verdicts().forEach(v -> got.put(v.claim().getRef(), v.verdict().id()));
            exp.claims().forEach((ref, v) -> {
                if (!v.equals(got.get(ref))) why.add("claim " + ref + ": " + got.get(ref) + ", want " + v);
            });
        }
        if (exp.figures() != null) {
            for (Expected.ExpectedFigure g : exp.figures()) {
                Figure f = r.figures().stream().filter(x -> x.subject().equals(g.subject()) && x.attribute().equals(g.attribute()))
                        .findFirst().orElse(null);
                if (f == null || !close(f.conventional().min(), g.min()) || !close(f.conventional().max(), g.max())) {
                    why.add("figure " + g.subject() + " " + g.attribute() + ": " + (f == null ? "absent" : f.conventional().format())
                            + ", want [" + g.min() + ", " + g.max() + "]");
                }
            }
        }
        return why;
    }

    private static void match(List<Expected.ExpectedFinding> expected, List<Finding> left, List<String> why, String kind) {
        if (expected != null) {
            for (Expected.ExpectedFinding e : expected) {
                Finding hit = left.stream().filter(f -> matches(e, f)).findFirst().orElse(null);
                if (hit == null) why.add("missing " + kind + e.rule() + " " + e.subject() + " " + (e.facts() == null ? "[]" : e.facts()));
                else left.remove(hit);
            }
        }
        for (Finding f : left) {
            why.add("unexpected " + f.severity().id() + " " + f.rule() + " " + f.subject() + " " + f.factRefs());
        }
    }

    private static boolean matches(Expected.ExpectedFinding e, Finding f) {
        if (!f.rule().equals(e.rule())) return false;
        if (e.subject() != null && !e.subject().equals(f.subject())) return false;
        List<String> facts = e.facts() == null ? List.of() : e.facts();
        if (e.claim() != null) {
            return e.claim().equals(f.claimRef()) && f.factRefs().containsAll(facts);
        }
        if (e.subject() == null && facts.isEmpty()) return true;
        return new TreeSet<>(facts).equals(new TreeSet<>(f.factRefs())) && facts.size() == f.factRefs().size();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= Math.max(1e-9, 1e-6 * Math.abs(b));
    }
}
