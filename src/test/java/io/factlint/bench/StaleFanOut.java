package io.factlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape that once made the output quadratic (issue 15.1): one entity, {@code facts} status facts at two dates
 * (captured, then deceased; three sources in turn) and {@code claims} status claims "captured" at the second
 * date, each a {@code status.stale} finding resting on every earlier fact.
 *
 * <pre>java -cp ... io.factlint.bench.StaleFanOut OUT.json [facts=2000] [claims=1000]</pre>
 */
public final class StaleFanOut {
    private StaleFanOut() {
    }

    public static String json(int facts, int claims) {
        StringBuilder b = new StringBuilder(64 * (facts + claims) + 512);
        b.append("{\"story\": {\"id\": \"fan\", \"published\": \"2025-03-02\"},\n");
        b.append("\"sources\": [{\"id\": \"a\", \"name\": \"Agency A\", \"kind\": \"agency\"}, "
                + "{\"id\": \"b\", \"name\": \"Outlet B\", \"kind\": \"media\"}, {\"id\": \"c\", \"name\": \"Account C\", \"kind\": \"social\"}],\n");
        b.append("\"entities\": [{\"id\": \"p\", \"kind\": \"person\", \"name\": \"a prisoner\"}],\n\"facts\": [\n");
        for (int i = 0; i < facts; i++) {
            boolean first = i < facts / 2;
            b.append(i == 0 ? "" : ",\n").append("{\"id\": \"f").append(i).append("\", \"subject\": \"p\", \"attribute\": \"status\", \"value\": \"")
                    .append(first ? "captured" : "deceased").append("\", \"at\": \"").append(first ? "2025-03-01" : "2025-03-02")
                    .append("\", \"source\": \"").append("abc".charAt(i % 3)).append("\"}");
        }
        b.append("],\n\"claims\": [\n");
        for (int i = 0; i < claims; i++) {
            b.append(i == 0 ? "" : ",\n").append("{\"id\": \"c").append(i).append("\", \"text\": \"still captured\", \"subject\": \"p\", "
                    + "\"attribute\": \"status\", \"op\": \"=\", \"value\": \"captured\", \"at\": \"2025-03-02\"}");
        }
        return b.append("]}\n").toString();
    }

    public static void main(String[] args) throws IOException {
        int facts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int claims = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, json(facts, claims));
    }
}
