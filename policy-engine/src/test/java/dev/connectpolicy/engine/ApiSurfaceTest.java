package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The engine's exported surface: the packages its module exports (read from {@code
 * module-info.java}), their public types, each with an {@link API} status.
 */
class ApiSurfaceTest {

  /** The most public types the engine exports to every module (issue 14). */
  static final int MAX_EXPORTED_TYPES = 22;

  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern EXPORTS =
      Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*(to\\s+[\\w.,\\s]+)?;");

  /** The exported packages; qualified ones (exported {@code to} named modules) if asked. */
  static List<String> exportedPackages(boolean qualified) throws IOException {
    String module = Files.readString(SOURCES.resolve("module-info.java"));
    List<String> packages = new ArrayList<>();
    Matcher exports = EXPORTS.matcher(module);
    while (exports.find()) {
      if ((exports.group(2) != null) == qualified) {
        packages.add(exports.group(1));
      }
    }
    return packages;
  }

  /** The public top-level types of a package, from its source files. */
  static List<Class<?>> publicTypes(String packageName) throws Exception {
    Path folder = SOURCES.resolve(packageName.replace('.', '/'));
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
              .map(name -> name.substring(0, name.length() - ".java".length()))
              .sorted()
              .toList();
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type = Class.forName(packageName + "." + name);
      if (Modifier.isPublic(type.getModifiers())) {
        types.add(type);
      }
    }
    return types;
  }

  private static List<Class<?>> withPublicMembers(List<Class<?>> types) {
    List<Class<?>> all = new ArrayList<>();
    for (Class<?> type : types) {
      all.add(type);
      for (Class<?> member : type.getDeclaredClasses()) {
        if (Modifier.isPublic(member.getModifiers())) {
          all.add(member);
        }
      }
    }
    return all;
  }

  @Test
  void theEngineExportsAtMostTwentyTwoPublicTypes() throws Exception {
    List<String> packages = exportedPackages(false);
    List<Class<?>> types = new ArrayList<>();
    for (String name : packages) {
      types.addAll(publicTypes(name));
    }

    assertThat(packages)
        .containsExactly("dev.connectpolicy.engine", "dev.connectpolicy.engine.evidence");
    assertThat(types).extracting(Class::getName).contains("dev.connectpolicy.engine.Rules");
    assertThat(types.size())
        .as("public types exported by the engine: %s", types)
        .isLessThanOrEqualTo(MAX_EXPORTED_TYPES);
  }

  @Test
  void everyExportedPublicTypeHasAnApiStatus() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    for (String name : exportedPackages(false)) {
      types.addAll(withPublicMembers(publicTypes(name)));
    }

    assertThat(types).isNotEmpty();
    assertThat(types)
        .as("exported public types without @API")
        .filteredOn(type -> !type.isAnnotationPresent(API.class))
        .isEmpty();
    assertThat(types)
        .as("exported public types marked INTERNAL")
        .filteredOn(type -> type.getAnnotation(API.class).status() == API.Status.INTERNAL)
        .isEmpty();
  }

  @Test
  void everyTypeExportedOnlyToOurOwnModulesIsMarkedInternal() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    for (String name : exportedPackages(true)) {
      types.addAll(withPublicMembers(publicTypes(name)));
    }

    assertThat(types).extracting(Class::getSimpleName).contains("Tabulation");
    assertThat(types)
        .as("public types of qualified exports not marked INTERNAL")
        .filteredOn(
            type ->
                !type.isAnnotationPresent(API.class)
                    || type.getAnnotation(API.class).status() != API.Status.INTERNAL)
        .isEmpty();
  }
}
