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

    @Test
    void aPortInUseIsExitTwoWithTheWayOut() throws Exception {
        // a real socket holds the port on the loopback address the workbench would take
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Cli r = Cli.run("serve", "facts", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("factlint: cannot serve the workbench: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is in use").contains("--port 0 for any free one").doesNotContain("internal error");
        }
    }
}
