package io.factlint.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The SQL peer of the benchmark (bench/run.sh, h4-shaped data): DuckDB, in process through its JDBC driver (the
 * {@code bench} profile only, never in the CLI jar), reads the same fact files and runs the two window queries a
 * data desk would write for {@code count.decreased} and {@code value.disagreement}. Prints {@code rule count} lines.
 *
 * <pre>java -cp ... io.factlint.bench.SqlPeer FACTS_DIR</pre>
 */
public final class SqlPeer {
    private SqlPeer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        String glob = dir.resolve("data").toString().replace("'", "''") + "/*.json";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE f AS SELECT x.id AS id, x.subject AS subject, x.attribute AS attribute, "
                    + "CAST(x.at AS DATE) AS day, CAST(x.value AS BIGINT) AS v FROM "
                    + "(SELECT unnest(facts) AS x FROM read_json('" + glob + "', maximum_object_size = 67108864))");
            // a cumulative count below the previous day's (every pair of the two consecutive days' facts)
            long decreased = one(s, "WITH m AS (SELECT *, dense_rank() OVER (PARTITION BY subject, attribute ORDER BY day) AS i FROM f) "
                    + "SELECT count(*) FROM m a JOIN m b ON a.subject = b.subject AND a.attribute = b.attribute "
                    + "AND b.i = a.i + 1 AND b.v < a.v");
            // two sources stating different values for the same subject, attribute and day
            long disagreement = one(s, "SELECT count(*) FROM f a JOIN f b ON a.subject = b.subject "
                    + "AND a.attribute = b.attribute AND a.day = b.day AND a.id < b.id AND a.v <> b.v");
            System.out.println("count.decreased " + decreased);
            System.out.println("value.disagreement " + disagreement);
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
