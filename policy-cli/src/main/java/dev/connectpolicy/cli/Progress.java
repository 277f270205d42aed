package dev.connectpolicy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a long computation on standard error, only when it is a terminal: a status line
 * rewritten in place every quarter of a second, and a last line with the time taken. Standard
 * output is never touched.
 */
final class Progress {

  private static final long PERIOD_MILLIS = 250;

  private final @Nullable PrintStream err;
  private final String label;
  private final long total;
  private final @Nullable LongSupplier done;
  private final long started = System.nanoTime();
  private final @Nullable Thread ticker;

  private Progress(
      @Nullable PrintStream err, String label, long total, @Nullable LongSupplier done) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.done = done;
    if (err == null) {
      ticker = null;
      return;
    }
    show(false);
    ticker = new Thread(this::tick, "connect-policy-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** Work over cells. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  /**
   * Does {@code work} over {@code total} cells, showing its progress.
   *
   * @param done how many cells are done, or null when only the elapsed time is known
   */
  static <T> T during(
      Console console, String label, long total, @Nullable LongSupplier done, Work<T> work)
      throws IOException {
    Progress progress = new Progress(console.progress ? console.err : null, label, total, done);
    try {
      return work.run();
    } finally {
      progress.close();
    }
  }

  private void tick() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(PERIOD_MILLIS);
        show(false);
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void show(boolean last) {
    if (err == null) {
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String status =
        done == null || last
            ? String.format(Locale.ROOT, "%s: %,d cells, %.1f s", label, total, seconds)
            : String.format(
                Locale.ROOT,
                "%s: %,d of %,d cells, %.1f s",
                label,
                done.getAsLong(),
                total,
                seconds);
    err.print("\r" + status + (last ? " done\n" : ""));
    err.flush();
  }

  private void close() {
    if (ticker == null) {
      return;
    }
    ticker.interrupt();
    try {
      ticker.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    show(true);
  }
}
