package io.factlint.cli;

import io.factlint.cli.daemon.DaemonServer;

/**
 * The main class of the daemon JVM that {@code factlint daemon start} launches: serves the command line
 * ({@link Main#run}) over loopback ({@link DaemonServer}). Not a user command.
 */
public final class DaemonMain {
    private DaemonMain() {
    }

    public static void main(String[] args) throws Exception {
        DaemonServer.serve(args, Main::run);
    }
}
