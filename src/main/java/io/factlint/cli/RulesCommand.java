package io.factlint.cli;

import io.factlint.check.ExitCode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.factlint.engine.RulePack;
import io.factlint.model.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code factlint rules}: the loaded check rules with their metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the loaded rules with their metadata.")
final class RulesCommand implements Callable<Integer> {
    @Mixin
    RuleOptions rules;

    @Option(names = "--format", paramLabel = "F", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack pack = rules.load(err, "nothing listed");
        if (pack == null) return ExitCode.INPUT_ERROR.code();
        if (format.equalsIgnoreCase("json")) {
            record RuleJson(String id, String severity, String description, String file, String rule,
                            java.util.Map<String, String> metadata) {
            }
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(
                    pack.rules().stream().map(r -> new RuleJson(r.id(), r.severity().id(), r.description(), r.file(),
                            r.ruleName(), r.metadata())).toList()));
        } else if (format.equalsIgnoreCase("text")) {
            int w = pack.rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
            for (RuleInfo r : pack.rules()) {
                out.printf("%-" + w + "s  %-7s  %s  (%s)%n", r.id(), r.severity().id(), r.description(), r.file());
            }
            out.println(pack.rules().size() + " rules from " + rules.dir);
        } else {
            err.println("factlint: --format must be text or json");
            return ExitCode.INPUT_ERROR.code();
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
