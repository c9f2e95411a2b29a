package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain cached check loads no picocli class (start-up, issue 14.4; {@link CheckLine}): fresh JVMs with the class
 * load log, through {@link Main#main} on the test class path and through the real launcher with its class-data
 * archive. The same run with the fast path switched off ({@code -Dfactlint.fastCheck=false}) loads picocli, which
 * shows the log would see it.
 */
class CheckLineStartupTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err, List<String> classes) {
        List<String> picocli() {
            return classes.stream().filter(l -> l.contains(" picocli.")).toList();
        }
    }

    private Run java(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dfactlint.executableModel=false"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return start(cmd, Map.of(), null);
    }

    private Run start(List<String> cmd, Map<String, String> env, Path log) throws Exception {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("FACTLINT_CACHE_DIR", tmp.resolve("cache").toString());
        pb.environment().remove("FACTLINT_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not end within five minutes: " + cmd);
        }
        List<String> classes = log != null && Files.exists(log) ? Files.readAllLines(log) : List.of();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), classes);
    }

    private List<String> classLog(Path log) {
        return List.of("-Xlog:class+load:file=" + log);
    }

    @Test
    void aPlainCachedCheckLoadsNoPicocliClass() throws Exception {
        Run first = java(List.of(), "check", "facts"); // fills the rule cache
        assertThat(first.exit()).as(first.err()).isZero();

        Path log = tmp.resolve("fast.log");
        Run fast = withLog(java(classLog(log), "check", "facts"), log);
        assertThat(fast.exit()).as(fast.err()).isZero();
        assertThat(fast.out()).isEqualTo(first.out()).contains("warning [status.changed]");
        assertThat(fast.classes()).anyMatch(l -> l.contains(" io.factlint.cli.CheckCommand "))
                .anyMatch(l -> l.contains(" io.factlint.cli.CheckLine "))
                .anyMatch(l -> l.contains(" io.factlint.cli.Main "));
        assertThat(fast.picocli()).isEmpty();

        // the rules came from the cache (a plain check too: --profile is read by the fast path)
        Path profiled = tmp.resolve("profiled.log");
        Run profile = withLog(java(classLog(profiled), "check", "--profile", "facts"), profiled);
        assertThat(profile.err()).contains("profile: rules: from cache");
        assertThat(profile.picocli()).isEmpty();

        // control: with the fast path off, the same check loads picocli, and the log shows it
        Path slowLog = tmp.resolve("slow.log");
        Run slow = withLog(java(List.of("-Dfactlint.fastCheck=false", "-Xlog:class+load:file=" + slowLog), "check", "facts"), slowLog);
        assertThat(slow.out()).isEqualTo(fast.out());
        assertThat(slow.exit()).isZero();
        assertThat(slow.picocli()).anyMatch(l -> l.contains(" picocli.CommandLine "));

        // and a line the fast path leaves to picocli still gets picocli's answer
        Path helpLog = tmp.resolve("help.log");
        Run help = withLog(java(classLog(helpLog), "check", "--help"), helpLog);
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: factlint check");
        assertThat(help.picocli()).isNotEmpty();
    }

    /** The real launcher with its class-data archive: the third (cached, archived) plain check loads no picocli. */
    @Test
    void theLauncherRunsAPlainCachedCheckWithoutPicocli() throws Exception {
        List<String> launcher = List.of("./factlint", "check", "facts");
        Run compiling = start(launcher, Map.of(), null);
        assertThat(compiling.exit()).as(compiling.err()).isZero();
        Run recording = start(launcher, Map.of(), null); // records the class-data archive
        assertThat(recording.exit()).as(recording.err()).isZero();
        Path log = tmp.resolve("launcher.log");
        Run cached = start(launcher, Map.of("FACTLINT_JAVA_OPTS", "-Xlog:class+load:file=" + log), log);
        assertThat(cached.exit()).as(cached.err()).isZero();
        assertThat(cached.out()).isEqualTo(compiling.out()).contains("warning [status.changed]");
        assertThat(cached.classes()).anyMatch(l -> l.contains(" io.factlint.cli.CheckLine ") && l.contains("shared objects file"));
        assertThat(cached.picocli()).isEmpty();
    }

    private static Run withLog(Run r, Path log) throws IOException {
        return new Run(r.exit(), r.out(), r.err(), Files.exists(log) ? Files.readAllLines(log) : List.of());
    }
}
