package io.factlint.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * When the loader spills the facts of a check to temporary bucket files ({@link FactSpill}) instead of holding them
 * (docs/performance.md, "Spilling work units to disk"):
 * <ul>
 *   <li>{@code -Dfactlint.spill=auto} (the default for {@code factlint check}): when the fact files together are
 *       larger than the threshold, {@code -Dfactlint.spill.threshold=BYTES}, by default a quarter of the maximum
 *       heap (parsed facts take about 3.4 times their JSON's size: with {@code -Xmx4g}, inputs over 1 GiB spill);</li>
 *   <li>{@code always}: every check spills (tests use it on small inputs); {@code never}: none does.</li>
 * </ul>
 * {@code -Dfactlint.spill.dir=FOLDER} is where the private temporary folder is made (default: {@code java.io.tmpdir}),
 * {@code -Dfactlint.spill.buckets=N} the number of bucket files (default 64).
 */
public record SpillPolicy(Mode mode, long thresholdBytes, Path dir, int buckets) {
    public enum Mode { AUTO, ALWAYS, NEVER }

    /** No spilling: every fact in memory (embedders, the workbench, Spark). */
    public static final SpillPolicy NEVER = new SpillPolicy(Mode.NEVER, Long.MAX_VALUE, null, 64);

    public SpillPolicy {
        if (buckets < 1 || buckets > 4096) throw new IllegalArgumentException("spill buckets must be 1 to 4096, not " + buckets);
    }

    /** The policy the system properties give ({@code factlint.spill*}); bad values are an {@link IllegalArgumentException}. */
    public static SpillPolicy fromSystemProperties() {
        String m = System.getProperty("factlint.spill", "auto").trim().toLowerCase(Locale.ROOT);
        Mode mode = switch (m) {
            case "auto", "" -> Mode.AUTO;
            case "always", "true" -> Mode.ALWAYS;
            case "never", "false" -> Mode.NEVER;
            default -> throw new IllegalArgumentException("factlint.spill must be auto, always or never, not \"" + m + "\"");
        };
        String t = System.getProperty("factlint.spill.threshold");
        long threshold = t == null || t.isBlank() ? Runtime.getRuntime().maxMemory() / 4 : Long.parseLong(t.trim());
        String d = System.getProperty("factlint.spill.dir");
        String b = System.getProperty("factlint.spill.buckets");
        return new SpillPolicy(mode, threshold, d == null || d.isBlank() ? null : Path.of(d),
                b == null || b.isBlank() ? 64 : Integer.parseInt(b.trim()));
    }

    /** Whether a check of {@code files} spills. */
    boolean spills(List<FileWalker.InputFile> files) {
        if (mode == Mode.NEVER) return false;
        if (mode == Mode.ALWAYS) return true;
        long total = 0;
        for (FileWalker.InputFile f : files) {
            try {
                total += Files.size(f.path());
            } catch (IOException e) {
                // its read reports it
            }
            if (total > thresholdBytes) return true;
        }
        return false;
    }
}
