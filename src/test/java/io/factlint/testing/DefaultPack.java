package io.factlint.testing;

import io.factlint.check.CheckPipeline;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;

import java.nio.file.Path;

/**
 * The default rule pack ({@code rules/}), compiled once per test JVM and shared by every test class that checks
 * with it unchanged (a compile takes seconds; surefire runs all classes in one JVM). A pack is immutable and each
 * check has its own rule session, so sharing it cannot couple tests. Tests of compiling and caching itself
 * ({@code RulePackTest}, {@code RuleCacheTest}) compile their own.
 */
public final class DefaultPack {
    private static RulePack pack;

    private DefaultPack() {
    }

    public static synchronized RulePack get() throws RulePackException {
        if (pack == null) pack = RulePack.load(Path.of("rules"));
        return pack;
    }

    /** A pipeline over the shared pack. */
    public static CheckPipeline pipeline() throws RulePackException {
        return new CheckPipeline(get());
    }
}
