package io.factlint.project;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The project ships its licence (Apache-2.0, like Drools and the rest of the stack) and a NOTICE for what it bundles. */
class LicenseTest {

    @Test
    void licenseIsApache2AndDeclaredInThePom() throws Exception {
        String license = Files.readString(Path.of("LICENSE"));
        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004")
                .contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION").hasSizeGreaterThan(10_000);
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<name>Apache-2.0</name>");
        // the shaded jar carries both files
        assertThat(pom).contains("<file>LICENSE</file>").contains("<file>NOTICE</file>");
    }

    @Test
    void noticeNamesEveryBundledDependency() throws Exception {
        String notice = Files.readString(Path.of("NOTICE"));
        String pom = Files.readString(Path.of("pom.xml"));
        int managed = pom.indexOf("</dependencyManagement>");
        String deps = pom.substring(pom.indexOf("<dependencies>", managed), pom.indexOf("</dependencies>", managed));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        List<String> bundled = new ArrayList<>();
        while (m.find()) {
            String d = m.group(1);
            if (d.contains("<scope>test</scope>") || d.contains("<scope>provided</scope>")) continue;
            Matcher a = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(d);
            if (a.find()) bundled.add(a.group(1));
        }
        assertThat(bundled).contains("drools-engine", "jackson-databind", "picocli");
        for (String artifact : bundled) assertThat(notice).as(artifact).contains(artifact);
        assertThat(notice).contains("sarif-schema-2.1.0.json").contains("Apache License, Version 2.0");
    }
}
