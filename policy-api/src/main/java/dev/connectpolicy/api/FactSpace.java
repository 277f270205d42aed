package dev.connectpolicy.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The finite space of facts: the cartesian product of every {@link Dimension}'s domain, less the
 * combinations that contradict each other, with the pairing state collapsed where it means nothing.
 *
 * <p>Because the space is finite, a policy can be evaluated on every cell of it: that is what
 * decision tables, table diffs and the exhaustive tests do.
 *
 * <pre>{@code
 * FactSpace.standard().forEach(context -> check(policy.evaluate(context)));
 * long cells = FactSpace.standard().size();
 * FactSpace nodes = FactSpace.standard().restrict(Dimension.ROLE, List.of("node"));
 * }</pre>
 *
 * <h2>Consistency</h2>
 *
 * A context is consistent when none of these rules is broken ({@link #contradictions}):
 *
 * <ol>
 *   <li>mode {@code none} never fails; a failed result carries the method OpenClaw defaults it to
 *       ({@code password} in password mode, {@code token} otherwise) and no verified shared secret;
 *   <li>a successful method is one the mode allows: {@code none} or {@code bootstrap-token} in mode
 *       none; the mode's own secret, {@code tailscale}, {@code device-token} or {@code
 *       bootstrap-token} in token and password modes; {@code trusted-proxy}, {@code device-token}
 *       or {@code bootstrap-token} in trusted-proxy mode;
 *   <li>{@code sharedAuthOk} holds exactly when a successful method is {@code token}, {@code
 *       password} or {@code trusted-proxy};
 *   <li>a successful method fits the credential sent: the token method needs a token, password a
 *       password, tailscale no credential, device-token a device token or the shared token (which
 *       OpenClaw also tries as a device token), bootstrap-token a bootstrap token;
 *   <li>device and bootstrap tokens are only checked for a client that presents a device identity:
 *       a success by either method, and the reasons {@code device_token_mismatch}, {@code
 *       device_token_scope_mismatch} and {@code bootstrap_token_invalid}, need a device;
 *   <li>the container and shared-secret localities need a verified shared secret (method token or
 *       password); {@code browser_container_local} is only the Control UI ({@code
 *       openclaw-control-ui}, mode {@code webchat}) with an Origin; {@code cli_container_local} is
 *       only the CLI ({@code cli}, mode {@code cli}) without one; {@code
 *       shared_secret_loopback_local} has no Origin;
 *   <li>the facts are OpenClaw's: no credential or method of other gateways (session cookie, API
 *       key, ticket, JWT), a credential from the connect frame only, no workspace, no count of
 *       failed attempts (OpenClaw's rate limiter reports the reason {@code rate_limited}).
 * </ol>
 *
 * <h2>Collapsed facts</h2>
 *
 * Without a device identity the pairing state means nothing, so such contexts are enumerated with
 * the pairing domain's first value only.
 *
 * <h2>Other gateways</h2>
 *
 * The standard space is OpenClaw's: it enumerates OpenClaw's nine dimensions ({@link
 * Dimension#openClaw()}) and fixes the facts OpenClaw has no notion of (credential source,
 * workspace, failed attempts) at their defaults, so they never multiply its cells. A gateway with
 * other facts builds its own space, whose consistency rules are its own:
 *
 * <pre>{@code
 * FactSpace tickets = FactSpace.builder()
 *     .with(Dimension.AUTH, List.of(missing, ticketOk, ticketInvalid))
 *     .with(Dimension.CREDENTIAL_SOURCE, List.of(CredentialSource.CONNECT, CredentialSource.QUERY))
 *     .where(context -> context.auth().provided() == Credential.TICKET
 *         || context.credentialSource() == CredentialSource.CONNECT)
 *     .build();
 * }</pre>
 */
public final class FactSpace implements Iterable<ConnectContext> {

  private static final FactSpace STANDARD = standardSpace();

  /** Every dimension's domain; a dimension the space does not enumerate has its default only. */
  private final Map<Dimension<?>, List<?>> domains;

  /** The dimensions the space enumerates, in {@link Dimension#all()} order. */
  private final List<Dimension<?>> enumerated;

  /** Whether OpenClaw's consistency rules (the class comment's) apply. */
  private final boolean openClawRules;

  /** The space's own consistency rules. */
  private final List<Constraint> rules;

  /** The number of cells once counted ({@link #size()}), or -1: the space never changes. */
  private volatile long size = -1;

  private FactSpace(
      Map<Dimension<?>, List<?>> domains,
      List<Dimension<?>> enumerated,
      boolean openClawRules,
      List<Constraint> rules) {
    this.domains = domains;
    this.enumerated = enumerated;
    this.openClawRules = openClawRules;
    this.rules = rules;
  }

  private static FactSpace standardSpace() {
    Builder builder = builder();
    for (Dimension<?> dimension : Dimension.openClaw()) {
      builder.withStandard(dimension);
    }
    return builder.build(true);
  }

  /**
   * Returns the standard space, OpenClaw's: its nine dimensions with their standard domains, the
   * other facts at their defaults, OpenClaw's consistency rules.
   *
   * @return the standard space
   */
  public static FactSpace standard() {
    return STANDARD;
  }

  /**
   * Returns a space whose {@code dimension} takes only the given values, which may lie outside the
   * standard domain (a role such as {@code "admin"}, say); the space enumerates the dimension from
   * then on, even one it had fixed at its default.
   *
   * @param dimension the dimension to restrict
   * @param values its values, in enumeration order; at least one
   * @param <T> the dimension's value type
   * @return the restricted space
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public <T> FactSpace restrict(Dimension<T> dimension, List<? extends T> values) {
    Map<Dimension<?>, List<?>> map = new LinkedHashMap<>(domains);
    map.put(dimension, checked(dimension, values));
    List<Dimension<?>> more = new ArrayList<>();
    for (Dimension<?> candidate : Dimension.all()) {
      if (candidate == dimension || enumerated.contains(candidate)) {
        more.add(candidate);
      }
    }
    return new FactSpace(map, List.copyOf(more), openClawRules, rules);
  }

  private static <T> List<T> checked(Dimension<T> dimension, List<? extends T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "dimension `" + dimension.name() + "` needs at least one value");
    }
    return List.copyOf(values);
  }

  /**
   * Returns a space of only the cells that also satisfy {@code rule}: a consistency rule of this
   * space, which {@link #contains} and the enumeration apply.
   *
   * @param rule which contexts are consistent
   * @return the narrower space
   */
  public FactSpace where(Predicate<? super ConnectContext> rule) {
    return where(Constraint.anything("where", rule));
  }

  /**
   * Returns a space of only the cells that also satisfy a named constraint; one that declares the
   * dimensions it reads lets the enumeration skip every cell that agrees with a broken one on them.
   *
   * @param constraint which contexts are consistent
   * @return the narrower space
   */
  public FactSpace where(Constraint constraint) {
    List<Constraint> more = new ArrayList<>(rules);
    more.add(java.util.Objects.requireNonNull(constraint, "constraint"));
    return new FactSpace(domains, enumerated, openClawRules, List.copyOf(more));
  }

  /**
   * Returns the space's own consistency rules, in the order they were given (OpenClaw's, which the
   * standard space applies, are not among them).
   *
   * @return the constraints
   */
  public List<Constraint> constraints() {
    return rules;
  }

  /**
   * Starts a space of one's own: every dimension fixed at its default until given a domain, and no
   * consistency rule but the space's own (OpenClaw's rules are the standard space's).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the dimensions this space enumerates; it fixes every other at its default.
   *
   * @return the dimensions, in {@link Dimension#all()} order
   */
  public List<Dimension<?>> dimensions() {
    return enumerated;
  }

  /**
   * Returns the columns of this space's decision tables: those of the dimensions it enumerates, in
   * table order ({@link Dimension#tableColumns()}). The standard space's are OpenClaw's fifteen; a
   * gateway's own space shows its own facts and leaves out those it fixes.
   *
   * @return the columns
   */
  public List<Dimension.Column> columns() {
    List<Dimension.Column> columns = new ArrayList<>();
    for (Dimension.Column column : Dimension.tableColumns()) {
      if (enumerated.contains(column.dimension())) {
        columns.add(column);
      }
    }
    return List.copyOf(columns);
  }

  /**
   * Returns a space whose {@code dimension} keeps only the values {@code keep} accepts.
   *
   * @param dimension the dimension to restrict
   * @param keep which of its current values to keep
   * @param <T> the dimension's value type
   * @return the restricted space
   * @throws IllegalArgumentException if no value is kept
   */
  public <T> FactSpace filter(Dimension<T> dimension, Predicate<? super T> keep) {
    List<T> kept = new ArrayList<>();
    for (T value : domain(dimension)) {
      if (keep.test(value)) {
        kept.add(value);
      }
    }
    return restrict(dimension, kept);
  }

  /**
   * Returns the values {@code dimension} takes in this space.
   *
   * @param dimension a dimension
   * @param <T> its value type
   * @return the values, in enumeration order
   */
  @SuppressWarnings("unchecked") // the map only ever holds a dimension with a list of its own type
  public <T> List<T> domain(Dimension<T> dimension) {
    return (List<T>) domains.get(dimension);
  }

  /**
   * Counts the consistent contexts of this space by enumerating them.
   *
   * @return the number of cells
   */
  public long size() {
    long counted = size;
    if (counted < 0) {
      long[] count = {0};
      forEach(context -> count[0]++);
      counted = count[0];
      size = counted;
    }
    return counted;
  }

  /**
   * Calls {@code action} with every consistent context, in enumeration order: the first dimension
   * varies slowest.
   *
   * @param action what to do with each context
   */
  @Override
  public void forEach(Consumer<? super ConnectContext> action) {
    Iterator<ConnectContext> iterator = iterator();
    while (iterator.hasNext()) {
      action.accept(iterator.next());
    }
  }

  /**
   * Iterates over every consistent context, in enumeration order.
   *
   * @return a new iterator
   */
  @Override
  public Iterator<ConnectContext> iterator() {
    return new Cells();
  }

  /**
   * Streams every consistent context, in enumeration order.
   *
   * @return a sequential stream
   */
  public Stream<ConnectContext> contexts() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  /**
   * Draws a consistent context at random: each dimension's value uniformly, redrawn until the
   * combination is consistent and canonical.
   *
   * @param random the source of randomness, seeded by the caller for reproducibility
   * @return a context of this space
   * @throws IllegalStateException if no consistent context was found in many draws
   */
  public ConnectContext random(Random random) {
    List<Dimension<?>> dimensions = new ArrayList<>(domains.keySet());
    for (int attempt = 0; attempt < 10_000; attempt++) {
      ConnectContext.Builder builder = ConnectContext.builder();
      for (Dimension<?> dimension : dimensions) {
        setRandom(builder, dimension, random);
      }
      ConnectContext candidate = builder.build();
      if (isCanonical(candidate) && consistent(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no consistent context found in this space");
  }

  private <T> void setRandom(
      ConnectContext.Builder builder, Dimension<T> dimension, Random random) {
    List<T> values = domain(dimension);
    dimension.set(builder, values.get(random.nextInt(values.size())));
  }

  /**
   * Tells whether a context belongs to this space: each fact in its dimension's domain, consistent
   * and canonical.
   *
   * @param context a context
   * @return true if enumeration yields an equal context
   */
  public boolean contains(ConnectContext context) {
    for (Map.Entry<Dimension<?>, List<?>> entry : domains.entrySet()) {
      if (!entry.getValue().contains(entry.getKey().get(context))) {
        return false;
      }
    }
    return isCanonical(context) && consistent(context);
  }

  /** This space's consistency: OpenClaw's rules if they apply, and the space's own. */
  private boolean consistent(ConnectContext context) {
    if (openClawRules && !isConsistent(context)) {
      return false;
    }
    for (Constraint rule : rules) {
      if (!rule.test().test(context)) {
        return false;
      }
    }
    return true;
  }

  private boolean isCanonical(ConnectContext context) {
    return context.device().isPresent() || context.pairing() == domain(Dimension.PAIRING).get(0);
  }

  /**
   * Tells whether a context's facts agree with each other (the rules of the class comment).
   *
   * @param context a context
   * @return true if no rule is broken
   */
  public static boolean isConsistent(ConnectContext context) {
    return isConsistent(context.auth())
        && crossViolations(
                context.client(),
                context.locality(),
                context.origin(),
                context.auth(),
                context.device())
            == 0
        && foreignFacts(context).isEmpty();
  }

  /**
   * Tells whether authentication facts agree with each other (rules 1 to 4 of the class comment).
   *
   * @param auth authentication facts
   * @return true if no rule is broken
   */
  public static boolean isConsistent(AuthFacts auth) {
    return AuthSituations.violations(auth) == 0;
  }

  /**
   * Lists the consistency rules a context breaks, each as a message naming the facts involved.
   *
   * @param context a context
   * @return the messages; empty for a consistent context
   */
  public static List<String> contradictions(ConnectContext context) {
    AuthFacts auth = context.auth();
    List<String> found = new ArrayList<>(AuthSituations.contradictions(auth));
    int broken =
        crossViolations(
            context.client(), context.locality(), context.origin(), auth, context.device());
    if ((broken & NEEDS_DEVICE_METHOD) != 0) {
      found.add("method `" + auth.method().wire() + "` needs a device identity");
    }
    if ((broken & NEEDS_DEVICE_REASON) != 0) {
      found.add("reason `" + auth.reason() + "` needs a device identity");
    }
    if ((broken & LOCALITY_MISFIT) != 0) {
      found.add(
          "locality `"
              + context.locality().wire()
              + "` does not fit client `"
              + context.client()
              + "`, origin `"
              + context.origin().wire()
              + "` and auth `"
              + AuthSituations.describe(auth)
              + "`");
    }
    for (Dimension<?> dimension : foreignFacts(context)) {
      found.add(notOpenClaws(dimension, context));
    }
    return found;
  }

  /** The optional facts, those of other gateways, that a context has at another value. */
  private static List<Dimension<?>> foreignFacts(ConnectContext context) {
    List<Dimension<?>> foreign = List.of();
    for (Dimension<?> dimension : Dimension.all()) {
      if (dimension.isOptional() && !dimension.isDefault(context)) {
        if (foreign.isEmpty()) {
          foreign = new ArrayList<>(1);
        }
        foreign.add(dimension);
      }
    }
    return foreign;
  }

  /** Why an optional fact at another value than its default is not one of OpenClaw's facts. */
  private static String notOpenClaws(Dimension<?> dimension, ConnectContext context) {
    if (dimension == Dimension.CREDENTIAL_SOURCE) {
      return "credential source `"
          + context.credentialSource().wire()
          + "`: OpenClaw reads credentials from the connect frame only";
    }
    if (dimension == Dimension.WORKSPACE) {
      return "workspace `" + context.workspace().wire() + "`: OpenClaw has no workspaces";
    }
    if (dimension == Dimension.FAILED_ATTEMPTS) {
      return dimension.formatOf(context)
          + " failed attempts: OpenClaw's rate limiter reports reason `rate_limited` instead";
    }
    return "field `"
        + dimension.field()
        + "` is `"
        + dimension.formatOf(context)
        + "`: not a fact of OpenClaw's";
  }

  private static final int NEEDS_DEVICE_METHOD = 1;
  private static final int NEEDS_DEVICE_REASON = 1 << 1;
  private static final int LOCALITY_MISFIT = 1 << 2;

  /** The rules that relate authentication to other facts, as a bit set; allocation free. */
  private static int crossViolations(
      Client client, Locality locality, OriginCheck origin, AuthFacts auth, DeviceProof device) {
    int broken = 0;
    if (!device.isPresent()) {
      if (auth.ok()
          && (auth.method() == AuthMethod.DEVICE_TOKEN
              || auth.method() == AuthMethod.BOOTSTRAP_TOKEN)) {
        broken |= NEEDS_DEVICE_METHOD;
      }
      String reason = auth.reason();
      Optional<AuthFailure> failure = reason == null ? Optional.empty() : AuthFailure.parse(reason);
      if (failure.isPresent() && failure.get().needsDevice()) {
        broken |= NEEDS_DEVICE_REASON;
      }
    }
    if (locality != Locality.REMOTE && locality != Locality.DIRECT_LOCAL) {
      boolean sharedSecret = auth.ok() && auth.sharedAuthOk() && auth.method().isSharedSecret();
      boolean hasOrigin = origin != OriginCheck.ABSENT;
      boolean fits =
          switch (locality) {
            case BROWSER_CONTAINER_LOCAL ->
                client.isBrowserControlUi() && client.mode().equals("webchat") && hasOrigin;
            case CLI_CONTAINER_LOCAL -> client.isCli() && !hasOrigin;
            default -> !hasOrigin;
          };
      if (!sharedSecret || !fits) {
        broken |= LOCALITY_MISFIT;
      }
    }
    return broken;
  }

  /**
   * The odometer over the dimensions' domains, skipping inconsistent and collapsed cells. When a
   * cell breaks a rule, every cell that shares its values up to the innermost dimension the rule
   * reads breaks it too, so the odometer skips them all at once.
   */
  private final class Cells implements Iterator<ConnectContext> {
    private final Dimension<?>[] dimensions;
    private final Object[][] values;
    private final int[] index;
    private final boolean[] authConsistent;

    /**
     * Under OpenClaw's rules, for each dimension, which of its values is a fact of other gateways
     * (an optional dimension's value other than its default); null for a dimension with none.
     */
    private final boolean[] @Nullable [] foreign;

    private final int client;
    private final int locality;
    private final int origin;
    private final int auth;
    private final int device;
    private final int pairing;
    private final int lastForeign;

    /** For each constraint, the innermost dimension it reads: where a broken one skips to. */
    private final int[] skipTo;

    private @Nullable ConnectContext built;
    private boolean exhausted;

    Cells() {
      dimensions = domains.keySet().toArray(new Dimension<?>[0]);
      values = new Object[dimensions.length][];
      for (int d = 0; d < values.length; d++) {
        values[d] = domains.get(dimensions[d]).toArray();
      }
      List<Dimension<?>> order = List.of(dimensions);
      index = new int[values.length];
      client = order.indexOf(Dimension.CLIENT);
      locality = order.indexOf(Dimension.LOCALITY);
      origin = order.indexOf(Dimension.ORIGIN);
      auth = order.indexOf(Dimension.AUTH);
      device = order.indexOf(Dimension.DEVICE);
      pairing = order.indexOf(Dimension.PAIRING);
      int last = -1;
      for (int d = 0; d < dimensions.length; d++) {
        if (dimensions[d].isOptional()) {
          last = d;
        }
      }
      lastForeign = last;
      foreign = new boolean[dimensions.length][];
      for (int d = 0; d < dimensions.length; d++) {
        if (dimensions[d].isOptional()) {
          boolean[] marks = new boolean[values[d].length];
          boolean any = false;
          for (int i = 0; i < marks.length; i++) {
            marks[i] = !dimensions[d].defaultValue().equals(values[d][i]);
            any |= marks[i];
          }
          foreign[d] = any ? marks : null;
        }
      }
      skipTo = new int[rules.size()];
      for (int r = 0; r < skipTo.length; r++) {
        Set<Dimension<?>> reads = rules.get(r).reads();
        int innermost = reads.isEmpty() ? dimensions.length - 1 : -1;
        for (int d = 0; d < dimensions.length; d++) {
          if (reads.contains(dimensions[d])) {
            innermost = d;
          }
        }
        skipTo[r] = Math.max(innermost, 0);
      }
      authConsistent = new boolean[values[auth].length];
      for (int i = 0; i < authConsistent.length; i++) {
        authConsistent[i] = !openClawRules || isConsistent((AuthFacts) values[auth][i]);
      }
      int broken = violation();
      if (broken >= 0) {
        advance(broken);
      }
    }

    private Object value(int dimension) {
      return values[dimension][index[dimension]];
    }

    /**
     * Returns -1 for a valid cell, else the innermost dimension that the broken rule reads: every
     * cell that agrees with this one up to that dimension breaks the rule too. A valid cell of a
     * space with rules of its own is built here, to test them, and kept for {@link #next()}.
     */
    private int violation() {
      built = null;
      DeviceProof proof = (DeviceProof) value(device);
      if (!proof.isPresent() && index[pairing] != 0) {
        return Math.max(device, pairing);
      }
      if (!authConsistent[index[auth]]) {
        return auth;
      }
      if (openClawRules) {
        if (crossViolations(
                (Client) value(client),
                (Locality) value(locality),
                (OriginCheck) value(origin),
                (AuthFacts) value(auth),
                proof)
            != 0) {
          return Math.max(Math.max(Math.max(client, locality), Math.max(origin, auth)), device);
        }
        for (int d = 0; d < dimensions.length; d++) {
          boolean[] marks = foreign[d];
          if (marks != null && marks[index[d]]) {
            return lastForeign;
          }
        }
      }
      if (!rules.isEmpty()) {
        ConnectContext candidate = build();
        for (int r = 0; r < rules.size(); r++) {
          if (!rules.get(r).test().test(candidate)) {
            return skipTo[r];
          }
        }
        built = candidate;
      }
      return -1;
    }

    /**
     * Moves to the next valid cell, or marks the iteration exhausted.
     *
     * @param from the dimension to advance: the innermost one for the next cell, or the one a
     *     broken rule reads, to skip every cell inside it
     */
    private void advance(int from) {
      int i = from;
      while (true) {
        for (int inner = i + 1; inner < index.length; inner++) {
          index[inner] = 0;
        }
        while (i >= 0 && ++index[i] == values[i].length) {
          index[i] = 0;
          i--;
        }
        if (i < 0) {
          exhausted = true;
          return;
        }
        i = violation();
        if (i < 0) {
          return;
        }
      }
    }

    private ConnectContext build() {
      ConnectContext.Builder builder = ConnectContext.builder();
      for (int d = 0; d < index.length; d++) {
        dimensions[d].setUnchecked(builder, value(d));
      }
      return builder.build();
    }

    @Override
    public boolean hasNext() {
      return !exhausted;
    }

    @Override
    public ConnectContext next() {
      if (exhausted) {
        throw new NoSuchElementException();
      }
      ConnectContext result = built != null ? built : build();
      advance(index.length - 1);
      return result;
    }
  }

  /**
   * A named consistency rule of a fact space and the dimensions it reads. When a cell breaks it,
   * every cell that agrees with that one on the dimensions it reads breaks it too, so the
   * enumeration skips them all at once; a rule that declares nothing is taken to read every
   * dimension.
   *
   * @param name the rule's name, for messages
   * @param test which contexts are consistent
   * @param reads the dimensions {@code test} reads; empty for any
   */
  public record Constraint(
      String name, Predicate<? super ConnectContext> test, Set<Dimension<?>> reads) {

    /**
     * Checks the parts and copies the dimensions.
     *
     * @param name the rule's name
     * @param test which contexts are consistent
     * @param reads the dimensions {@code test} reads; empty for any
     */
    public Constraint {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(test, "test");
      reads = Set.copyOf(java.util.Objects.requireNonNull(reads, "reads"));
    }

    /**
     * A constraint that reads the given dimensions, and only them.
     *
     * @param name the rule's name
     * @param test which contexts are consistent
     * @param reads every dimension {@code test} reads; at least one
     * @return the constraint
     * @throws IllegalArgumentException if no dimension is given
     */
    public static Constraint of(
        String name, Predicate<? super ConnectContext> test, Dimension<?>... reads) {
      if (reads.length == 0) {
        throw new IllegalArgumentException(
            "constraint `" + name + "` must name the dimensions it reads");
      }
      return new Constraint(name, test, Set.of(reads));
    }

    static Constraint anything(String name, Predicate<? super ConnectContext> test) {
      return new Constraint(name, test, Set.of());
    }
  }

  /**
   * Builds a {@link FactSpace} of one's own: the dimensions given a domain are enumerated, every
   * other is fixed at its default; the rules given are the space's consistency. Not thread-safe.
   */
  public static final class Builder {
    private final Map<Dimension<?>, List<?>> domains = new LinkedHashMap<>();
    private final List<Constraint> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Enumerates a dimension over the given values (which may lie outside its standard domain).
     *
     * @param dimension the dimension
     * @param values its values, in enumeration order; at least one
     * @param <T> the dimension's value type
     * @return this builder
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public <T> Builder with(Dimension<T> dimension, List<? extends T> values) {
      domains.put(dimension, checked(dimension, values));
      return this;
    }

    private <T> void withStandard(Dimension<T> dimension) {
      with(dimension, dimension.values());
    }

    /**
     * Adds a consistency rule: only the contexts it accepts are cells of the space.
     *
     * @param rule which contexts are consistent
     * @return this builder
     */
    public Builder where(Predicate<? super ConnectContext> rule) {
      return where(Constraint.anything("where", rule));
    }

    /**
     * Adds a named consistency rule that declares the dimensions it reads, so that the enumeration
     * skips every cell that agrees with a broken one on them.
     *
     * <pre>{@code
     * builder.where("query-needs-credential",
     *     context -> context.auth().provided() != Credential.NONE
     *         || context.credentialSource() == CredentialSource.CONNECT,
     *     Dimension.AUTH, Dimension.CREDENTIAL_SOURCE);
     * }</pre>
     *
     * @param name the rule's name, for messages
     * @param rule which contexts are consistent
     * @param reads every dimension {@code rule} reads
     * @return this builder
     */
    public Builder where(
        String name, Predicate<? super ConnectContext> rule, Dimension<?>... reads) {
      return where(Constraint.of(name, rule, reads));
    }

    /**
     * Adds a consistency rule.
     *
     * @param constraint which contexts are consistent
     * @return this builder
     */
    public Builder where(Constraint constraint) {
      rules.add(java.util.Objects.requireNonNull(constraint, "constraint"));
      return this;
    }

    /**
     * Builds the space.
     *
     * @return the space
     */
    public FactSpace build() {
      return build(false);
    }

    private FactSpace build(boolean openClawRules) {
      Map<Dimension<?>, List<?>> all = new LinkedHashMap<>();
      List<Dimension<?>> enumerated = new ArrayList<>();
      for (Dimension<?> dimension : Dimension.all()) {
        List<?> values = domains.get(dimension);
        if (values == null) {
          all.put(dimension, List.of(dimension.defaultValue()));
        } else {
          all.put(dimension, values);
          enumerated.add(dimension);
        }
      }
      return new FactSpace(all, List.copyOf(enumerated), openClawRules, List.copyOf(rules));
    }
  }
}
