package io.factlint.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factlint serve}'s command line (the server itself: io.factlint.serve's tests). */
class ServeCommandTest {
    @Test
    void helpListsTheOptions() {
        Cli r = Cli.run("serve", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--port", "--host", "--rules", "--fail-on", "--waivers", "127.0.0.1 and ::1");
    }

    @Test
    void aMissingPathIsBadUsage() {
        Cli r = Cli.run("serve", "no/such/folder", "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no/such/folder: no such file or folder");
    }

    @Test
    void aBadPortIsBadUsage() {
        Cli r = Cli.run("serve", "facts", "--port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--port must be 0..65535");
    }
}
