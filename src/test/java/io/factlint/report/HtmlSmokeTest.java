package io.factlint.report;
import org.junit.jupiter.api.Test;
import java.io.*; import java.nio.file.*;
class HtmlSmokeTest {
  @Test void render() throws Exception {
    for (var e : java.util.Map.of("seed", Fixtures.seed(), "hostile", Fixtures.hostile()).entrySet()) {
      for (Format f : Reports.formats()) {
      try (var out = Files.newOutputStream(Path.of("/tmp/" + e.getKey() + "." + f.id()))) {
        Reports.writer(f).write(e.getValue(), new ReportOptions("0.1.0", io.factlint.model.Severity.ERROR, null), out);
      }
      }
    }
  }
}
