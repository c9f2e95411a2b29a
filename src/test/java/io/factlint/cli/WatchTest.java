package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --watch}: re-checks after a fact change and after a rule change, then stops after its cycles. */
class WatchTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void reChecksOnAFactChangeAndRecompilesOnARuleChange() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        Path rules = CliRun.copy(Path.of("rules"), tmp.resolve("rules"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(Main.run(new String[]{"check", facts.toString(), "--rules", rules.toString(),
                        "--watch", "--watch-cycles", "3"}, new PrintStream(out, true, StandardCharsets.UTF_8),
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
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(code.get()).isEqualTo(1);
        } finally {
            t.interrupt();
            t.join(10_000);
        }
    }

    @Test
    @Timeout(60)
    void anInterruptStopsTheWatch() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> Main.run(new String[]{"check", facts.toString(), "--watch"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
        t.start();
        await(() -> err.toString(StandardCharsets.UTF_8).contains("Ctrl-C to stop"));
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
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
