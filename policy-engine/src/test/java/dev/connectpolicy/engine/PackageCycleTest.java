package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the engine depends on a package that depends back on it, directly or through
 * others: read from the main sources, each reference to another engine package (an import, a static
 * import, or a qualified name in code) is an edge.
 */
class PackageCycleTest {

  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final String ROOT = "dev.connectpolicy.engine";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

  /** A qualified reference into an engine package: the package, then a type's name. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(dev\\.connectpolicy\\.engine(?:\\.[a-z]\\w*)*)\\.[A-Z*]");

  private static final Pattern COMMENTS =
      Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

  /** The engine's packages, each with the engine packages its sources refer to. */
  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      if (file.getFileName().toString().equals("module-info.java")) {
        continue;
      }
      String source = Files.readString(file);
      Matcher declared = PACKAGE.matcher(source);
      assertThat(declared.find()).as("package declaration of %s", file).isTrue();
      String own = declared.group(1);
      Set<String> targets = graph.computeIfAbsent(own, name -> new TreeSet<>());
      Matcher reference = REFERENCE.matcher(COMMENTS.matcher(source).replaceAll(" "));
      while (reference.find()) {
        String target = reference.group(1);
        if (!target.equals(own)) {
          targets.add(target);
        }
      }
    }
    return graph;
  }

  /** The cycles through each package, as paths that lead from it back to it. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    List<List<String>> found = new ArrayList<>();
    for (String start : graph.keySet()) {
      Map<String, String> cameFrom = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
      Set<String> seen = new HashSet<>(queue);
      queue.forEach(next -> cameFrom.put(next, start));
      while (!queue.isEmpty()) {
        String current = queue.poll();
        if (current.equals(start)) {
          List<String> path = new ArrayList<>();
          String step = cameFrom.get(start);
          path.add(start);
          while (!step.equals(start)) {
            path.add(0, step);
            step = cameFrom.get(step);
          }
          path.add(0, start);
          found.add(path);
          break;
        }
        for (String next : graph.getOrDefault(current, Set.of())) {
          if (seen.add(next)) {
            cameFrom.put(next, current);
            queue.add(next);
          }
        }
      }
    }
    return found;
  }

  @Test
  void noEnginePackageDependsOnAPackageThatDependsOnIt() throws IOException {
    Map<String, Set<String>> graph = dependencies();

    assertThat(graph.keySet())
        .as("the engine's packages, read from the sources")
        .contains(ROOT, ROOT + ".evidence", ROOT + ".evidence.internal", ROOT + ".table");
    assertThat(graph.get(ROOT + ".evidence")).contains(ROOT + ".evidence.internal");
    assertThat(cycles(graph)).as("package cycles in %s", graph).isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> graph =
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));

    assertThat(cycles(graph))
        .containsExactlyInAnyOrder(
            List.of("a", "b", "c", "a"), List.of("b", "c", "a", "b"), List.of("c", "a", "b", "c"));
  }
}
