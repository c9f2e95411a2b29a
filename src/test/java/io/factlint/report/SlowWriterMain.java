package io.factlint.report;

import java.nio.file.Path;

/**
 * A child process for {@link AtomicFilesKillTest}: writes a big report to {@code args[0]} through
 * {@link AtomicFiles}, slowly ({@code args[1]} milliseconds between 64 KiB chunks), and says {@code WRITING} on
 * standard output once the first chunk is out, so that the test can kill it mid-write.
 */
public final class SlowWriterMain {
    private SlowWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        long pause = Long.parseLong(args[1]);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 10_000; i++) {
                out.write(chunk);
                out.flush();
                if (i == 0) {
                    System.out.println("WRITING");
                    System.out.flush();
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
