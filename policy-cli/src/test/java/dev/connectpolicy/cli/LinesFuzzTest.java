package dev.connectpolicy.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the line loop on raw bytes: whatever the input, every LF-framed line
 * gets exactly one answer, in order, each a decision in JSON, and the exit status says whether any
 * was malformed. The committed corpus ({@code LinesFuzzTestInputs}) holds the hostile inputs (bare
 * CRs, CRLF, every kind of invalid UTF-8, a token that decodes only by replacement) and runs in
 * every build.
 */
class LinesFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "5m")
  void evaluate(byte[] input) throws IOException {
    answersEveryLineOnce(input, "evaluate");
  }

  @FuzzTest(maxDuration = "5m")
  void admit(byte[] input) throws IOException {
    answersEveryLineOnce(input, "admit");
  }

  private static void answersEveryLineOnce(byte[] input, String command) throws IOException {
    Cli.Run run = Cli.run(input, command, "-p", "recommended");
    String[] answers = run.out().split("\n", -1);
    long lines = framedLines(input);
    if (answers.length - 1 != lines || !answers[answers.length - 1].isEmpty()) {
      throw new AssertionError(
          lines + " lines, " + (answers.length - 1) + " answers: " + run.out() + run.err());
    }
    boolean malformed = false;
    for (int i = 0; i < lines; i++) {
      JsonNode answer = JSON.readTree(answers[i]);
      String outcome = answer.path("outcome").asText();
      if (!outcome.equals("accept") && !outcome.equals("reject")) {
        throw new AssertionError("not a decision: " + answers[i]);
      }
      if (answer.path("code").asText().equals("INVALID_CONTEXT")) {
        malformed = true;
        if (!answer.path("message").asText().startsWith("line " + (i + 1) + ": ")) {
          throw new AssertionError("answer " + (i + 1) + " names another line: " + answers[i]);
        }
      }
    }
    int expected = malformed ? ExitStatus.ERROR : ExitStatus.OK;
    if (run.status() != expected) {
      throw new AssertionError("exit status " + run.status() + ", expected " + expected);
    }
    if (run.out().contains("\uFFFD")
        && !new String(input, StandardCharsets.ISO_8859_1).contains("\u00ef\u00bf\u00bd")) {
      throw new AssertionError("a replacement character that was not sent: " + run.out());
    }
  }

  /** The lines of {@code input} framed on LF only; a last line without LF counts. */
  static long framedLines(byte[] input) {
    long lines = 0;
    for (byte b : input) {
      if (b == '\n') {
        lines++;
      }
    }
    return input.length > 0 && input[input.length - 1] != '\n' ? lines + 1 : lines;
  }
}
