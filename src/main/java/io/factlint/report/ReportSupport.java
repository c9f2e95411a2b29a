package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What several writers need: which story a finding belongs to, the rule table, the fail-on label. */
public final class ReportSupport {
    private ReportSupport() {
    }

    /** The {@code --fail-on} level as the CLI spells it: {@code error}, ..., or {@code never} for null. */
    public static String failOnLabel(ReportOptions options) {
        return options.failOn() == null ? "never" : options.failOn().id();
    }

    /** True when the finding is at or above the fail-on level (never when that level is null). */
    public static boolean failing(Finding f, ReportOptions options) {
        return options.failOn() != null && f.severity().atLeast(options.failOn());
    }

    /** The story of a reference {@code story#item}. */
    public static String storyOfRef(String ref) {
        int hash = ref.lastIndexOf('#');
        return hash < 0 ? ref : ref.substring(0, hash);
    }

    /**
     * The story a finding is reported under: that of its claim, else the story of the file it points at, else that
     * of its first fact, else the file's name without extension.
     */
    public static String primaryStory(Finding f, FactBase facts) {
        if (f.claimRef() != null) return storyOfRef(f.claimRef());
        if (f.location() != null) {
            for (Story s : facts.stories()) {
                if (f.location().file().equals(s.file())) return s.id();
            }
        }
        if (!f.facts().isEmpty()) return f.facts().get(0).getStoryId();
        String file = f.location() == null ? "" : f.location().file();
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Every story a finding touches: its primary story and those of its facts, sorted. */
    public static List<String> storiesOf(Finding f, FactBase facts) {
        TreeSet<String> ids = new TreeSet<>();
        ids.add(primaryStory(f, facts));
        for (Fact fact : f.facts()) ids.add(fact.getStoryId());
        return List.copyOf(ids);
    }

    /**
     * The rules to describe: the loaded rules in their order, then (for results built without rule metadata) a
     * stand-in for each rule id a finding names that no loaded rule has.
     */
    public static List<RuleInfo> rules(CheckResult result) {
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo r : result.rules()) byId.putIfAbsent(r.id(), r);
        for (Finding f : result.findings()) {
            byId.computeIfAbsent(f.rule(), id -> new RuleInfo(id, f.severity(), id, null, null, Map.of()));
        }
        return new ArrayList<>(byId.values());
    }

    /** A count with its noun: {@code 1 error}, {@code 2 errors}, {@code 0 infos}. */
    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 2 errors, 1 warning, 0 infos}. */
    public static String counts(CheckResult result) {
        return plural(result.count(Severity.ERROR), "error") + ", " + plural(result.count(Severity.WARNING), "warning")
                + ", " + plural(result.count(Severity.INFO), "info");
    }
}
