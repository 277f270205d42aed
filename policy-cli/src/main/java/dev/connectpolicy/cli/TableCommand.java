package dev.connectpolicy.cli;

import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.table.DecisionTables;
import dev.connectpolicy.engine.table.TableFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code table}: a profile's whole decision table, full or compact. */
@Command(
    name = "table",
    description = {
      "Write a profile's whole decision table, cell by cell or compacted.",
      "",
      "Evaluates the profile on every cell of its gateway's fact space (every consistent"
          + " combination of the facts' relevant values) and writes the table. The full table is"
          + " written as it is computed and never held in memory. Progress goes to standard error"
          + " when it is a terminal."
    },
    exitCodeList = {
      "0:the table was written",
      "2:a usage error",
      "3:standard output could not be written"
    })
final class TableCommand implements Callable<Integer> {

  private final Console console;

  @Mixin ProfileOption profile = new ProfileOption();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = TableFormats.class,
      completionCandidates = TableFormats.class,
      description = "csv (default for the full table), markdown (default with --compact) or jsonl")
  @Nullable TableFormat format;

  @Option(
      names = "--compact",
      description =
          "merge cells into a short list of rows with `*` for any value; a cell takes the"
              + " decision of the first row that matches it")
  boolean compact;

  TableCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    PolicyPipeline policy = profile.profile.policy();
    FactSpace space = profile.profile.family().space();
    String label = "table " + profile.profile.profileName();
    Writer out =
        new BufferedWriter(new OutputStreamWriter(console.out, StandardCharsets.UTF_8), 1 << 16);
    if (compact) {
      Progress.during(
              console, label, space.size(), null, () -> DecisionTables.compact(space, policy))
          .write(format == null ? TableFormat.MARKDOWN : format, out);
    } else {
      AtomicLong lines = new AtomicLong();
      Writer counted = console.progress ? new LineCounter(out, lines) : out;
      Progress.during(
          console,
          label,
          space.size(),
          lines::get,
          () ->
              DecisionTables.write(
                  policy, space, format == null ? TableFormat.CSV : format, counted));
    }
    out.flush();
    return ExitStatus.OK;
  }

  /** Counts the lines written through it, for the progress line. */
  private static final class LineCounter extends java.io.FilterWriter {
    private final AtomicLong lines;

    LineCounter(Writer out, AtomicLong lines) {
      super(out);
      this.lines = lines;
    }

    @Override
    public void write(int c) throws IOException {
      if (c == '\n') {
        lines.incrementAndGet();
      }
      super.write(c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      count(java.nio.CharBuffer.wrap(chars, offset, length));
      super.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      count(text.subSequence(offset, offset + length));
      super.write(text, offset, length);
    }

    private void count(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lines.incrementAndGet();
        }
      }
    }
  }
}
