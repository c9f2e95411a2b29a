package io.factlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version, from the build. */
final class Version {
    static final String VALUE = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/io/factlint/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
