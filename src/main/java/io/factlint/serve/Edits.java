package io.factlint.serve;

import io.factlint.ingest.InputError;
import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Story;
import io.factlint.report.AtomicFiles;
import io.factlint.review.WaiverFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The editor's actions, each one small atomic edit of one file: checked against the content the page was drawn from
 * (its SHA-256, so a concurrent edit on disk is detected, not overwritten), validated by the loader before it is
 * written (only new problems of the edited file block it, with their located messages), written with temp file and
 * rename, and remembered for undo.
 */
final class Edits {
    /** The word the edit form shows for a value {@code {"unrecorded": true}}, and reads back as one. */
    static final String UNRECORDED = "unrecorded";
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** What an action did: a message for the page, and the located problems that stopped it (if any). */
    record Result(boolean ok, String message, List<String> errors) {
        static Result ok(String message) {
            return new Result(true, message, List.of());
        }

        static Result failed(String message, List<String> errors) {
            return new Result(false, message, errors);
        }
    }

    /** One written edit: the file, its bytes before (null: it did not exist), the hash after, what it was. */
    private record Done(Path file, byte[] before, String afterHash, String description) {
    }

    private final Workbench bench;
    private final Deque<Done> undo = new ArrayDeque<>();

    Edits(Workbench bench) {
        this.bench = bench;
    }

