package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's own pipeline and its testkit test, exactly as the README shows them: extracted,
 * compiled with javac, and run, so the pipeline a reader copies keeps every invariant.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

  /** The README's Java block that declares {@code class NAME}. */
  static String block(String name) throws IOException {
    Matcher blocks = JAVA_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1).contains("\nclass " + name + " {")) {
        found.add(blocks.group(1));
      }
    }
    assertThat(found).as("README blocks declaring class %s", name).hasSize(1);
    return found.get(0);
  }

  @Test
  void theReadmesPipelinePassesTheReadmesTestkitTest(@TempDir Path dir) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(sources.resolve("MyPolicies.java"), block("MyPolicies"));
    Files.writeString(sources.resolve("MyGatewayPolicyTest.java"), block("MyGatewayPolicyTest"));

    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    PrintStream report = new PrintStream(diagnostics, true, StandardCharsets.UTF_8);
    int compiled =
        javac.run(
            report,
            report,
            "-classpath",
            System.getProperty("java.class.path"),
            "-proc:none",
            "-Xlint:all",
            "-Werror",
            "-d",
            classes.toString(),
            sources.resolve("MyPolicies.java").toString(),
            sources.resolve("MyGatewayPolicyTest.java").toString());
    assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> test = loader.loadClass("MyGatewayPolicyTest");
      Constructor<?> constructor = test.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();

      Method invariants = test.getDeclaredMethod("keepsEveryInvariant");
      invariants.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<DynamicTest> tests = ((Stream<DynamicTest>) invariants.invoke(instance)).toList();
      assertThat(tests).hasSize(12);
      List<String> broken = new ArrayList<>();
      for (DynamicTest invariant : tests) {
        try {
          invariant.getExecutable().execute();
        } catch (AssertionError failure) {
          broken.add(invariant.getDisplayName() + ": " + firstLine(failure));
        } catch (Throwable other) {
          throw new AssertionError(invariant.getDisplayName() + " could not run", other);
        }
      }
      assertThat(broken).as("invariants the README's pipeline breaks").isEmpty();

      Method loopback = test.getDeclaredMethod("refusesLoopbackNodesWithoutADevice");
      loopback.setAccessible(true);
      loopback.invoke(instance);
    }
  }

  private static String firstLine(Throwable failure) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    failure.printStackTrace(new PrintStream(text, true, StandardCharsets.UTF_8));
    return text.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}
