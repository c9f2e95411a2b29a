package io.factlint.cli;

import io.factlint.watch.ScriptedChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --watch}. Most tests drive it with scripted change events on a scripted clock
 * ({@link ScriptedChanges}, injected through {@link Main#run(String[], PrintStream, PrintStream, Map,
 * io.factlint.watch.ChangeWatcher.Factory)}; no option of the command line): real files, real edits and real checks,
 * but the events and the debounce are exact and no test waits. The script's end closes the events, which ends the
 * watch with the exit code of its last check. One test runs the real file watcher on real files, as a user meets
 * it: a fact change, a new waivers file and a rule change, until its thread is interrupted.
 */
class WatchTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code check --watch} on {@code facts} with the events of {@code script}, to the script's end. */
    private int watch(Path facts, ScriptedChanges script) {
        ScriptedChanges[] opened = {null};
        int code = Main.run(new String[]{"check", facts.toString(), "--watch"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> {
                    opened[0] = script;
                    return script.watcher();
                });
        assertThat(opened[0]).as("the watch opened the injected watcher").isSameAs(script);
        assertThat(script.closed()).isTrue();
        return code;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String s, String prefix) {
        return s.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void aChangeEventGivesOneReCheckOfTheChangedFile() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path story = facts.resolve("nk-soldier-captured.json");
        // a one-line change of a fact: 2,000 troops deployed, where the quote says 11,000
        ScriptedChanges script = new ScriptedChanges().at(1000,
                () -> Files.writeString(story, Files.readString(story).replace("\"amount\": 11000", "\"amount\": 2000")), story);
        int code = watch(facts, script);
        assertThat(lines(out(), "--- changed: ")).containsExactly("--- changed: " + story);
        assertThat(lines(err(), "factlint: re-checked in")).containsExactly("factlint: re-checked in 0 ms (rules kept)");
        // the first check before the change, the re-check after it
        String[] checks = out().split("--- changed: .*\n");
        assertThat(checks).hasSize(2);
        assertThat(checks[0]).contains("[status.changed]").doesNotContain("[quote.number_mismatch]");
        assertThat(checks[1]).contains("error [quote.number_mismatch]");
        assertThat(code).isEqualTo(1); // the last check's: an error finding
        assertThat(script.folders()).contains(facts.toAbsolutePath().normalize(), Path.of("rules").toAbsolutePath().normalize());
    }

    @Test
    void aBurstOfEventsWithinTheDebounceGivesOneReCheck() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path story = facts.resolve("nk-soldier-captured.json");
        Path text = facts.resolve("nk-soldier-captured.txt");
        Path temp = facts.resolve("nk-soldier-captured.json.tmp");
        long d = CheckCommand.DEBOUNCE.toMillis();
        // an editor's save (a temporary file, a rename, a write; each within the debounce of the one before),
        // then, after a quiet time longer than the debounce, another save
        ScriptedChanges script = new ScriptedChanges()
                .at(0, temp).at(d - 1, temp, story).at(2 * d - 2, story)
                .at(2 * d - 2 + d + 1, text);
        watch(facts, script);
        assertThat(lines(out(), "--- changed: ")).containsExactly("--- changed: " + story + ", " + temp, "--- changed: " + text);
        assertThat(lines(err(), "factlint: re-checked in")).hasSize(2);
        assertThat(script.millis()).isEqualTo(2 * d - 2 + d + 1 + d);
    }

    @Test
    void aBadEditIsReportedAndTheWatchGoesOn() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path story = facts.resolve("nk-soldier-captured.json");
        String good = Files.readString(story);
        ScriptedChanges script = new ScriptedChanges()
                .at(1000, () -> Files.writeString(story, good.replace("\"at\": \"2024-12-23\"", "\"at\": \"2024-12-32\"")), story)
                .at(2000, () -> Files.writeString(story, good), story);
        int code = watch(facts, script);
        assertThat(lines(out(), "--- changed: ")).hasSize(2);
        assertThat(lines(err(), "factlint: re-checked in")).hasSize(2);
        // the bad edit: its located error, nothing checked; then the fix is checked again
        assertThat(err().lines().toList()).containsSubsequence(
                story + ":43:13: invalid date \"2024-12-32\": December 2024 has no day 32",
                "factlint: 1 input error; nothing checked, no report written",
                "factlint: re-checked in 0 ms (rules kept)",
                "factlint: re-checked in 0 ms (rules kept)");
        String[] checks = out().split("--- changed: .*\n");
        assertThat(checks).hasSize(3);
        assertThat(checks[1]).isEmpty();
        assertThat(checks[2]).isEqualTo(checks[0]);
        assertThat(code).isZero(); // the last check's, the fixed file's
    }

    @Test
    void closingTheEventSourceEndsTheWatchWithItsLastExitCode() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path story = facts.resolve("nk-soldier-captured.json");
        // no change at all: the events end at once and the first check's code (0) is the watch's
        assertThat(watch(facts, new ScriptedChanges())).isZero();
        assertThat(out()).doesNotContain("--- changed: ");
        assertThat(err()).contains("Ctrl-C to stop");

        // a broken file, then the events end: the watch ends with the input error's code (2)
        out.reset();
        err.reset();
        ScriptedChanges script = new ScriptedChanges().at(10, () -> Files.writeString(story, "{"), story);
        assertThat(watch(facts, script)).isEqualTo(2);
        assertThat(lines(out(), "--- changed: ")).hasSize(1);
    }

    /** The real file watcher on real files (as a user meets it). */
    @Test
    @Timeout(120)
    void theRealWatcherReChecksOnAFactChangeAndRecompilesOnARuleChange() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path rules = CliRun.copy(Path.of("rules"), tmp.resolve("rules"));
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(Main.run(new String[]{"check", facts.toString(), "--rules", rules.toString(),
                        "--watch"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())));
        t.start();
        try {
            Supplier<String> o = () -> out.toString(StandardCharsets.UTF_8);
            Supplier<String> e = () -> err.toString(StandardCharsets.UTF_8);
            await(() -> e.get().contains("Ctrl-C to stop"));
            assertThat(o.get()).contains("[status.changed]").doesNotContain("[quote.number_mismatch]");

            // 1. a one-line change of a fact: 2,000 troops deployed, where the quote says 11,000
            Path story = facts.resolve("nk-soldier-captured.json");
            Files.writeString(story, Files.readString(story).replace("\"amount\": 11000", "\"amount\": 2000"));
            await(() -> count(e.get(), "re-checked in") >= 1);
            assertThat(e.get()).contains("(rules kept)");
            assertThat(o.get()).contains("--- changed: ").contains("error [quote.number_mismatch]");

            // 2. a waivers file appears
            Files.writeString(facts.resolve("waivers.yaml"), "waivers:\n  - rule: quote.number_mismatch\n    subject: dprk-troops\n"
                    + "    reason: revised\n    author: me\n    expires: 2999-12-31\n");
            await(() -> count(e.get(), "re-checked in") >= 2);
            assertThat(o.get()).contains("(waived until 2999-12-31 by me: revised;");

            // 3. a rule change (status.changed's severity in the catalogue: its first entry): recompiled
            Path catalogue = rules.resolve("catalogue.yaml");
            Files.writeString(catalogue, Files.readString(catalogue).replaceFirst("severity: warning", "severity: error"));
            await(() -> count(e.get(), "re-checked in") >= 3);
            assertThat(e.get()).contains("(rules recompiled)");
            assertThat(o.get()).contains("error [status.changed]");
            t.interrupt();
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(code.get()).isEqualTo(1);
        } finally {
            t.interrupt();
            t.join(10_000);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting");
            Thread.sleep(20);
        }
    }
}
