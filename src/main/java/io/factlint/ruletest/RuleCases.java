package io.factlint.ruletest;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;

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
 * Runs rule test cases: a case is a folder holding {@code facts/} and what a check of them must give, either
 * <ul>
 *   <li>{@code expected.txt}: exactly what an editor sees ({@link #EXPECTED_TXT}): the text report's lines (findings
 *       {@code facts/story.json:12:5: error [rule.id] message}, claim verdicts, the summary line), then one
 *       {@code figure ...} line per derived figure, paths relative to the case folder; {@code #} lines at the top are
 *       the case's description, and {@code # clean: rule.id, ...} names the rules the case shows silent on a near
 *       miss. Compared line for line; a difference is shown as a diff ({@code -} expected, {@code +} actual), and
 *       {@link #update} rewrites the file for review;</li>
 *   <li>or {@code expected.json} ({@link Expected}), the format of the shared conformance cases (rule, subject and
 *       fact refs per finding, verdicts, figures).</li>
 * </ul>
 * Every case is checked with one compiled rule pack, in-process.
 */
public final class RuleCases {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RuleCases() {
    }

    /** The exact expectation of a case. */
    public static final String EXPECTED_TXT = "expected.txt";

    private static boolean isCase(Path p) {
        return Files.isDirectory(p.resolve("facts"))
                && (Files.isRegularFile(p.resolve(EXPECTED_TXT)) || Files.isRegularFile(p.resolve("expected.json")));
    }

    /** The case folders under {@code root} (or {@code root} itself), sorted by path. */
    public static List<Path> find(Path root) throws IOException {
        if (isCase(root)) return List.of(root);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(RuleCases::isCase).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /**
     * What an editor sees of a check of the case: the text report's lines (paths relative to the case folder), then a
     * {@code figure} line per derived figure.
     */
    public static List<String> seen(CheckOutcome outcome, Path caseDir) {
        CheckResult r = outcome.result();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            new io.factlint.report.TextReportWriter().write(outcome, new io.factlint.report.ReportOptions("test", null), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String prefix = caseDir.toString().replace('\\', '/') + "/";
        List<String> lines = new ArrayList<>();
        for (String l : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            lines.add(l.startsWith(prefix) ? l.substring(prefix.length()) : l);
        }
        for (Figure f : r.figures()) {
            lines.add("figure " + f.subject() + " " + f.attribute() + " at " + f.at() + ": " + f.display() + "; strict "
                    + f.strictDisplay() + "; from " + String.join(", ", f.fromRefs()));
        }
        return lines;
    }

    /** The case's check, through the one check pipeline (fail-on error, no waivers, no baseline). */
    private static CheckOutcome check(RulePack pack, Path caseDir) throws InputException, RuleFailure {
        try {
            return new CheckPipeline(pack).run(CheckRequest.of(List.of(caseDir.resolve("facts"))));
        } catch (io.factlint.engine.RulePackException e) {
            throw new IllegalStateException("a compiled rule pack has no problems to report", e); // never: the pack is compiled
        }
    }

    /** The header of an {@code expected.txt}: its leading {@code #} lines. */
    static List<String> header(List<String> lines) {
        List<String> h = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#")) break;
            h.add(l);
        }
        return h;
    }

    /** The rule ids a case's header names as shown silent ({@code # clean: a.b, c.d}). */
    public static Set<String> clean(Path caseDir) throws IOException {
        Set<String> out = new TreeSet<>();
        Path f = caseDir.resolve(EXPECTED_TXT);
        if (!Files.isRegularFile(f)) return out;
        for (String l : header(Files.readAllLines(f))) {
            if (l.startsWith("# clean:")) {
                for (String id : l.substring("# clean:".length()).split(",")) if (!id.isBlank()) out.add(id.trim());
            }
        }
        return out;
    }

    /**
     * Rewrites the case's {@code expected.txt} with what the check gives now, keeping its header; returns whether it
     * changed. A case with {@code expected.json} only is left alone (the shared conformance format).
     */
    public static boolean update(RulePack pack, Path caseDir) throws IOException, InputException, RuleFailure {
        Path f = caseDir.resolve(EXPECTED_TXT);
        if (!Files.isRegularFile(f)) return false;
        List<String> old = Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
        Lines r;
        try {
            r = withCasePack(pack, caseDir, p -> lines(p, caseDir)); // a case's own vocabulary/, as run() reads it
        } catch (RulePackException e) {
            throw new IOException(caseDir.resolve("vocabulary") + ": " + e.getMessage(), e);
        }
        List<String> now = new ArrayList<>(header(old));
        now.addAll(r.lines());
        if (now.equals(old)) return false;
        Files.writeString(f, String.join("\n", now) + "\n", java.nio.charset.StandardCharsets.UTF_8);
        return true;
    }

    /** A line diff ({@code -} expected, {@code +} actual, two spaces for a common line), by longest common subsequence. */
    static List<String> diff(List<String> want, List<String> got) {
        int n = want.size();
        int m = got.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = want.get(i).equals(got.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && want.get(i).equals(got.get(j))) {
                out.add("  " + want.get(i++));
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.add("+ " + got.get(j++));
            } else {
                out.add("- " + want.get(i++));
            }
        }
        return out;
    }

    /** A case's name: its path below {@code root}, or its folder name. */
    public static String name(Path root, Path caseDir) {
        String rel = root.relativize(caseDir).toString().replace('\\', '/');
        return rel.isEmpty() ? caseDir.getFileName().toString() : rel;
    }

    /**
     * Runs one case with {@code pack}. A case with a {@code vocabulary/} folder is checked with the pack plus its
     * YAML files (copied into a temporary copy of the pack's folder and compiled): a case of a vocabulary setting
     * such as {@code measures:}.
     */
    public static CaseResult run(RulePack pack, String name, Path caseDir) {
        try {
            return withCasePack(pack, caseDir, p -> runWith(p, name, caseDir));
        } catch (IOException | RulePackException e) {
            return new CaseResult(name, List.of("vocabulary/: " + e.getMessage()));
        } catch (InputException | RuleFailure e) {
            throw new IllegalStateException(e); // never: runWith reports a case's errors as its result
        }
    }

    /** What a case is checked with: {@code pack}, or {@code pack} plus the case's {@code vocabulary/} files. */
    @FunctionalInterface
    private interface WithPack<T> {
        T apply(RulePack pack) throws IOException, InputException, RuleFailure;
    }

    /**
     * Applies {@code f} to {@code pack}, or, for a case with a {@code vocabulary/} folder, to the pack plus its YAML
     * files (copied into a temporary copy of the pack's folder, compiled, and deleted after).
     */
    private static <T> T withCasePack(RulePack pack, Path caseDir, WithPack<T> f)
            throws IOException, RulePackException, InputException, RuleFailure {
        if (!Files.isDirectory(caseDir.resolve("vocabulary")) || pack.dir() == null) return f.apply(pack);
        Path tmp = Files.createTempDirectory("factlint-case-rules-");
        try {
            Path rules = tmp.resolve("rules");
            copyTree(pack.dir(), rules);
            try (Stream<Path> s = Files.list(caseDir.resolve("vocabulary"))) {
                for (Path y : s.sorted().toList()) {
                    Files.copy(y, rules.resolve("vocabulary").resolve("case-" + y.getFileName()));
                }
            }
            return f.apply(RulePack.load(rules));
        } finally {
            deleteTree(tmp);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static CaseResult runWith(RulePack pack, String name, Path caseDir) {
        if (Files.isRegularFile(caseDir.resolve(EXPECTED_TXT))) return runExact(pack, name, caseDir);
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

    /** The lines a case gives (its findings and summary, or its input errors) and the result (null: input errors). */
    private record Lines(List<String> lines, CheckResult result) {
    }

    private static Lines lines(RulePack pack, Path caseDir) throws RuleFailure {
        try {
            CheckOutcome o = check(pack, caseDir);
            return new Lines(seen(o, caseDir), o.result());
        } catch (InputException e) {
            String prefix = caseDir.toString().replace('\\', '/') + "/";
            return new Lines(e.errors().stream().map(String::valueOf)
                    .map(x -> x.startsWith(prefix) ? x.substring(prefix.length()) : x).toList(), null);
        }
    }

    private static CaseResult runExact(RulePack pack, String name, Path caseDir) {
        List<String> want;
        try {
            want = Files.readAllLines(caseDir.resolve(EXPECTED_TXT), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new CaseResult(name, List.of(EXPECTED_TXT + ": " + e.getMessage()));
        }
        want = want.subList(header(want).size(), want.size());
        List<String> got;
        CheckResult r;
        try {
            Lines l = lines(pack, caseDir);
            got = l.lines();
            r = l.result();
        } catch (RuleFailure e) {
            return new CaseResult(name, List.of("exit 3: " + e.getMessage()));
        }
        Set<String> fired = new TreeSet<>();
        if (r != null) r.findings().forEach(f -> fired.add(f.rule()));
        List<String> problems = new ArrayList<>(cleanProblems(pack, caseDir, got));
        if (want.equals(got)) return new CaseResult(name, problems, fired);
        problems.add(EXPECTED_TXT + " differs (- expected, + actual; factlint test --update rewrites it):");
        problems.addAll(diff(want, got));
        return new CaseResult(name, problems, fired);
    }

    /**
     * What is wrong with the case's {@code # clean:} header against the lines the check gives: a rule it names as
     * silent that the case reports, or a name that is no rule of the pack (a typo would show nothing silent).
     */
    private static List<String> cleanProblems(RulePack pack, Path caseDir, List<String> got) {
        Set<String> silent;
        try {
            silent = clean(caseDir);
        } catch (IOException e) {
            return List.of(EXPECTED_TXT + ": " + e.getMessage());
        }
        Set<String> ids = new TreeSet<>();
        pack.rules().forEach(x -> ids.add(x.id()));
        List<String> out = new ArrayList<>();
        for (String id : silent) {
            if (!ids.contains(id)) {
                out.add("# clean: names " + id + ", which is no rule of the pack");
            } else if (got.stream().anyMatch(l -> !l.startsWith("#") && l.contains(" [" + id + "] "))) {
                out.add("# clean: names " + id + " as silent, but the case reports it");
            }
        }
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
