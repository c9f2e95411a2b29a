package io.factlint.ruletest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What a rule test case expects ({@code expected.json}), the format of the shared conformance cases plus two
 * optional fields:
 * <ul>
 *   <li>{@code exit}: the exit code of a check with {@code --fail-on error}; {@code failOnWarningExit}: with
 *       {@code --fail-on warning};</li>
 *   <li>{@code findings}: the exact set of error and warning findings (rule, subject — null for none or any —,
 *       facts; with {@code claim}, the facts are a subset of the finding's);</li>
 *   <li>{@code infos}: info findings that must be present; with {@code infosExact: true} no other info may be;</li>
 *   <li>{@code claims}: claim verdicts on the conventional reading; {@code figures}: derived figures' intervals;</li>
 *   <li>{@code only}: compare only findings of these rule ids (a case about one rule ignores the others).</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expected(Integer exit, Integer failOnWarningExit, List<ExpectedFinding> findings,
                       List<ExpectedFinding> infos, Boolean infosExact, Map<String, String> claims,
                       List<ExpectedFigure> figures, List<String> only, String description) {

    /** One expected finding. */
    public record ExpectedFinding(String rule, String subject, List<String> facts, String claim) {
    }

    /** One expected derived figure's conventional interval. */
    public record ExpectedFigure(String subject, String attribute, double min, double max) {
    }
}
