package dev.connectpolicy.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Standard input, output and error, replaceable in tests. */
final class Console {

  private final InputStream in;
  final PrintStream out;
  final PrintStream err;

  Console(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /**
   * Opens the input named by the positional arguments: the one FILE, or standard input when there
   * is none or it is {@code -}.
   */
  BufferedReader input(List<String> files) throws UsageException, IOException {
    if (files.isEmpty() || files.get(0).equals("-")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Path path = Path.of(files.get(0));
    try {
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException missing) {
      throw new UsageException("no such file `" + path + "`");
    }
  }
}
