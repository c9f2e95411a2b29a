package io.factlint.report;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportsTest {
    @Test
    void everyRegisteredWriterServesItsFormat() {
        for (Format f : Reports.formats()) {
            assertThat(Reports.writer(f).format()).isEqualTo(f);
        }
        assertThat(Reports.formats()).containsAll(EnumSet.of(Format.HTML, Format.JUNIT, Format.SARIF,
                Format.MARKDOWN, Format.GITHUB));
    }

    @Test
    void writersAreShared() {
        assertThat(Reports.writer(Format.HTML)).isSameAs(Reports.writer(Format.HTML));
    }

    @Test
    void aFormatWithoutWriterIsAClearError() {
        for (Format f : Format.values()) {
            if (!Reports.formats().contains(f)) {
                assertThatThrownBy(() -> Reports.writer(f)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(f.id());
            }
        }
    }
}
