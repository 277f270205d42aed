package dev.connectpolicy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into lines on LF ({@code 0x0A}) only, the contract's framing: a CR is an
 * ordinary byte (whitespace to JSON, so CRLF is tolerated), never the end of a line. A line longer
 * than {@link #LIMIT} bytes is read to its end and discarded as it goes, never held: memory stays
 * bounded by the limit whatever the input.
 */
final class LineReader {

  /** The longest line answered, in bytes, without its LF: 1 MiB. */
  static final int LIMIT = 1 << 20;

  /** One line: its bytes, or only the fact that it was longer than the limit. */
  record Line(byte[] bytes, int length, boolean tooLong) {}

  private final InputStream in;
  private final int limit;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int end;
  private byte[] line = new byte[1 << 12];
  private int length;

  LineReader(InputStream in) {
    this(in, LIMIT);
  }

  LineReader(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The next line, or null at the end of the input; a last line without LF counts. */
  @Nullable Line next() throws IOException {
    length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == end) {
        int read = in.read(buffer);
        if (read < 0) {
          return any ? new Line(line, tooLong ? 0 : length, tooLong) : null;
        }
        position = 0;
        end = read;
      }
      any = true;
      int newline = position;
      while (newline < end && buffer[newline] != '\n') {
        newline++;
      }
      if (!tooLong) {
        int chunk = newline - position;
        if (length + chunk > limit) {
          tooLong = true;
        } else {
          append(chunk);
        }
      }
      if (newline < end) {
        position = newline + 1;
        return new Line(line, tooLong ? 0 : length, tooLong);
      }
      position = end;
    }
  }

  /** Whether a line is waiting: buffered bytes, or input available without blocking. */
  boolean ready() throws IOException {
    return position < end || in.available() > 0;
  }

  private void append(int chunk) {
    if (length + chunk > line.length) {
      line = Arrays.copyOf(line, Math.min(limit, Math.max(line.length * 2, length + chunk)));
    }
    System.arraycopy(buffer, position, line, length, chunk);
    length += chunk;
  }
}
