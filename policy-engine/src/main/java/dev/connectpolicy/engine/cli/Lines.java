package dev.connectpolicy.engine.cli;

import dev.connectpolicy.api.InvalidContextException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The line loop of {@code evaluate}, {@code explain} and {@code admit}: every input line gets
 * exactly one answer, in order, and a malformed line gets its own error answer without stopping the
 * others. Output is flushed whenever no more input is waiting, so a gateway can use the tool as a
 * sidecar, one request line at a time.
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
   * Answers every line of {@code input}.
   *
   * @return {@link Command#OK}, or {@link Command#ERROR} if any line was malformed
   */
  static int answerEach(BufferedReader input, PrintStream out, Answer answer, Malformed malformed)
      throws IOException {
    int status = Command.OK;
    long number = 0;
    String line;
    while ((line = input.readLine()) != null) {
      number++;
      String text;
      try {
        text = answer.to(line);
      } catch (InvalidContextException problem) {
        status = Command.ERROR;
        text = malformed.answer(problem, "line " + number);
      }
      out.println(text);
      if (!input.ready()) {
        out.flush();
      }
    }
    out.flush();
    return status;
  }
}
