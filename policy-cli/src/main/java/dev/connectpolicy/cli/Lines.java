package dev.connectpolicy.cli;

import dev.connectpolicy.api.InvalidContextException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The line loop of {@code evaluate}, {@code explain}, {@code upgrade} and {@code admit}: every
 * input line gets exactly one answer, in order, and a malformed line (undecodable, too long, or
 * facts the contract refuses) gets its own error answer without stopping the others. Lines are
 * framed on LF only ({@link LineReader}) and decoded strictly ({@link StrictUtf8}). Output is
 * flushed whenever no more input is waiting, so a gateway can use the tool as a sidecar, one
 * request line at a time; a failed write ends the loop at once.
 */
final class Lines {

  private Lines() {}

  /** Answers one line; throws {@link InvalidContextException} for a malformed one. */
  @FunctionalInterface
  interface Answer {
    String to(String line);
  }

  /** Answers a malformed line, given what was wrong and where. */
  @FunctionalInterface
  interface Malformed {
    String answer(InvalidContextException problem, String where);
  }

  /**
   * Answers every line of {@code input} on the console's standard output and, if any line was
   * malformed, writes a one-line summary on standard error.
   *
   * @param command the command's name, for the summary
   * @return {@link ExitStatus#OK}, or {@link ExitStatus#ERROR} if any line was malformed
   * @throws IOException if the input cannot be read or the output written
   */
  static int answerEach(
      String command, InputStream input, Console console, Answer answer, Malformed malformed)
      throws IOException {
    LineReader lines = new LineReader(input);
    long number = 0;
    long bad = 0;
    long firstBad = 0;
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      number++;
      String text;
      try {
        if (line.tooLong()) {
          throw new InvalidContextException(
              "", "line longer than " + LineReader.LIMIT + " bytes, not read");
        }
        text = answer.to(StrictUtf8.decode(line.bytes(), line.length()));
      } catch (InvalidContextException problem) {
        bad++;
        firstBad = firstBad == 0 ? number : firstBad;
        text = malformed.answer(problem, "line " + number);
      }
      console.out.write(text.getBytes(StandardCharsets.UTF_8));
      console.out.write('\n');
      if (!lines.ready()) {
        console.out.flush();
      }
    }
    console.out.flush();
    if (bad == 0) {
      return ExitStatus.OK;
    }
    console.err.printf(
        Locale.ROOT,
        "connect-policy %s: %d of %d lines malformed, answered INVALID_CONTEXT (the first: line"
            + " %d)%n",
        command,
        bad,
        number,
        firstBad);
    return ExitStatus.ERROR;
  }
}
