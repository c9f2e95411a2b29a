package io.factlint.check;

import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Story;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one check found and what it means for the caller, computed once and read by the exit code and every report
 * writer: the reviewed {@link CheckResult} (findings with their waivers and baseline states), the {@link Gate}, and
 * the number of stories checked.
 *
 * <p><b>Stories.</b> A story is a fact file with a {@code story} object (an article, facts-format.md: "one file
 * describes at most one story"). A file without one (a registry of sources and entities, or a data set of dated
 * facts) is not a story, though its id still names its facts ({@code file-name#f1}) and reports may list it.
 */
public record CheckOutcome(CheckResult result, Gate gate, long stories) {

    /** The outcome of a reviewed result under {@code --fail-on failOn} (null: never) and {@code --fail-on-new}. */
    public static CheckOutcome of(CheckResult reviewed, Severity failOn, boolean failOnNew) {
        return new CheckOutcome(reviewed, Gate.of(reviewed, failOn, failOnNew), reviewed.facts().articleCount());
    }

    /** {@link ExitCode#OK} or {@link ExitCode#FINDINGS}, as the gate says. */
    public ExitCode exitCode() {
        return gate.exitCode();
    }

    /** The story of a reference {@code story#item}. */
    public static String storyOfRef(String ref) {
        int hash = ref.lastIndexOf('#');
        return hash < 0 ? ref : ref.substring(0, hash);
    }

    /**
     * The story (or data set) a finding is reported under: that of its claim, else that of the file it points at,
     * else that of its first fact, else the file's name without extension.
     */
    public String primaryStory(Finding f) {
        FactBase facts = result.facts();
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

    /** Every story (or data set) a finding touches: its primary story and those of its facts, sorted. */
    public List<String> storiesOf(Finding f) {
        TreeSet<String> ids = new TreeSet<>();
        ids.add(primaryStory(f));
        for (Fact fact : f.facts()) ids.add(fact.getStoryId());
        return List.copyOf(ids);
    }

    /**
     * The rules to describe: the loaded rules in their order, then (for results built without rule metadata) a
     * stand-in for each rule id a finding names that no loaded rule has.
     */
    public List<RuleInfo> rules() {
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo r : result.rules()) byId.putIfAbsent(r.id(), r);
        for (Finding f : result.findings()) {
            byId.computeIfAbsent(f.rule(), id -> new RuleInfo(id, f.severity(), id, null, null, Map.of()));
        }
        return new ArrayList<>(byId.values());
    }

    /** {@link #rules()}, then a stand-in for each rule id a fixed finding of the baseline names that no rule has. */
    public List<RuleInfo> rulesWithFixed() {
        List<RuleInfo> out = rules();
        if (result.baseline() == null) return out;
        Set<String> ids = new HashSet<>();
        out.forEach(r -> ids.add(r.id()));
        for (FixedFinding f : result.baseline().fixed()) {
            if (ids.add(f.rule())) out.add(new RuleInfo(f.rule(), f.severity(), f.rule(), null, null, Map.of()));
        }
        out.sort(java.util.Comparator.comparing(RuleInfo::id)); // a stand-in takes its place among the others
        return out;
    }
}
