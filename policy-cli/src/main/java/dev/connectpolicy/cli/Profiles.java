package dev.connectpolicy.cli;

import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.Profile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Profile names on the command line: converts a name or alias to its {@link Profile}, suggesting
 * the nearest name for a misspelt one, and lists every name and alias for completion.
 */
final class Profiles implements ITypeConverter<Profile>, Iterable<String> {

  @Override
  public Profile convert(String name) {
    return Profile.named(name)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown profile `"
                        + name
                        + "`"
                        + nearest(name, accepted())
                            .map(near -> " (did you mean `" + near + "`?)")
                            .orElse("")
                        + ", expected one of "
                        + String.join(", ", ConnectPolicies.names())));
  }

  @Override
  public Iterator<String> iterator() {
    return accepted().iterator();
  }

  /** Every name {@code --profile} accepts: the profiles' names, then their aliases. */
  static List<String> accepted() {
    List<String> names = new ArrayList<>(ConnectPolicies.names());
    names.addAll(ConnectPolicies.aliases().keySet());
    return names;
  }

  /**
   * The candidate nearest to {@code name} in edit distance, if it is near enough to be a slip: at
   * most a third of the name's length in edits.
   */
  static Optional<String> nearest(String name, List<String> candidates) {
    String best = null;
    int bestDistance = Math.max(1, name.length() / 3) + 1;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
