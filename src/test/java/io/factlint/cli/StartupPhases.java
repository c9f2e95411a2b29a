package io.factlint.cli;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.CacheOptions;
import io.factlint.engine.Phases;
import io.factlint.engine.RulePack;
import io.factlint.ingest.FactLoader;
import io.factlint.model.FactBase;
import io.factlint.report.ReportOptions;
import io.factlint.report.TextReportWriter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU time of a cached one-story check goes (bench/run.sh, start-up section; docs/performance.md): the
 * steps of {@code factlint check facts/} run one after the other in one fresh JVM, each followed by the process's
 * CPU time (every thread: the JIT compiler's too) and the number of classes loaded so far. Not a test.
 *
 * <pre>java [the launcher's flags] -cp target/test-classes:target/factlint.jar io.factlint.cli.StartupPhases [facts]</pre>
 *
 * The rules come from the compiled-rule cache ({@code FACTLINT_CACHE_DIR} etc., as for the CLI); run a check first
 * to fill it. The vocabulary and catalogue come from the cache entry (with the key, as a check reads them first);
 * the next step reads the entry again (a few milliseconds) and builds the rules on the calling thread here, where
 * the CLI builds them on a background thread while it reads the fact files.
 */
public final class StartupPhases {
    private static long last;
    private static long lastClasses;

    private StartupPhases() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long classes() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }

    private static void step(String name) {
        long now = cpu();
        long n = classes();
        System.out.printf("startup: %-34s cpu %6.1f ms  classes %5d  (+%d)%n", name, (now - last) / 1e6, n, n - lastClasses);
        last = now;
        lastClasses = n;
    }

    public static void main(String[] args) throws Exception {
        last = 0;
        lastClasses = 0;
        step("JVM start to main (and this class)");
        Path facts = Path.of(args.length > 0 ? args[0] : "facts");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        // the CLI's fast path for a plain check (CheckLine): read by hand, the command built, the writers made; no
        // picocli class is loaded (before it, picocli took 200-240 ms here)
        CheckLine line = CheckLine.of(new String[]{"check", facts.toString()});
        if (line == null) throw new IllegalStateException("the fast path refused a plain check (-Dfactlint.fastCheck=false?)");
        line.command(new Main(Map.of(), io.factlint.watch.ChangeWatcher.Factory.SYSTEM));
        Main.outWriter(sink);
        Main.errWriter(sink);
        step("command line (CheckLine, no picocli)");
        if (RulePack.cachedVocabulary(Path.of("rules"), CacheOptions.defaults()) == null) {
            throw new IllegalStateException("the rule cache holds no entry for rules/: run a check first");
        }
        step("rule cache key; vocabulary, catalogue");
        Phases phases = new Phases();
        RulePack pack = RulePack.load(Path.of("rules"), CacheOptions.defaults(), phases);
        if (!phases.notes().getOrDefault("rules", "").startsWith("from cache")
                || !"from cache".equals(phases.notes().get("rules.vocabulary"))) {
            throw new IllegalStateException("the rules did not come from the cache: " + phases.notes().get("rules"));
        }
        step("rule cache: classes, network");
        FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(facts));
        step("fact files");
        CheckOutcome outcome = new CheckPipeline(pack).run(base, CheckRequest.of(List.of(facts)));
        step("sessions, first firing, figures");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextReportWriter().write(outcome, new ReportOptions("bench", null), out);
        step("text report");
        System.out.printf("startup: %-34s cpu %6.1f ms  classes %5d%n", "total", cpu() / 1e6, classes());
    }
}
