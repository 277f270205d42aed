package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Jetty snippets are the code: every line of them is a line of the sources. */
class ReadmeTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/connectpolicy/examples/gateway");

  @Test
  void jettySnippets_areLinesOfTheSources() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section =
        readme.substring(
            readme.indexOf("### This Jetty server"), readme.indexOf("### Any transport"));
    Set<String> sourceLines =
        Files.readAllLines(SOURCES.resolve("Gateway.java")).stream()
            .map(String::strip)
            .collect(Collectors.toSet());
    for (String source : List.of("HandshakeEndpoint.java", "HttpPhase.java")) {
      sourceLines.addAll(
          Files.readAllLines(SOURCES.resolve(source)).stream()
              .map(String::strip)
              .collect(Collectors.toSet()));
    }

    List<String> snippetLines = new ArrayList<>();
    boolean inCode = false;
    for (String line : section.split("\n", -1)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      String code = line.replaceFirst("\\s*// the frame.*$", "").strip();
      if (inCode && !code.isEmpty()) {
        snippetLines.add(code);
      }
    }

    assertThat(snippetLines).hasSizeGreaterThan(20);
    assertThat(sourceLines).containsAll(snippetLines);
  }
}