    /** What undo would revert, or null. */
    synchronized String undoable() {
        return undo.isEmpty() ? null : undo.peek().description();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a file's content, or "none" when it does not exist. */
    static String hashOf(Path file) {
        try {
            return Files.exists(file) ? hash(Files.readAllBytes(file)) : "none";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** A path as the loader shows it in messages (normalized, forward slashes). */
    static String display(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** A file's text without a BOM, and the BOM (to write back). */
    private record Text(String bom, String body) {
        String whole(String newBody) {
            return bom + newBody;
        }
    }

    private static Text read(Path file) throws IOException {
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? new Text("\uFEFF", s.substring(1)) : new Text("", s);
    }

    private Fact fact(String ref) {
        Workbench.State s = bench.state();
        if (s == null || s.lastGood() == null) return null;
        for (Fact f : s.lastGood().result().facts().facts()) if (f.getRef().equals(ref)) return f;
        return null;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /** Removes {@code drafted: true} from entry {@code id} of {@code section} in {@code file}. */
    synchronized Result markReviewed(String file, String section, String id, String expectedHash) {
        Path path = Path.of(file);
        if (!bench.writable(path)) return Result.failed("not a fact file of this workbench: " + file, List.of());
        try {
            Text t = read(path);
            FileSpans s = FileSpans.of(t.body(), isYaml(path));
            FileSpans.Entry e = s.entry(section, id);
            if (e == null || e.field("drafted") == null) return Result.failed(file + ": no drafted entry " + id, List.of());
            String edited = TextEdits.removeField(s, e, e.field("drafted"));
            return write(path, expectedHash, t.whole(edited), "mark " + id + " reviewed in " + file, true);
        } catch (FileSpans.Unplaceable | IOException x) {
            return Result.failed(file + ": " + x.getMessage(), List.of());
        }
    }

    /**
     * Changes the value (and bound), time or source of fact {@code ref}: only the fields whose submitted text differs
     * from what the form was drawn with ({@code orig*}) are written.
     */
    synchronized Result editFact(String ref, String expectedHash, Map<String, String> form) {
        Fact fact = fact(ref);
        if (fact == null) return Result.failed("no fact " + ref, List.of());
        Path path = Path.of(fact.getLocation().file());
        if (!bench.writable(path)) return Result.failed("not a fact file of this workbench: " + path, List.of());
        try {
            Text t = read(path);
            boolean yaml = isYaml(path);
            String text = t.body();
            List<String> changed = new ArrayList<>();
            String value = form.getOrDefault("value", "").trim();
            String bound = form.getOrDefault("bound", "").trim();
            if (!value.equals(form.getOrDefault("origValue", "")) || !bound.equals(form.getOrDefault("origBound", ""))) {
                String literal;
                if (fact.isStatusFact()) {
                    literal = TextEdits.string(value);
                } else if (value.equalsIgnoreCase(UNRECORDED)) {
                    // no figure kept has no hedge: a bound left in the form (over, about, ...) goes with the number
                    LinkedHashMap<String, String> q = new LinkedHashMap<>();
                    q.put("unrecorded", "true");
                    literal = TextEdits.object(q, yaml);
                } else {
                    String amount = NUMBER.matcher(value.replace(",", "")).matches() ? value.replace(",", "") : TextEdits.string(value);
                    if (bound.isEmpty()) {
                        literal = amount;
                    } else {
                        LinkedHashMap<String, String> q = new LinkedHashMap<>();
                        q.put("amount", amount);
                        q.put("bound", TextEdits.string(bound));
                        literal = TextEdits.object(q, yaml);
                    }
                }
                text = setField(text, yaml, fact.getId(), "value", literal);
                changed.add("value");
            }
            for (String name : List.of("at", "source")) {
                String v = form.getOrDefault(name, "").trim();
                String orig = form.getOrDefault("orig" + Character.toUpperCase(name.charAt(0)) + name.substring(1), "");
                if (v.equals(orig)) continue;
                text = setField(text, yaml, fact.getId(), name, v.isEmpty() ? null : TextEdits.string(v));
                changed.add(name);
            }
            if (changed.isEmpty()) return Result.ok("nothing changed in " + ref);
            return write(path, expectedHash, t.whole(text), "edit " + String.join(", ", changed) + " of " + ref, true);
        } catch (FileSpans.Unplaceable | IOException x) {
            return Result.failed(path + ": " + x.getMessage(), List.of());
        }
    }

    /** Sets (null: removes) field {@code name} of fact {@code id}, placing the text afresh (earlier edits moved it). */
    private static String setField(String text, boolean yaml, String id, String name, String literal) throws FileSpans.Unplaceable {
        FileSpans s = FileSpans.of(text, yaml);
        FileSpans.Entry e = s.entry("facts", id);
        if (e == null) throw new FileSpans.Unplaceable("no fact " + id + " in the file");
        FileSpans.Field f = e.field(name);
        if (literal == null) return f == null ? text : TextEdits.removeField(s, e, f);
        return f == null ? TextEdits.addField(s, e, name, literal) : TextEdits.replaceValue(s, f, literal);
    }

    /** Appends a waiver of the finding with {@code fingerprint} to the waivers file. */
    synchronized Result waive(String fingerprint, String expectedHash, String reason, String author, String expires) {
        Workbench.State st = bench.state();
        CheckResult r = st == null || st.outcome().result() == null ? null : st.outcome().result();
        if (r == null) return Result.failed("nothing checked: fix the input errors first", List.of());
        Finding finding = r.findings().stream().filter(f -> f.fingerprint().equals(fingerprint)).findFirst().orElse(null);
        if (finding == null) return Result.failed("that finding is no longer found (the page was older than the check); reload", List.of());
        List<String> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) problems.add("reason: required (why may this finding stand?)");
        if (author == null || author.isBlank()) problems.add("author: required");
        try {
            LocalDate.parse(expires == null ? "" : expires.trim());
        } catch (DateTimeParseException x) {
            problems.add("expires: an ISO date (YYYY-MM-DD), not \"" + expires + "\"");
        }
        if (!problems.isEmpty()) return Result.failed("the waiver was not written", problems);
        LinkedHashMap<String, String> w = new LinkedHashMap<>();
        w.put("rule", TextEdits.string(finding.rule()));
        if (!finding.facts().isEmpty()) {
            w.put("facts", finding.facts().stream().map(f -> TextEdits.string(f.getRef())).collect(Collectors.joining(", ", "[", "]")));
            if (finding.subject() != null) w.put("subject", TextEdits.string(finding.subject()));
        } else {
            w.put("fingerprint", TextEdits.string(fingerprint));
        }
        w.put("reason", TextEdits.string(reason.trim()));
        w.put("author", TextEdits.string(author.trim()));
        w.put("expires", TextEdits.string(expires.trim()));
        Path target = bench.waiverTarget();
        if (!bench.writable(target) && !target.getFileName().toString().startsWith("waivers.")) {
            return Result.failed("the waivers file " + target + " is outside the workbench's paths", List.of());
        }
        try {
            String text;
            String bom = "";
            if (Files.exists(target)) {
                Text t = read(target);
                bom = t.bom();
                text = TextEdits.appendEntry(FileSpans.of(t.body(), isYaml(target)), "waivers", w);
            } else {
                text = isYaml(target) ? "waivers:\n" + TextEdits.appendEntry(FileSpans.of("x: 1\n", true), "waivers", w).substring(5)
                        : "{\n  \"waivers\": [\n    " + TextEdits.object(w, false) + "\n  ]\n}\n";
            }
            String display = display(target);
            return write(target, expectedHash, bom + text, "waive " + finding.rule() + " (" + display + ")", false);
        } catch (FileSpans.Unplaceable | IOException x) {
            return Result.failed(target + ": " + x.getMessage(), List.of());
        }
    }

    /** Runs the drafter on the text of story {@code storyId}, into the story file's folder. */
    synchronized Result draft(String storyId) {
        Workbench.State st = bench.state();
        Story story = st == null || st.lastGood() == null ? null : st.lastGood().result().facts().story(storyId);
        if (story == null || story.textFile() == null) return Result.failed("story " + storyId + " has no text file", List.of());
        Path folder = Workbench.parent(Path.of(story.file()));
        if (!bench.writable(folder.resolve(story.id() + ".draft.yaml"))) return Result.failed("the story's folder is outside the workbench's paths", List.of());
        try {
            String message = bench.config.drafter().draft(story, folder);
            bench.recheck(false, System.nanoTime());
            return Result.ok(message);
        } catch (UnsupportedOperationException | IOException x) {
            return Result.failed(x.getMessage(), List.of());
        }
    }

    /** Reverts the last action, unless its file changed on disk since. */
    synchronized Result undo() {
        Done d = undo.peek();
        if (d == null) return Result.failed("nothing to undo", List.of());
        if (!hashOf(d.file()).equals(d.afterHash())) {
            undo.pop();
            return Result.failed("not undone: " + d.file() + " changed on disk after \"" + d.description() + "\"", List.of());
        }
        try {
            if (d.before() == null) {
                bench.wrote(d.file(), "none");
                Files.delete(d.file());
            } else {
                bench.wrote(d.file(), hash(d.before()));
                AtomicFiles.write(d.file(), o -> o.write(d.before()));
            }
        } catch (IOException x) {
            return Result.failed("not undone: " + x.getMessage(), List.of());
        }
        undo.pop();
        bench.recheck(false, System.nanoTime());
        return Result.ok("undone: " + d.description());
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    private Result write(Path file, String expectedHash, String text, String description, boolean factFile) throws IOException {
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        String now = before == null ? "none" : hash(before);
        if (expectedHash == null || !expectedHash.equals(now)) {
            return Result.failed("not written: " + display(file) + " changed on disk since the page was drawn; "
                    + "the page now shows the file as it is: look again and redo the change", List.of());
        }
        List<String> problems = factFile ? validateFacts(file, text) : validateWaivers(file, text);
        if (!problems.isEmpty()) return Result.failed("not written: the change does not load", problems);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // last look: a write that raced the validation is still not overwritten
        byte[] latest = Files.exists(file) ? Files.readAllBytes(file) : null;
        if (!(latest == null ? before == null : before != null && java.util.Arrays.equals(latest, before))) {
            return Result.failed("not written: " + display(file) + " changed on disk meanwhile", List.of());
        }
        bench.wrote(file, hash(bytes));
        AtomicFiles.write(file, o -> o.write(bytes));
        undo.push(new Done(file, before, hash(bytes), description));
        bench.recheck(false, System.nanoTime());
        return Result.ok("done: " + description);
    }

    /** The loader's new problems of the edited file, when it is read with the other fact files. */
    private List<String> validateFacts(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(".factlint-edit-" + UUID.randomUUID() + "-" + file.getFileName());
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            List<Path> others = factFiles().stream().filter(p -> !Workbench.real(p).equals(Workbench.real(file))).toList();
            List<Path> before = new ArrayList<>(others);
            before.add(file);
            List<Path> after = new ArrayList<>(others);
            after.add(temp);
            String shownFile = display(file);
            String shownTemp = display(temp);
            List<String> old = CheckRun.validate(bench.pack(), before);
            List<String> now = CheckRun.validate(bench.pack(), after).stream().map(m -> m.replace(shownTemp, shownFile)).toList();
            return newProblems(old, now, shownFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private List<String> validateWaivers(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(".factlint-edit-" + UUID.randomUUID() + "-" + file.getFileName());
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Set<String> ids = bench.pack().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
            List<InputError> errors = new ArrayList<>();
            WaiverFile.read(temp, ids, errors);
            String shownFile = display(file);
            String shownTemp = display(temp);
            return errors.stream().map(e -> e.toString().replace(shownTemp, shownFile)).toList();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The problems of {@code now} in {@code file} whose message (without its position) {@code old} did not have. */
    static List<String> newProblems(List<String> old, List<String> now, String file) {
        Map<String, Integer> had = new HashMap<>();
        for (String m : old) had.merge(withoutPosition(m), 1, Integer::sum);
        List<String> out = new ArrayList<>();
        for (String m : now) {
            if (!m.startsWith(file)) continue;
            String k = withoutPosition(m);
            int n = had.getOrDefault(k, 0);
            if (n > 0) had.put(k, n - 1);
            else out.add(m);
        }
        return out;
    }

    private static String withoutPosition(String m) {
        return m.replaceFirst("^([^:]*):\\d+:\\d+: ", "$1: ");
    }

    /** The fact files as the loader finds them under the given paths (not hidden, not waivers files). */
    List<Path> factFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : bench.config.inputs()) {
            if (!Files.isDirectory(root)) {
                if (Files.exists(root)) out.add(root);
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String n = f.getFileName().toString();
                    String l = n.toLowerCase(Locale.ROOT);
                    if (!n.startsWith(".") && (l.endsWith(".json") || l.endsWith(".yaml") || l.endsWith(".yml"))
                            && !WaiverFile.isWaiversFile(f)) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return out;
    }
}
