package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher records its class-data archive from a check whose rules come from the rule cache, not from whatever
 * runs first (a --version, or the first check, which compiles the rules).
 */
class LauncherTest {
    @TempDir
    Path cache;

    private String run(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("./factlint"), Stream.of(args)).toList())
                .redirectErrorStream(true);
        pb.environment().put("FACTLINT_CACHE_DIR", cache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return out;
    }

    private List<Path> archives() throws Exception {
        Path cds = cache.resolve("cds");
        if (!Files.isDirectory(cds)) return List.of();
        try (Stream<Path> s = Files.list(cds)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void aFirstVersionRecordsNoArchiveNorDoesTheCompilingCheckACachedCheckRecordsAFullOne() throws Exception {
        String version = run("--version");
        assertThat(version).contains("factlint").doesNotContain("\u001b");
        assertThat(archives()).isEmpty();
        String check = run("check", "facts");
        assertThat(check).doesNotContain("\u001b");
        // the first check compiles the rules: its classes are not those of a cached check, so it records nothing
        assertThat(archives()).isEmpty();
        assertThat(run("check", "facts")).isEqualTo(check);
        assertThat(archives()).hasSize(1);
        assertThat(Files.size(archives().get(0))).isGreaterThan(8L * 1024 * 1024);
    }
}
