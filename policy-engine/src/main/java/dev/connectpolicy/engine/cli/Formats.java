package dev.connectpolicy.engine.cli;

import dev.connectpolicy.engine.TableFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The {@code --format} option of the table commands. */
final class Formats {

  private Formats() {}

  static TableFormat parse(Arguments arguments, TableFormat fallback) throws UsageException {
    String name = arguments.option("format");
    if (name == null) {
      return fallback;
    }
    return TableFormat.named(name)
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown format `" + name + "`, expected csv, markdown or jsonl"));
  }

  static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
