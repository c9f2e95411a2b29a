package io.factlint.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Generates the benchmark's fact sets once per size and seed: {@code --sizes 10000,100000 --seed 1 --data DIR}. */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        long seed = 1;
        Path data = Path.of("target/bench-data");
        int daily = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--daily" -> daily = Integer.parseInt(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (daily > 0) {
            Path d = data.resolve("daily-" + daily);
            if (!java.nio.file.Files.isDirectory(d)) {
                FactSetGenerator.Result r = FactSetGenerator.generateDaily(d, daily, seed);
                System.out.printf(Locale.ROOT, "daily-%d: %,d facts, %,d files (h4 shape)%n", daily, r.facts(), r.files());
            }
        }
        for (int size : sizes) {
            long t = System.nanoTime();
            FactSetGenerator.Result r = Generated.ensure(data.resolve("facts-" + size), size, seed);
            System.out.printf(Locale.ROOT, "facts-%d: %,d facts, %,d files, %,d stories, %,d planted findings (%.1f s)%n",
                    size, r.facts(), r.files(), r.stories(), r.expectedTotal(), (System.nanoTime() - t) / 1e9);
        }
    }
}
