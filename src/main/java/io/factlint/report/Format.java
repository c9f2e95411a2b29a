package io.factlint.report;

import java.util.Locale;

/** The report formats, with the file name a format gets when {@code -o} names a folder. */
public enum Format {
    TEXT("factlint.txt"), JSON("factlint.json"), HTML("factlint.html"), JUNIT("factlint-junit.xml"),
    SARIF("factlint.sarif"), MARKDOWN("factlint.md"), GITHUB("factlint-github.txt"),
    CLAIMREVIEW("factlint-claimreview.json");

    private final String defaultFileName;

    Format(String defaultFileName) {
        this.defaultFileName = defaultFileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultFileName() {
        return defaultFileName;
    }
}
