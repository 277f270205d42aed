package dev.connectpolicy.engine.table;

import java.util.Optional;
import org.apiguardian.api.API;

/** The formats decision tables and diffs are written in. */
@API(status = API.Status.INTERNAL)
public enum TableFormat {
  /** Comma-separated values with a header line; a set of values is joined with {@code |}. */
  CSV("csv"),
  /** A Markdown table with a short heading, for people and for review. */
  MARKDOWN("markdown"),
  /** One JSON object per row. */
  JSONL("jsonl");

  private final String wire;

  TableFormat(String wire) {
    this.wire = wire;
  }

  /**
   * Returns the format's name on the command line.
   *
   * @return {@code csv}, {@code markdown} or {@code jsonl}
   */
  public String wire() {
    return wire;
  }

  /**
   * Finds a format by its command-line name.
   *
   * @param name the name
   * @return the format, or empty
   */
  public static Optional<TableFormat> named(String name) {
    for (TableFormat format : values()) {
      if (format.wire.equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
