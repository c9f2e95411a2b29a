package io.factlint.cli;

import io.factlint.check.ExitCode;
import io.factlint.engine.RulePack;
import io.factlint.ruletest.CaseResult;
import io.factlint.ruletest.RuleCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code factlint test}: runs rule test cases (folders with {@code facts/} and {@code expected.json}, see
 * {@link io.factlint.ruletest.Expected}) against a rule pack, one line per case, the differences under a failed one,
 * and {@code N passed, M failed}.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run rule test cases: each folder with facts/ and expected.txt (or expected.json) under DIR is a case.",
                "Prints ok or FAIL per case (with the differences) and 'N passed, M failed'; exits 1 if a case fails."})
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..*", defaultValue = "rule-cases",
            description = {"Folders of cases, or case folders (default: ${DEFAULT-VALUE}). With several, each case is named",
                    "by its folder as given, and a case found twice runs once."})
    List<Path> dirs;

    @Mixin
    RuleOptions rules;

    @Option(names = "--coverage", description = "Name the rules that no case makes fire.")
    boolean coverage;

    @Option(names = "--update", description = {"Rewrite each case's expected.txt with what the check gives now (its # header kept),",
            "then run the cases: review the changes (git diff) before committing them."})
    boolean update;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // each case with the name it is shown by: relative to its DIR, or (several DIRs) the DIR's path joined to it
            java.util.Map<Path, String> named = new java.util.LinkedHashMap<>();
            java.util.Set<Path> seen = new java.util.HashSet<>();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("factlint: " + dir + ": no such folder of rule test cases");
                    return ExitCode.INPUT_ERROR.code();
                }
                List<Path> found = RuleCases.find(dir);
                if (found.isEmpty()) {
                    err.println("factlint: " + dir + ": no test cases (a case is a folder with facts/ and expected.txt"
                            + " or expected.json; to start one, create an empty expected.txt beside facts/ and run with --update)");
                    return ExitCode.INPUT_ERROR.code();
                }
                for (Path c : found) {
                    String name = RuleCases.name(dir, c);
                    if (!seen.add(c.toAbsolutePath().normalize())) continue;
                    String shown = dir.equals(c) ? dir.toString() : dir + "/" + name;
                    named.put(c, dirs.size() == 1 ? name : shown.replace('\\', '/'));
                }
            }
            List<Path> cases = List.copyOf(named.keySet());
            RulePack pack = rules.load(err, "no case run");
            if (pack == null) return ExitCode.INPUT_ERROR.code();
            if (update) {
                for (Path c : cases) {
                    try {
                        if (RuleCases.update(pack, c)) out.println("updated " + c.resolve(RuleCases.EXPECTED_TXT));
                    } catch (io.factlint.ingest.InputException | io.factlint.engine.RuleFailure e) {
                        out.println("not updated " + c + ": " + e.getMessage());
                    }
                }
            }
            int passed = 0;
            int failed = 0;
            List<CaseResult> results = new java.util.ArrayList<>();
            for (Path c : cases) {
                CaseResult r = RuleCases.run(pack, named.get(c), c);
                results.add(r);
                if (r.passed()) {
                    passed++;
                    out.println("ok   " + r.name());
                } else {
                    failed++;
                    out.println("FAIL " + r.name());
                    r.problems().forEach(p -> out.println("       " + p));
                }
            }
            if (coverage) {
                List<String> missing = RuleCases.notFired(pack, results);
                int n = pack.rules().size();
                out.println("coverage: " + (n - missing.size()) + " of " + n + " rules fire in at least one case"
                        + (missing.isEmpty() ? "" : "; no case makes these fire: " + String.join(", ", missing)));
            }
            out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
        } finally {
            out.flush();
            err.flush();
        }
    }
}
