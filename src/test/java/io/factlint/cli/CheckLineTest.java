package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-read fast path of a plain check ({@link CheckLine}) against picocli: every line it accepts gives the
 * fields picocli gives, field by field; every line it refuses reaches picocli (the same exit code and messages as
 * picocli's own run of the line); a handful of accepted lines run to the end give picocli's output and reports.
 */
class CheckLineTest {
    @TempDir
    Path tmp;

    /** Lines the fast path reads (and picocli parses without an error). */
    private static final List<String[]> ACCEPTED = lines("""
            check
            check facts
            check facts/
            check facts/nk-soldier-captured.json facts
            check ./-dash.json
            check with␠space.json
            check münchen/faits.yaml
            check --format json
            check --format=json
            check --format JSON --format=Html --format text
            check --format MarkDown
            check --format claimreview --format github --format junit --format sarif
            check --format json --format json
            check -o out
            check -oout
            check -o=out
            check -ohelp
            check --output out/
            check --output=out/
            check --output=a=b
            check -o report/ --format text --format html --format json
            check --fail-on warning
            check --fail-on=INFO
            check --fail-on Never
            check --fail-on ınfo
            check --waivers w.json facts
            check --waivers=w.yaml
            check --baseline old.json --fail-on-new
            check --fail-on-new --baseline=old.json facts
            check --no-cache
            check --rules examples/rules
            check --rules=rules2 --no-cache
            check --parser-limit depth=10
            check --parser-limit=depth=10 --parser-limit tokens=5
            check --parser-limit depth=1 --parser-limit depth=2 --parser-limit errors=3
            check --parser-limit bogus=1
            check --parser-limit depth=007
            check --timeout 1
            check --timeout=31536000
            check --timeout 0
            check --timeout 31536001
            check --timeout 9223372036854775807
            check --timeout 0060
            check --profile --debug
            check --debug facts --profile
            check -- -dash.json
            check -- --format json
            check a -- -- b
            check facts --
            check --format json facts --fail-on never -o out.json other
            check facts --rules r --no-cache --format json --format=sarif -o o/ --fail-on warning --waivers w.json --baseline b.json --fail-on-new --parser-limit depth=3 --timeout 5 --profile --debug more
            """);

    /** Lines the fast path leaves to picocli; each is safe to run (it ends before any check writes a report). */
    private static final List<String[]> REFUSED = lines("""
            check --help
            check -h
            check --version
            check -V
            check --watch --timeout 0
            check --unknown
            check --form json
            check --format xml
            check --format
            check --format= --timeout 0
            check --fail-on sometimes
            check --fail-on=ERROR --fail-on warning
            check --timeout -1
            check --timeout=-1
            check --timeout +5 --rules /nonexistent-rules
            check --timeout 0x10
            check --timeout 99999999999999999999
            check --timeout ١٢ --rules /nonexistent-rules
            check --timeout 5 --timeout 6
            check -o a -o b
            check --output a -o b
            check --output
            check --output= --timeout 0
            check -o -x --timeout 0
            check -o--format
            check -o== --timeout 0
            check --rules= --timeout 0
            check --debug --debug
            check --debug=true --rules /nonexistent-rules
            check --no-cache=false --rules /nonexistent-rules
            check -x
            check -ox -x
            check - --timeout 0
            check --waivers - --timeout 0
            check --baseline a --baseline b
            check --parser-limit depth
            check --parser-limit depth=-1 --timeout 0
            check --parser-limit a=b=c
            check --parser-limit =5 --timeout 0
            check --parser-limit depth=+1 --timeout 0
            check @/nonexistent-argfile --timeout 0
            check -- @/nonexistent-argfile --timeout 0
            check␠ --timeout 0
            Check
            --version
            --help
            -h check
            help check
            rules --help
            draft --help
            """);

    private static List<String[]> lines(String block) {
        return block.lines().map(l -> l.split(" ", -1))
                .map(a -> Arrays.stream(a).map(s -> s.replace('␠', ' ')).toArray(String[]::new)).toList(); // ␠: a space inside an argument
    }

    @Test
    void theCorpusIsLarge() {
        assertThat(ACCEPTED.size() + REFUSED.size()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void everyAcceptedLineGivesPicocliFieldsFieldByField() throws Exception {
        for (String[] line : ACCEPTED) {
            CheckLine fast = CheckLine.parse(line);
            assertThat(fast).as("the fast path reads %s", List.of(line)).isNotNull();
            assertThat(fields(fast.command(null))).as("fields of %s", List.of(line)).isEqualTo(fields(picocli(line)));
        }
    }

    @Test
    void everyRefusedLineReachesPicocli() {
        for (String[] line : REFUSED) {
            assertThat(CheckLine.parse(line)).as("the fast path refuses %s", List.of(line)).isNull();
            assertThat(viaMain(line)).as("%s through Main.run", List.of(line)).isEqualTo(viaPicocli(line));
        }
    }

    @Test
    void anArgumentFileIsPicocliOwn() throws IOException {
        Path argfile = tmp.resolve("args.txt");
        Files.writeString(argfile, "--timeout\n0\n");
        String[] line = {"check", "@" + argfile};
        assertThat(CheckLine.parse(line)).isNull();
        Run r = viaMain(line);
        assertThat(r).isEqualTo(viaPicocli(line));
        assertThat(r.err()).contains("--timeout must be from 1");
    }

    /**
     * Every option picocli knows for check is read by the fast path or left to picocli on purpose: a new option
     * fails this until {@link CheckLine} reads it (or knowingly refuses it) and the corpus covers it.
     */
    @Test
    void everyOptionOfCheckIsKnown() {
        CommandLine check = Main.commandLine(sink(), sink(), Map.of()).getSubcommands().get("check");
        Set<String> names = new TreeSet<>();
        check.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        Set<String> read = new TreeSet<>(List.of("--rules", "--no-cache", "--format", "-o", "--output", "--fail-on",
                "--waivers", "--baseline", "--fail-on-new", "--parser-limit", "--timeout", "--profile", "--debug"));
        Set<String> refused = Set.of("-h", "--help", "-V", "--version", "--watch");
        Set<String> known = new TreeSet<>(read);
        known.addAll(refused);
        assertThat(names).isEqualTo(known);
        for (String name : read) {
            assertThat(ACCEPTED.stream().anyMatch(l -> Arrays.stream(l).anyMatch(a -> a.equals(name) || a.startsWith(name + "="))))
                    .as("the corpus reads %s", name).isTrue();
        }
        assertThat(check.getCommandSpec().positionalParameters()).hasSize(1);
    }

    /** Accepted lines run to the end: the fast path's output, exit code and reports are picocli's. */
    @Test
    void acceptedLinesRunAsPicocliRunsThem() throws IOException {
        String out = tmp.resolve("out") + "/";
        List<String[]> runs = List.of(
                new String[]{"check", "facts"},
                new String[]{"check", "--format", "json", "facts"},
                new String[]{"check", "--format=text", "--format", "JSON", "-o", out, "facts", "--fail-on", "info"},
                new String[]{"check", "--fail-on", "never", "-o" + out + "seed.md", "--format", "markdown", "facts"},
                new String[]{"check", "--timeout", "0", "facts"},
                new String[]{"check", "--parser-limit", "bogus=1", "facts"},
                new String[]{"check", "--parser-limit", "depth=1", "facts"},
                new String[]{"check", "--fail-on-new", "facts"},
                new String[]{"check", "--rules", tmp.resolve("none").toString(), "facts"},
                new String[]{"check", "facts/missing.json"},
                new String[]{"check", "--", "-missing.json"});
        for (String[] line : runs) {
            assertThat(CheckLine.parse(line)).as("the fast path reads %s", List.of(line)).isNotNull();
            Run fast = viaMain(line);
            Map<String, String> fastFiles = drain(tmp.resolve("out"));
            Run slow = viaPicocli(line);
            Map<String, String> slowFiles = drain(tmp.resolve("out"));
            assertThat(fast).as("%s", List.of(line)).isEqualTo(slow);
            assertThat(fastFiles).as("reports of %s", List.of(line)).isEqualTo(slowFiles);
        }
        assertThat(viaMain(runs.get(0)).exit()).isZero();
        Run withReports = viaMain(runs.get(2));
        assertThat(withReports.exit()).isEqualTo(1);
        assertThat(withReports.out()).contains("warning [status.changed]"); // text goes to the console with -o DIR/
        assertThat(drain(tmp.resolve("out"))).containsOnlyKeys("factlint.json");
    }

    /** A standard output that fails (a closed pipe): the fast path exits 3 with picocli's messages (Main.run's checkError). */
    @Test
    void aFailingStandardOutputIsExitThreeAsThroughPicocli() {
        String[] line = {"check", "facts"};
        assertThat(CheckLine.parse(line)).isNotNull();
        Run fast = failingOut(line, true);
        assertThat(fast.exit()).isEqualTo(3);
        assertThat(fast.err()).isEqualTo("factlint: could not write to standard output; the report was not delivered\n");
        assertThat(fast).isEqualTo(failingOut(line, false));
    }

    private static Run failingOut(String[] line, boolean viaMain) {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed pipe");
            }
        };
        PrintStream out = new PrintStream(broken, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit;
        if (viaMain) {
            exit = Main.run(line, out, errStream, Map.of());
        } else {
            exit = Main.commandLine(out, errStream, Map.of()).execute(line);
            // Main.run's own check of the stream, as before the fast path
            if (exit <= 1 && out.checkError()) {
                errStream.println("factlint: could not write to standard output; the report was not delivered");
                exit = 3;
            }
        }
        return new Run(exit, "", err.toString(StandardCharsets.UTF_8));
    }

    /** The fields picocli sets on check (its options, parameters and mixins'), by name. */
    private static Map<String, Object> fields(CheckCommand c) throws IllegalAccessException {
        Map<String, Object> m = new TreeMap<>();
        collect(c, "", m);
        return m;
    }

    private static void collect(Object o, String prefix, Map<String, Object> m) throws IllegalAccessException {
        int n = 0;
        for (Field f : o.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                collect(f.get(o), f.getName() + ".", m);
            } else if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                Object v = f.get(o);
                // a map's order too (LinkedHashMap equality ignores it)
                if (v instanceof Map<?, ?> map) v = new ArrayList<>(map.entrySet());
                m.put(prefix + f.getName(), v);
                n++;
            }
        }
        assertThat(n).as("options of %s", o.getClass()).isPositive();
    }

    private static CheckCommand picocli(String[] line) {
        CommandLine.ParseResult pr = Main.commandLine(sink(), sink(), Map.of()).parseArgs(line);
        return (CheckCommand) pr.subcommand().commandSpec().userObject();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run viaMain(String[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(line, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The line run by picocli alone, as Main.run did before the fast path. */
    private static Run viaPicocli(String[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .execute(line);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The files under {@code dir} (name to content), deleted. */
    private static Map<String, String> drain(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return files;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
                Files.delete(p);
            }
        }
        return files;
    }
}
