package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.InvalidContextException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing context towards the defaults: for each dimension, try its values that come
 * before the current one in the domain (the first is the default), and keep the first that still
 * fails and stays in the generator's set; repeat until nothing changes. Each step moves one fact
 * closer to its default, so this ends, at a context no single fact of which can be simplified.
 */
final class Minimiser {

  private Minimiser() {}

  static ConnectContext minimise(
      ConnectContext failing, Predicate<ConnectContext> fails, ContextGenerator within) {
    ConnectContext current = failing;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Dimension<?> dimension : Dimension.all()) {
        ConnectContext simpler = simplify(current, dimension, fails, within);
        if (simpler != null) {
          current = simpler;
          changed = true;
        }
      }
    }
    return current;
  }

  private static <T> ConnectContext simplify(
      ConnectContext context,
      Dimension<T> dimension,
      Predicate<ConnectContext> fails,
      ContextGenerator within) {
    List<T> domain = within.space().domain(dimension);
    T value = dimension.get(context);
    int position = domain.indexOf(value);
    int end = position < 0 ? domain.size() : position;
    for (int i = 0; i < end; i++) {
      ConnectContext candidate;
      try {
        candidate = dimension.with(context, domain.get(i));
      } catch (InvalidContextException impossible) {
        continue;
      }
      if (within.contains(candidate) && fails.test(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
