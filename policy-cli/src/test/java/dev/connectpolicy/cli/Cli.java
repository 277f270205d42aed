package dev.connectpolicy.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tool in this JVM on given bytes, or as a process of its own. Every JSON line a run
 * writes is validated against the contract's schemas.
 */
final class Cli {

  private Cli() {}

  /** What a run printed and returned. */
  record Run(int status, byte[] stdout, String err) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return out().lines().toList();
    }
  }

  static Run run(byte[] stdin, String... args) {
    return run(new ByteArrayInputStream(stdin), new ByteArrayOutputStream(), args);
  }

  static Run run(InputStream stdin, OutputStream stdout, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args, new Console(stdin, stdout, new PrintStream(err, true, StandardCharsets.UTF_8)));
    byte[] out = stdout instanceof ByteArrayOutputStream bytes ? bytes.toByteArray() : new byte[0];
    Schemas.checkOutput(args, new String(out, StandardCharsets.UTF_8));
    return new Run(status, out, err.toString(StandardCharsets.UTF_8));
  }

  /** A process running the tool's main class on this test's class path, under {@code heap}. */
  static ProcessBuilder process(String heap, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
