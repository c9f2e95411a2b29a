package io.factlint.cli;

import io.factlint.engine.CacheOptions;
import io.factlint.engine.Phases;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The rule pack options every command that loads rules shares ({@code --rules}, {@code --no-cache}). */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rule folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--no-cache", description = "Compile the rules without reading or writing the compiled-rule cache.")
    boolean noCache;

    /**
     * The compiled rule pack; or, when it does not compile, null after printing each problem as
     * {@code file:line: message} and a last line saying {@code notDone} (e.g. "nothing checked").
     */
    RulePack load(PrintWriter err, String notDone, Phases phases) {
        try {
            return RulePack.load(dir, noCache ? CacheOptions.disabled() : CacheOptions.defaults(), phases);
        } catch (RulePackException e) {
            report(e, err, notDone);
            return null;
        }
    }

    /**
     * Starts loading the rule pack (the cache is read in the background, see {@link RulePack#start}); null after
     * printing the problems when the rules folder cannot be read.
     */
    RulePack.Pending start(PrintWriter err, String notDone, Phases phases) {
        try {
            return RulePack.start(dir, noCache ? CacheOptions.disabled() : CacheOptions.defaults(), phases);
        } catch (RulePackException e) {
            report(e, err, notDone);
            return null;
        }
    }

    /** The rule pack of a started load; or null after printing its problems, as {@link #load}. */
    static RulePack finish(RulePack.Pending pending, PrintWriter err, String notDone) {
        try {
            return pending.get();
        } catch (RulePackException e) {
            report(e, err, notDone);
            return null;
        }
    }

    /**
     * Prints why the rule pack cannot be used: a missing rules folder in one line that says how to point at one
     * (issue 10.20: a check run from another folder), otherwise each problem and a last line.
     */
    static void report(RulePackException e, PrintWriter err, String notDone) {
        if (e instanceof RulePackException.MissingFolder m) {
            Path abs = m.dir().toAbsolutePath().normalize();
            err.println("factlint: no rules folder at " + io.factlint.model.SafeText.oneLine(abs.toString())
                    + " (run from the folder that holds rules/, or point at one with --rules DIR); " + notDone);
            return;
        }
        e.problems().forEach(err::println);
        err.println("factlint: the rule pack does not compile; " + notDone);
    }

    RulePack load(PrintWriter err, String notDone) {
        return load(err, notDone, Phases.NONE);
    }
}
