package io.factlint.cli;

import io.factlint.model.text.Spelling;
import io.factlint.check.ExitCode;
import io.factlint.engine.RulePack;
import io.factlint.model.RuleInfo;
import io.factlint.review.ReviewRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code factlint explain RULE_ID}: a rule's description, severity, what makes it fire, an example, what to do, and
 * how to waive it. The texts are the rule's DRL annotations ({@code @description}, {@code @fires}, {@code @example},
 * {@code @fix}), the same metadata the reports' rule help shows.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a rule: what makes it fire, an example, what to do, and how to waive a finding.")
final class ExplainCommand implements Callable<Integer> {
    static final int WIDTH = 100;

    @Parameters(paramLabel = "RULE_ID", description = "A rule id, as reports give it (e.g. status.changed).")
    String id;

    @Mixin
    RuleOptions rules;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RulePack pack = rules.load(err, "nothing explained");
            if (pack == null) return ExitCode.INPUT_ERROR.code();
            List<RuleInfo> all = new ArrayList<>(pack.rules());
            all.addAll(ReviewRules.all());
            RuleInfo r = all.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (r == null) {
                String near = all.stream().map(RuleInfo::id).min(Comparator.comparingInt(x -> Spelling.distance(x, id))).orElse(null);
                err.println("factlint: unknown rule id \"" + id + "\"" + (near != null && Spelling.distance(near, id) <= Math.max(3, id.length() / 3)
                        ? "; did you mean " + near + "?" : "") + " (factlint rules lists them)");
                return ExitCode.INPUT_ERROR.code();
            }
            out.print(explain(r, builtIn(r), LocalDate.now(main.clock()).plusDays(90)));
            return ExitCode.OK.code();
        } catch (CheckCommand.UsageError e) {
            err.println("factlint: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean builtIn(RuleInfo r) {
        return r.id().equals(ReviewRules.EXPIRED) || r.id().equals(ReviewRules.UNUSED);
    }

    /** The explanation as printed. */
    static String explain(RuleInfo r, boolean builtIn, LocalDate expires) {
        Map<String, String> m = r.metadata();
        StringBuilder b = new StringBuilder();
        b.append(r.id()).append(" (").append(r.severity().id()).append(")\n");
        b.append(builtIn ? "  built into factlint (the review of waivers)\n"
                : "  rule \"" + r.ruleName() + "\" in " + r.file() + "\n");
        b.append('\n');
        wrap(b, "", r.description());
        section(b, "What makes it fire", m.get("fires"));
        section(b, "Example", m.get("example"));
        section(b, "What to do", m.get("fix"));
        b.append("\nHow to waive it\n");
        if (builtIn) {
            wrap(b, "  ", "Findings about waivers cannot be waived: correct or remove the waiver instead.");
            return b.toString();
        }
        wrap(b, "  ", "Add an entry to facts/waivers.yaml (or waivers.json, or the file given with --waivers). "
                + "The finding stays in every report, marked waived with the reason, and no longer fails the check "
                + "until the waiver expires. Name what it covers by the finding's subject, its facts (exactly as the "
                + "JSON report lists them) or its fingerprint (from the JSON report):");
        b.append('\n')
                .append("  waivers:\n")
                .append("    - rule: ").append(r.id()).append('\n')
                .append("      subject: SUBJECT      # and/or facts: [story#f1, story#f2], or fingerprint: 0123...\n")
                .append("      reason: \"why the newsroom accepts this finding\"\n")
                .append("      author: \"who decided\"\n")
                .append("      expires: ").append(expires).append("   # the last day it applies\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, String text) {
        if (text == null || text.isBlank()) return;
        b.append('\n').append(title).append('\n');
        wrap(b, "  ", text);
    }

    /** Wraps {@code text} at {@link #WIDTH} columns, each line starting with {@code indent}. */
    static void wrap(StringBuilder b, String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                b.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        b.append(line).append('\n');
    }

}
