package io.factlint.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The debounce of {@link ChangeWatcher}, driven by scripted events on a scripted clock (no real time passes, so the
 * timings are exact), and {@link JdkChangeSource} on real files.
 */
class ChangeWatcherTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(150);
    private static final Path A = Path.of("/facts/a.json");
    private static final Path B = Path.of("/facts/b.json");
    private static final Path C = Path.of("/facts/c.json");
    private static final Path IGNORED = Path.of("/facts/report.json");

    @TempDir
    Path tmp;

    @Test
    void oneChangeIsOneBatchOnceTheFoldersWereQuietForTheDebounce() throws Exception {
        ScriptedChanges s = new ScriptedChanges().at(1000, A);
        assertThat(s.watcher().await(DEBOUNCE, p -> true)).containsExactly(A);
        assertThat(s.millis()).isEqualTo(1150);
        assertThat(s.waits()).containsExactly(null, DEBOUNCE);
    }

    @Test
    void aBurstWithinTheDebounceIsOneBatchAndALaterChangeTheNext() throws Exception {
        // an editor's save: three events, each within 150 ms of the one before; then another save 400 ms later
        ScriptedChanges s = new ScriptedChanges().at(0, A).at(100, B).at(249, A).at(300, C).at(850, B);
        ChangeWatcher w = s.watcher();
        assertThat(w.await(DEBOUNCE, p -> true)).containsExactly(A, B, C);
        assertThat(s.millis()).isEqualTo(450);
        assertThat(w.await(DEBOUNCE, p -> true)).containsExactly(B);
        assertThat(s.millis()).isEqualTo(1000);
        assertThatThrownBy(() -> w.await(DEBOUNCE, p -> true)).isInstanceOf(ChangeSource.Closed.class);
    }

    @Test
    void changesFurtherApartThanTheDebounceAreTwoBatches() throws Exception {
        ScriptedChanges s = new ScriptedChanges().at(0, A).at(151, B);
        ChangeWatcher w = s.watcher();
        assertThat(w.await(DEBOUNCE, p -> true)).containsExactly(A);
        assertThat(w.await(DEBOUNCE, p -> true)).containsExactly(B);
        assertThat(s.millis()).isEqualTo(301);
    }

    @Test
    void anIrrelevantChangeGivesNoBatchButRestartsTheQuietTime() throws Exception {
        // the report being written (irrelevant) alone is no re-check; during a burst it keeps the burst open
        ScriptedChanges s = new ScriptedChanges().at(0, IGNORED).at(500, A).at(600, IGNORED).at(700, B);
        Set<Path> batch = s.watcher().await(DEBOUNCE, p -> !p.equals(IGNORED));
        assertThat(batch).containsExactly(A, B);
        assertThat(s.millis()).isEqualTo(850);
    }

    @Test
    void closingTheSourceEndsTheWait() throws Exception {
        ScriptedChanges s = new ScriptedChanges();
        ChangeWatcher w = s.watcher();
        w.close();
        assertThatThrownBy(() -> w.await(DEBOUNCE, p -> true)).isInstanceOf(ChangeSource.Closed.class)
                .isInstanceOf(InterruptedException.class);
    }

    /** The production source on real files: a write, a new sub-folder's file, hidden files ignored, close. */
    @Test
    @Timeout(60)
    void theJdkSourceSeesRealChangesAndNewSubFolders() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("facts")).toRealPath();
        Path a = Files.writeString(root.resolve("a.json"), "{}");
        try (ChangeWatcher w = new ChangeWatcher()) {
            w.watchTree(root);
            assertThat(w.folders()).containsExactly(root);
            Files.writeString(root.resolve(".hidden.swp"), "x");
            Files.writeString(a, "{\"facts\": []}");
            assertThat(w.await(DEBOUNCE, p -> true)).containsExactly(a);

            Path sub = Files.createDirectories(root.resolve("sub"));
            Set<Path> seen = new TreeSet<>(w.await(DEBOUNCE, p -> true));
            assertThat(seen).contains(sub);
            assertThat(w.folders()).contains(sub); // registered as it appeared
            Path b = Files.writeString(sub.resolve("b.yaml"), "facts: []\n");
            assertThat(w.await(DEBOUNCE, p -> p.toString().endsWith(".yaml"))).containsExactly(b);

            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    w.close();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            closer.start();
            assertThatThrownBy(() -> w.await(DEBOUNCE, p -> true)).isInstanceOf(ChangeSource.Closed.class);
            closer.join();
        }
    }
}
