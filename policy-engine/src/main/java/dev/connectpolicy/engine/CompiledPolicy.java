package dev.connectpolicy.engine;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.engine.internal.RequestReading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A profile compiled into a lookup structure over the standard fact space: the decision of every
 * cell, computed once by the interpreted pipeline and stored in a decision diagram of three levels,
 * each indexed by three facts (identical sub-tables shared). Deciding a context is then three array
 * reads instead of a call to every rule.
 *
 * <p>Exactness. A context whose facts are all values of the standard domains is decided by the
 * stored decision of its cell, which is the interpreter's own decision object. Every other context
 * (an unknown role, a client or authentication situation outside the domains, contradictory facts,
 * a pairing state without a device, a fact of other gateways such as a credential source or a
 * workspace) is handed to the interpreted pipeline, so the compiled policy decides every context
 * exactly as the interpreted one does. Declared scopes are classified as empty or not: no rule of a
 * profile reads them (only the pipeline's acceptance hands them back), and compiling checks that
 * the ordinary and the admin scope cells of every context decide alike; an acceptance that keeps
 * non-empty scopes is rebuilt with the context's own scopes. The tests prove the compiled form
 * equal to the interpreter on every cell of every profile.
 *
 * <pre>{@code
 * ConnectPolicy fast = ConnectPolicies.compiled("openclaw-latest");
 * Decision decision = fast.evaluate(context); // equals ConnectPolicies.profile("openclaw-latest").evaluate(context)
 * }</pre>
 */
final class CompiledPolicy implements ConnectPolicy {

  /** The leaf that sends a context to the interpreter. */
  private static final int INTERPRET = 0;

  private static final int SCOPE_CLASSES = 2;
  private static final int FACTS_PER_LEVEL = 3;

  /** The order in which {@link #evaluate} combines the facts into the three levels' indices. */
  private static final List<Dimension<?>> ORDER =
      List.of(
          Dimension.ROLE,
          Dimension.SCOPES,
          Dimension.CLIENT,
          Dimension.LOCALITY,
          Dimension.ORIGIN,
          Dimension.AUTH,
          Dimension.DEVICE,
          Dimension.PAIRING,
          Dimension.CONTROL_UI);

  /** The facts the diagram does not index: every dimension but those of {@link #ORDER}. */
  private static final Dimension<?>[] FIXED =
      Dimension.all().stream()
          .filter(dimension -> !ORDER.contains(dimension))
          .toArray(Dimension<?>[]::new);

  private static final int CREDENTIALS = Credential.values().length;
  private static final int METHODS = AuthMethod.values().length;

  private final PolicyPipeline interpreted;
  private final Names roles = new Names();
  private final Names clients = new Names();
  private final int[] localities;
  private final int[] origins;
  private final Names reasons = new Names();
  private final int[] auths;
  private final int[] devices;
  private final int[] pairings;
  private final int[] controlUis = new int[4];
  private final int clientCount = Dimension.CLIENT.values().size();
  private final int originCount = Dimension.ORIGIN.values().size();
  private final int authCount = Dimension.AUTH.values().size();
  private final int pairingCount = Dimension.PAIRING.values().size();
  private final int flagCount = Dimension.CONTROL_UI.values().size();

  /** The diagram: a node is an offset into this array, its children follow it. */
  private final int[] diagram;

  /** The leaves: index 0 is {@link #INTERPRET}, then every distinct decision. */
  private final @Nullable Decision[] decisions;

  private final int root;

  private CompiledPolicy(PolicyPipeline interpreted, Builder built) {
    this.interpreted = interpreted;
    List<String> roleDomain = Dimension.ROLE.values();
    for (int i = 0; i < roleDomain.size(); i++) {
      roles.put(roleDomain.get(i), null, i);
    }
    List<Client> clientDomain = Dimension.CLIENT.values();
    for (int i = 0; i < clientDomain.size(); i++) {
      clients.put(clientDomain.get(i).id(), clientDomain.get(i).mode(), i);
    }
    this.localities = ordinals(Dimension.LOCALITY.values());
    this.origins = ordinals(Dimension.ORIGIN.values());
    List<AuthFacts> authDomain = Dimension.AUTH.values();
    for (AuthFacts auth : authDomain) {
      if (auth.reason() != null && reasons.find(auth.reason(), null) < 0) {
        reasons.put(auth.reason(), null, reasons.size() + 1);
      }
    }
    this.auths = new int[authKey(AuthMode.values().length, 0, false, 0, false, 0) + 1];
    Arrays.fill(auths, -1);
    for (int i = 0; i < authDomain.size(); i++) {
      auths[authKey(authDomain.get(i))] = i;
    }
    this.devices = ordinals(Dimension.DEVICE.values());
    this.pairings = ordinals(Dimension.PAIRING.values());
    List<ControlUiConfig> flagDomain = Dimension.CONTROL_UI.values();
    for (int i = 0; i < flagDomain.size(); i++) {
      controlUis[flagKey(flagDomain.get(i))] = i;
    }
    this.diagram = built.diagram();
    this.decisions = built.decisions.toArray(new Decision[0]);
    this.root = built.root;
  }

  /**
   * Compiles a pipeline over the standard fact space.
   *
   * @param interpreted a pipeline whose rules never read the declared scopes, such as a profile's
   * @return the compiled policy, deciding exactly as {@code interpreted}
   * @throws IllegalArgumentException if two cells that differ only in their non-empty scopes are
   *     decided differently (the pipeline reads the scopes, so it cannot be compiled)
   */
  public static CompiledPolicy compile(PolicyPipeline interpreted) {
    CompiledPolicy compiled = new CompiledPolicy(interpreted, new Builder(interpreted));
    RequestReading reading = RequestReading.of(interpreted);
    if (reading != RequestReading.DEFAULT) {
      // admit reads requests for the compiled form as its profile's release does
      RequestReading.register(compiled, reading);
    }
    return compiled;
  }

  /**
   * Returns the interpreted pipeline this was compiled from (for {@code explain}).
   *
   * @return the pipeline
   */
  public PolicyPipeline interpreted() {
    return interpreted;
  }

  @Override
  public Decision evaluate(ConnectContext context) {
    if (context == null) {
      return interpreted.evaluate(context);
    }
    int role = roles.find(context.role(), null);
    Client declared = context.client();
    int client = declared == null ? -1 : clients.find(declared.id(), declared.mode());
    int auth = authIndex(context.auth());
    if (role < 0
        || client < 0
        || auth < 0
        || context.controlUi() == null
        || context.locality() == null
        || context.origin() == null
        || context.device() == null
        || context.pairing() == null
        || !atDefaults(context)) {
      // Outside the compiled domains (or null facts, which the interpreter refuses; or a fact the
      // diagram does not index, which the standard space fixes at its default): interpret.
      return interpreted.evaluate(context);
    }
    boolean scoped = !context.scopes().isEmpty();
    // Dimension order: role, scopes, client | locality, origin, auth | device, pairing, controlUi.
    int who = (role * SCOPE_CLASSES + (scoped ? 1 : 0)) * clientCount + client;
    int where =
        (localities[context.locality().ordinal()] * originCount
                    + origins[context.origin().ordinal()])
                * authCount
            + auth;
    int proof =
        (devices[context.device().ordinal()] * pairingCount + pairings[context.pairing().ordinal()])
                * flagCount
            + controlUis[flagKey(context.controlUi())];
    int leaf = diagram[diagram[diagram[root + who] + where] + proof];
    Decision decision = decisions[leaf];
    if (decision == null) {
      return interpreted.evaluate(context);
    }
    if (scoped && decision instanceof Accept accept && !accept.scopesCleared()) {
      return new Accept(
          accept.role(), context.scopes(), false, accept.pairing(), accept.decidedBy());
    }
    return decision;
  }

  /** Whether every fact the diagram does not index is at its default, as the standard space's. */
  private static boolean atDefaults(ConnectContext context) {
    for (Dimension<?> fixed : FIXED) {
      if (!fixed.isDefault(context)) {
        return false;
      }
    }
    return true;
  }

  /** The position of an authentication situation in its domain, or -1 if it is not there. */
  private int authIndex(@Nullable AuthFacts auth) {
    if (auth == null || auth.mode() == null || auth.provided() == null || auth.method() == null) {
      return -1;
    }
    String reason = auth.reason();
    int reasonIndex = reason == null ? 0 : reasons.find(reason, null);
    if (reasonIndex < 0) {
      return -1;
    }
    return auths[
        authKey(
            auth.mode().ordinal(),
            auth.provided().ordinal(),
            auth.ok(),
            auth.method().ordinal(),
            auth.sharedAuthOk(),
            reasonIndex)];
  }

  private int authKey(AuthFacts auth) {
    String reason = auth.reason();
    return authKey(
        auth.mode().ordinal(),
        auth.provided().ordinal(),
        auth.ok(),
        auth.method().ordinal(),
        auth.sharedAuthOk(),
        reason == null ? 0 : reasons.find(reason, null));
  }

  private int authKey(
      int mode, int provided, boolean ok, int method, boolean shared, int reasonIndex) {
    int key = mode * CREDENTIALS + provided;
    key = key * 2 + (ok ? 1 : 0);
    key = key * METHODS + method;
    key = key * 2 + (shared ? 1 : 0);
    return key * (reasons.size() + 1) + reasonIndex;
  }

  private static int flagKey(ControlUiConfig flags) {
    return (flags.allowInsecureAuth() ? 1 : 0) | (flags.dangerouslyDisableDeviceAuth() ? 2 : 0);
  }

  /**
   * Decides the upgrade as the interpreted pipeline does: only whole attempts are compiled.
   *
   * @param upgrade the upgrade's facts
   * @return the interpreted pipeline's upgrade decision
   */
  @Override
  public UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
    return interpreted.evaluateUpgrade(upgrade);
  }

  /**
   * Decides the connect phase alone as the interpreted pipeline does: only whole attempts are
   * compiled.
   *
   * @param context the facts
   * @return the interpreted pipeline's connect-phase decision
   */
  @Override
  public Decision evaluateConnect(ConnectContext context) {
    return interpreted.evaluateConnect(context);
  }

  @Override
  public String toString() {
    return interpreted.name() + " (compiled)";
  }

  /**
   * A small open-addressing table from one or two strings to a position: cheaper than a {@code
   * HashMap} of records, since a string's hash is cached and nothing is boxed.
   */
  private static final class Names {
    private static final int SLOTS = 64;
    private final String[] firsts = new String[SLOTS];
    private final @Nullable String[] seconds = new String[SLOTS];
    private final int[] positions = new int[SLOTS];
    private int size;

    void put(String first, @Nullable String second, int position) {
      if (size == SLOTS / 2) {
        throw new IllegalStateException("too many names in one fact domain");
      }
      int slot = slot(first, second);
      while (firsts[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      firsts[slot] = first;
      seconds[slot] = second;
      positions[slot] = position;
      size++;
    }

    int find(@Nullable String first, @Nullable String second) {
      if (first == null) {
        return -1;
      }
      int slot = slot(first, second);
      for (String candidate = firsts[slot];
          candidate != null;
          slot = (slot + 1) & (SLOTS - 1), candidate = firsts[slot]) {
        if (candidate.equals(first) && java.util.Objects.equals(seconds[slot], second)) {
          return positions[slot];
        }
      }
      return -1;
    }

    int size() {
      return size;
    }

    private static int slot(String first, @Nullable String second) {
      int hash = first.hashCode() * 31 + (second == null ? 0 : second.hashCode());
      return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
  }

  /** Maps an enum's ordinal to its position in the domain (every constant is in the domain). */
  private static <E extends Enum<E>> int[] ordinals(List<E> domain) {
    int[] positions = new int[domain.get(0).getDeclaringClass().getEnumConstants().length];
    Arrays.fill(positions, -1);
    for (int i = 0; i < domain.size(); i++) {
      positions[domain.get(i).ordinal()] = i;
    }
    for (int position : positions) {
      if (position < 0) {
        throw new IllegalStateException("a fact domain leaves out a value of its enum");
      }
    }
    return positions;
  }

  /**
   * Builds the diagram bottom-up: the decision of every cell in a dense array indexed by the cells'
   * positions (scopes as empty or not), then each level's nodes, identical ones shared.
   */
  private static final class Builder {
    private final int[] radix;
    private final List<@Nullable Decision> decisions = new ArrayList<>();
    private final Map<Decision, Integer> leafOf = new HashMap<>();
    private @Nullable Decision lastStored;
    private int lastLeaf;
    private final List<int[]> nodes = new ArrayList<>();
    private final List<Map<Object, Integer>> positions = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private int size;
    private int root;

    Builder(PolicyPipeline interpreted) {
      List<Dimension<?>> dimensions = Dimension.openClaw();
      if (!dimensions.equals(ORDER)) {
        throw new IllegalStateException("the compiled form reads the facts in the order " + ORDER);
      }
      radix = new int[dimensions.size()];
      for (Dimension<?> dimension : dimensions) {
        Map<Object, Integer> byIdentity = new IdentityHashMap<>();
        List<?> values = dimension.values();
        for (int i = 0; i < values.size(); i++) {
          byIdentity.putIfAbsent(values.get(i), i);
        }
        positions.add(byIdentity);
      }
      for (int d = 0; d < radix.length; d++) {
        radix[d] =
            dimensions.get(d) == Dimension.SCOPES
                ? SCOPE_CLASSES
                : dimensions.get(d).values().size();
      }
      long cells = 1;
      for (int r : radix) {
        cells *= r;
      }
      int[] leaves = new int[Math.toIntExact(cells)];
      decisions.add(null);
      FactSpace.standard()
          .forEach(context -> place(leaves, context, interpreted.evaluate(context), interpreted));
      // Three levels of three facts each: three dependent reads per decision.
      int[] level = leaves;
      for (int group = radix.length / FACTS_PER_LEVEL - 1; group >= 0; group--) {
        int width = 1;
        for (int d = group * FACTS_PER_LEVEL; d < (group + 1) * FACTS_PER_LEVEL; d++) {
          width *= radix[d];
        }
        level = share(level, width);
      }
      root = level[0];
    }

    private void place(
        int[] leaves, ConnectContext context, Decision decision, PolicyPipeline interpreted) {
      int cell = 0;
      for (int d = 0; d < radix.length; d++) {
        cell = cell * radix[d] + position(d, context);
      }
      Decision stored = decision;
      if (decision instanceof Accept accept && !accept.scopesCleared()) {
        // The leaf of a scoped cell holds the acceptance with no scopes; evaluation puts the
        // context's own scopes back.
        stored = new Accept(accept.role(), List.of(), false, accept.pairing(), accept.decidedBy());
      }
      // Neighbouring cells often share their decision object: skip the lookup for a repeat.
      int leaf;
      if (stored == lastStored) {
        leaf = lastLeaf;
      } else {
        Integer known = leafOf.get(stored);
        if (known == null) {
          known = decisions.size();
          decisions.add(stored);
          leafOf.put(stored, known);
        }
        leaf = known;
        lastStored = stored;
        lastLeaf = leaf;
      }
      if (leaves[cell] != INTERPRET && leaves[cell] != leaf) {
        throw new IllegalArgumentException(
            "policy `"
                + interpreted.name()
                + "` decides cells that differ only in their declared scopes differently, at "
                + context
                + ": it cannot be compiled");
      }
      leaves[cell] = leaf;
    }

    private int position(int d, ConnectContext context) {
      Dimension<?> dimension = ORDER.get(d);
      Object value = dimension.get(context);
      if (dimension == Dimension.SCOPES) {
        return ((List<?>) value).isEmpty() ? 0 : 1;
      }
      // The standard space hands out its domains' own instances: found by identity, else by value.
      Integer known = positions.get(d).get(value);
      return known != null ? known : dimension.values().indexOf(value);
    }

    /** Groups a level's entries by parent, shares identical groups, returns the parents' nodes. */
    private int[] share(int[] children, int width) {
      Map<List<Integer>, Integer> seen = new HashMap<>();
      int[] parents = new int[children.length / width];
      for (int p = 0; p < parents.length; p++) {
        int[] group = Arrays.copyOfRange(children, p * width, (p + 1) * width);
        List<Integer> key = new ArrayList<>(width);
        for (int child : group) {
          key.add(child);
        }
        Integer offset = seen.get(key);
        if (offset == null) {
          offset = size;
          size += width;
          nodes.add(group);
          offsets.add(offset);
          seen.put(key, offset);
        }
        parents[p] = offset;
      }
      return parents;
    }

    int[] diagram() {
      int[] diagram = new int[size];
      for (int n = 0; n < nodes.size(); n++) {
        int[] group = nodes.get(n);
        System.arraycopy(group, 0, diagram, offsets.get(n), group.length);
      }
      return diagram;
    }
  }
}
