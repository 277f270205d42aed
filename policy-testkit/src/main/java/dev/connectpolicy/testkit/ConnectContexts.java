package dev.connectpolicy.testkit;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The testkit's entry point for contexts: generators over the fact space, and the description of a
 * context as its facts that differ from the defaults.
 *
 * <pre>{@code
 * ConnectContexts.all().exhaustive()                       // all 2,668,896 contexts
 * ConnectContexts.all().remote().withRole("node")          // a narrower set
 * ConnectContexts.all().random(42).limit(10_000)           // seeded random draws
 * }</pre>
 */
public final class ConnectContexts {

  private ConnectContexts() {}

  /**
   * Every context of the standard fact space.
   *
   * @return the generator
   */
  public static ContextGenerator all() {
    return of(FactSpace.standard());
  }

  /**
   * Every context of a given fact space.
   *
   * @param space the space
   * @return the generator
   */
  public static ContextGenerator of(FactSpace space) {
    return new ContextGenerator(space, List.of(), List.of());
  }

  /**
   * The facts of a context that differ from each dimension's default, for messages: {@code
   * role=node, locality=direct_local}. The defaults are each dimension's first standard value.
   *
   * @param context the context
   * @return the non-default facts, or {@code all defaults}
   */
  public static String describe(ConnectContext context) {
    StringJoiner facts = new StringJoiner(", ");
    for (Dimension<?> dimension : nonDefault(context)) {
      facts.add(dimension.name() + "=" + dimension.formatOf(context));
    }
    return facts.length() == 0 ? "all defaults" : facts.toString();
  }

  /**
   * The dimensions in which a context differs from the defaults.
   *
   * @param context the context
   * @return those dimensions, in order
   */
  public static List<Dimension<?>> nonDefault(ConnectContext context) {
    List<Dimension<?>> differing = new ArrayList<>();
    for (Dimension<?> dimension : Dimension.all()) {
      if (!dimension.get(context).equals(dimension.defaultValue())) {
        if (dimension == Dimension.PAIRING && !context.device().isPresent()) {
          continue;
        }
        differing.add(dimension);
      }
    }
    return differing;
  }
}
