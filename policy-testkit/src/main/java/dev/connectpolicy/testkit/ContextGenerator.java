package dev.connectpolicy.testkit;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Locality;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable description of a set of contexts: a fact space, narrowed by dimension and by
 * predicate. Every configurator returns a new generator; the same generator enumerates its contexts
 * exhaustively ({@link #exhaustive()}) or draws them at random from a seed ({@link #random(long)}).
 *
 * <pre>{@code
 * ContextGenerator loopbackNodes = ConnectContexts.all().local().withRole("node").withoutDevice();
 * loopbackNodes.exhaustive().forEach(context -> ...);
 * }</pre>
 */
public final class ContextGenerator {

  private final FactSpace space;
  private final List<Predicate<ConnectContext>> filters;
  private final List<String> description;

  ContextGenerator(
      FactSpace space, List<Predicate<ConnectContext>> filters, List<String> description) {
    this.space = space;
    this.filters = List.copyOf(filters);
    this.description = List.copyOf(description);
  }

  /**
   * Narrows a dimension to the given values (which may lie outside its standard domain).
   *
   * @param dimension the dimension
   * @param values its values
   * @param <T> the dimension's value type
   * @return the narrower generator
   */
  @SafeVarargs
  public final <T> ContextGenerator with(Dimension<T> dimension, T... values) {
    List<String> texts = new ArrayList<>();
    List<T> domain = new ArrayList<>();
    for (T value : values) {
      texts.add(dimension.format(value));
      domain.add(value);
    }
    return new ContextGenerator(
        space.restrict(dimension, domain), filters, append(dimension.name() + " in " + texts));
  }

  /**
   * Keeps the contexts a predicate accepts.
   *
   * @param what a short description, shown in failure messages
   * @param predicate the predicate
   * @return the narrower generator
   */
  public ContextGenerator where(String what, Predicate<ConnectContext> predicate) {
    List<Predicate<ConnectContext>> more = new ArrayList<>(filters);
    more.add(predicate);
    return new ContextGenerator(space, more, append(what));
  }

  /**
   * Only declared roles among {@code roles}.
   *
   * @param roles the roles, such as {@code "node"}
   * @return the narrower generator
   */
  public ContextGenerator withRole(String... roles) {
    return with(Dimension.ROLE, roles);
  }

  /**
   * Only the given declared clients.
   *
   * @param clients the clients
   * @return the narrower generator
   */
  public ContextGenerator withClient(Client... clients) {
    return with(Dimension.CLIENT, clients);
  }

  /**
   * Only clients that are not local in any sense: locality {@code remote}.
   *
   * @return the narrower generator
   */
  public ContextGenerator remote() {
    return with(Dimension.LOCALITY, Locality.REMOTE);
  }

  /**
   * Only direct loopback clients.
   *
   * @return the narrower generator
   */
  public ContextGenerator local() {
    return with(Dimension.LOCALITY, Locality.DIRECT_LOCAL);
  }

  /**
   * Only connections without a device identity.
   *
   * @return the narrower generator
   */
  public ContextGenerator withoutDevice() {
    return with(Dimension.DEVICE, DeviceProof.ABSENT);
  }

  /**
   * Only connections with a device identity, verified or not.
   *
   * @return the narrower generator
   */
  public ContextGenerator withDevice() {
    List<DeviceProof> present = new ArrayList<>();
    for (DeviceProof proof : space.domain(Dimension.DEVICE)) {
      if (proof.isPresent()) {
        present.add(proof);
      }
    }
    return with(Dimension.DEVICE, present.toArray(new DeviceProof[0]));
  }

  /**
   * Only authentication situations a predicate accepts.
   *
   * @param what a short description
   * @param predicate the predicate on authentication facts
   * @return the narrower generator
   */
  public ContextGenerator withAuth(String what, Predicate<AuthFacts> predicate) {
    List<AuthFacts> kept = new ArrayList<>();
    for (AuthFacts auth : space.domain(Dimension.AUTH)) {
      if (predicate.test(auth)) {
        kept.add(auth);
      }
    }
    return new ContextGenerator(
        space.restrict(Dimension.AUTH, kept), filters, append("auth: " + what));
  }

  private List<String> append(String what) {
    List<String> more = new ArrayList<>(description);
    more.add(what);
    return more;
  }

  /**
   * Tells whether a context belongs to this generator's set.
   *
   * @param context a context
   * @return true if exhaustive enumeration yields it
   */
  public boolean contains(ConnectContext context) {
    return space.contains(context) && accepts(context);
  }

  private boolean accepts(ConnectContext context) {
    for (Predicate<ConnectContext> filter : filters) {
      if (!filter.test(context)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every context of the set, in the fact space's order.
   *
   * @return a sequential stream
   */
  public Stream<ConnectContext> exhaustive() {
    return space.contexts().filter(this::accepts);
  }

  /**
   * Counts the contexts of the set by enumerating them.
   *
   * @return the count
   */
  public long size() {
    return exhaustive().count();
  }

  /**
   * An endless stream of contexts of the set, drawn uniformly per dimension from {@code seed}: the
   * same seed gives the same stream.
   *
   * @param seed the seed; failure messages report it
   * @return an infinite stream
   * @throws IllegalStateException (when consumed) if the set is too sparse to draw from
   */
  public Stream<ConnectContext> random(long seed) {
    Random random = new Random(seed);
    return Stream.generate(
        () -> {
          for (int attempt = 0; attempt < 100_000; attempt++) {
            ConnectContext candidate = space.random(random);
            if (accepts(candidate)) {
              return candidate;
            }
          }
          throw new IllegalStateException("no context of " + this + " found in 100000 draws");
        });
  }

  /**
   * Returns the fact space before the predicates.
   *
   * @return the space
   */
  public FactSpace space() {
    return space;
  }

  @Override
  public String toString() {
    return description.isEmpty()
        ? "all contexts"
        : description.stream().collect(Collectors.joining(", ", "contexts with ", ""));
  }
}
