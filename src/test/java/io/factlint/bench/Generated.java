package io.factlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generated fact sets kept between benchmark runs: {@code DIR} holds the facts and {@code DIR.expected} the
 * generator's result (facts, files, stories, planted findings), so a size is generated once per seed.
 */
final class Generated {
    private Generated() {
    }

    static FactSetGenerator.Result ensure(Path dir, int size, long seed) throws IOException {
        Path meta = dir.resolveSibling(dir.getFileName() + ".expected");
        String stamp = "seed=" + seed + " size=" + size + " generator=" + FactSetGenerator.VERSION;
        if (Files.isRegularFile(meta) && Files.isDirectory(dir)) {
            var lines = Files.readAllLines(meta);
            if (!lines.isEmpty() && lines.get(0).equals(stamp)) {
                Map<String, Integer> expected = new TreeMap<>();
                for (String l : lines.subList(2, lines.size())) {
                    String[] kv = l.split("=");
                    expected.put(kv[0], Integer.parseInt(kv[1]));
                }
                String[] n = lines.get(1).split(" ");
                return new FactSetGenerator.Result(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), expected);
            }
        }
        deleteTree(dir);
        FactSetGenerator.Result r = FactSetGenerator.generate(dir, size, seed);
        StringBuilder b = new StringBuilder(stamp).append('\n')
                .append(r.facts()).append(' ').append(r.files()).append(' ').append(r.stories()).append('\n');
        r.expected().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Files.writeString(meta, b.toString());
        return r;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
