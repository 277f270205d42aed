package dev.connectpolicy.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Standard input, output and error, replaceable in tests. Standard output is buffered and remembers
 * its first write failure, so that a full disk or a closed pipe stops the tool with {@link
 * ExitStatus#OUTPUT_FAILED} however deep in a command the write was.
 */
final class Console {

  private final InputStream in;
  private final Guarded guarded;

  /** Standard output: bytes, UTF-8 text written by the commands. */
  final OutputStream out;

  /** Standard error. */
  final PrintStream err;

  /** Whether standard error is a terminal, where {@code table} and {@code diff} show progress. */
  final boolean progress;

  Console(InputStream in, OutputStream out, PrintStream err, boolean progress) {
    this.in = in;
    this.guarded = new Guarded(out);
    this.out = new BufferedOutputStream(guarded, 1 << 16);
    this.err = err;
    this.progress = progress;
  }

  Console(InputStream in, OutputStream out, PrintStream err) {
    this(in, out, err, false);
  }

  /** Opens FILE, or standard input when it is absent or {@code -}. */
  InputStream input(@Nullable String file) throws UsageException, IOException {
    if (file == null || file.equals("-")) {
      return in;
    }
    Path path = Path.of(file);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException missing) {
      throw new UsageException("no such file `" + path + "`");
    }
  }

  /** Writes UTF-8 text to standard output. */
  void print(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The first failure to write standard output, or null if none. */
  @Nullable IOException outputFailure() {
    return guarded.failure;
  }

  /** Flushes standard output; a failure is remembered, not thrown. */
  void flush() {
    try {
      out.flush();
    } catch (IOException ignored) {
      // remembered by the guard; reported by Main
    }
  }

  /** Remembers the first write failure of the stream it wraps. */
  private static final class Guarded extends FilterOutputStream {
    @Nullable IOException failure;

    Guarded(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (failure != null) {
        throw failure;
      }
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      if (failure != null) {
        throw failure;
      }
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
