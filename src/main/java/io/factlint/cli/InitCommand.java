package io.factlint.cli;

import io.factlint.check.ExitCode;
import io.factlint.scaffold.StoryScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code factlint init STORY_ID}: writes a commented starter fact file; never overwrites a file. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter fact file DIR/STORY_ID.yaml for a new story (never overwrites).")
final class InitCommand implements Callable<Integer> {
    /** Where the JSON Schema of fact files lives, relative to the project root (the current folder). */
    static final Path SCHEMA = Path.of("schema", "facts.schema.json");

    @Parameters(paramLabel = "STORY_ID", description = "The new story's id; the file is named after it.")
    String storyId;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "facts", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!StoryScaffold.STORY_ID.matcher(storyId).matches() || storyId.equalsIgnoreCase("waivers")) {
                err.println("factlint: \"" + storyId + "\" cannot be a story id here: use letters, digits, '.', '_' and '-' "
                        + "(it becomes the file name), not \"waivers\"");
                return ExitCode.INPUT_ERROR.code();
            }
            for (String ext : new String[]{".yaml", ".yml", ".json"}) {
                Path existing = dir.resolve(storyId + ext);
                if (Files.exists(existing)) {
                    err.println("factlint: " + display(existing) + " already exists; not overwritten"
                            + (ext.equals(".yaml") ? "" : " (a story id must be unique across fact files)"));
                    return ExitCode.INPUT_ERROR.code();
                }
            }
            Path target = dir.resolve(storyId + ".yaml");
            Path abs = dir.toAbsolutePath().normalize();
            String schema = display(abs.relativize(Path.of("").toAbsolutePath().resolve(SCHEMA)));
            String text = StoryScaffold.yaml(storyId, LocalDate.now(main.clock()), schema);
            Files.createDirectories(dir);
            try {
                Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                err.println("factlint: " + display(target) + " already exists; not overwritten");
                return ExitCode.INPUT_ERROR.code();
            }
            out.println("wrote " + display(target) + ": fill it in, then run factlint check " + display(dir));
            if (!Files.exists(SCHEMA)) {
                err.println("factlint: note: " + display(SCHEMA) + " is not here; editors validate against it once it is");
            }
            return ExitCode.OK.code();
        } catch (IOException e) {
            err.println("factlint: cannot write " + display(dir.resolve(storyId + ".yaml")) + ": " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } catch (CheckCommand.UsageError e) {
            err.println("factlint: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
