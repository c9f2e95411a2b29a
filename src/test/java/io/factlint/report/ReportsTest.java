package io.factlint.report;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    @Test
    void everyFormatHasItsWriter() {
        for (Format f : Format.values()) {
            assertThat(Reports.supports(f)).isTrue();
            assertThat(Reports.writer(f).format()).isEqualTo(f);
        }
        assertThat(Reports.formats()).isEqualTo(EnumSet.allOf(Format.class));
    }

    @Test
    void writersAreShared() {
        assertThat(Reports.writer(Format.HTML)).isSameAs(Reports.writer(Format.HTML));
    }

}
