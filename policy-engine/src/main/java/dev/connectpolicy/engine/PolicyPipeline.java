package dev.connectpolicy.engine;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Effect;
import dev.connectpolicy.api.Effects;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.TraceEntry;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.UpgradeRule;
import dev.connectpolicy.api.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A policy made of stages, evaluated in order: a rejecting rule ends the evaluation, passing and
 * admitting rules add their effects, and a context that passes every stage is accepted with the
 * effective role, scopes and pairing action the effects establish.
 *
 * <p>A pipeline may have an upgrade phase: upgrade rules ({@link UpgradeRule}) that decide the HTTP
 * upgrade request from its facts alone ({@link ConnectContext#upgrade()}), in order, the first that
 * answers deciding, every upgrade deferred when none does. {@link #evaluate} then decides the whole
 * attempt: an upgrade the phase rejects is rejected, otherwise the stages decide ({@link
 * #evaluateConnect}). Without upgrade rules every upgrade is deferred and {@link #evaluate} is the
 * stages alone, as in OpenClaw, which admits at the connect frame.
 *
 * <p>The pipeline fails closed: a rule that throws or returns null ends the evaluation with an
 * {@link RejectCode#INTERNAL_ERROR} rejection naming the rule, and a null context is rejected as
 * {@link RejectCode#INVALID_CONTEXT}.
 *
 * <pre>{@code
 * PolicyPipeline policy = PolicyPipeline.builder("loopback-nodes")
 *     .description("nodes only from loopback")
 *     .stage(Stage.of("role", Rules.knownRole()))
 *     .stage(Stage.of("device", Rules.devicePresent(), Rules.operatorSharedAuth())
 *         .otherwise(Rules.deviceIdentityRequired()))
 *     .build();
 * Explanation why = policy.explain(context);
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class PolicyPipeline implements ConnectPolicy {

  /** The id named by an acceptance that no rule admitted explicitly. */
  public static final String ACCEPT = "accept";

  private static final String CONTEXT_MISSING_ID = "context.missing";

  /** The id named by a deferral when no upgrade rule answered. */
  public static final String UPGRADE_DEFAULT = "upgrade.default";

  /** The stage name of the upgrade phase in traces. */
  public static final String UPGRADE_STAGE = "upgrade";

  private static final int PAIRING_ACTIONS = PairingAction.values().length;

  private final String name;
  private final String description;
  private final Stage[] stages;

  /**
   * The rules' ids, read once when the pipeline is built: {@code [stage][rule]}, the stage's
   * default last. Evaluation never calls {@link Rule#id()}, so a rule whose id fails later cannot
   * break a decision or a trace.
   */
  private final String[][] ids;

  private final UpgradeRule[] upgradeRules;
  private final String[] upgradeIds;
  private final UpgradeDecision upgradeDefault = UpgradeDecision.defer(UPGRADE_DEFAULT);
  private final Reject contextMissing;
  private final Reject roleUnknown;

  /**
   * Every acceptance whose scopes are empty (declared so, or cleared), by role, clearing and
   * pairing action, for each admitting rule: {@code [stage][rule]}, the stage's default last. Such
   * decisions are shared, so evaluation allocates nothing.
   */
  private final Accept[][][] scopelessAccepts;

  /** The same for an acceptance that no rule admitted explicitly ({@link #ACCEPT}). */
  private final Accept[] scopelessDefault;

  private PolicyPipeline(
      String name, String description, List<UpgradeRule> upgradeRules, List<Stage> stages) {
    this.name = name;
    this.description = description;
    this.upgradeRules = upgradeRules.toArray(new UpgradeRule[0]);
    this.upgradeIds = new String[this.upgradeRules.length];
    for (int u = 0; u < upgradeIds.length; u++) {
      upgradeIds[u] = this.upgradeRules[u].id();
    }
    this.stages = stages.toArray(new Stage[0]);
    this.ids = new String[this.stages.length][];
    this.scopelessAccepts = new Accept[this.stages.length][][];
    for (int s = 0; s < this.stages.length; s++) {
      Rule[] rules = this.stages[s].ruleArray();
      ids[s] = new String[rules.length + 1];
      for (int r = 0; r < rules.length; r++) {
        ids[s][r] = rules[r].id();
      }
      ids[s][rules.length] = this.stages[s].otherwise().id();
      scopelessAccepts[s] = new Accept[rules.length + 1][];
      for (int r = 0; r <= rules.length; r++) {
        scopelessAccepts[s][r] = scopeless(ids[s][r]);
      }
    }
    this.scopelessDefault = scopeless(ACCEPT);
    this.contextMissing =
        Reject.of(RejectCode.INVALID_CONTEXT, null, "no context to evaluate", CONTEXT_MISSING_ID);
    this.roleUnknown =
        Reject.of(
            RejectCode.INVALID_ROLE,
            null,
            "invalid role (no stage of policy `" + name + "` checked it)",
            ACCEPT);
  }

  private static Accept[] scopeless(String admittedBy) {
    Accept[] accepts = new Accept[Role.values().length * 2 * PAIRING_ACTIONS];
    for (Role role : Role.values()) {
      for (int cleared = 0; cleared < 2; cleared++) {
        for (PairingAction action : PairingAction.values()) {
          accepts[scopelessIndex(role, cleared == 1, action)] =
              new Accept(role, List.of(), cleared == 1, action, admittedBy);
        }
      }
    }
    return accepts;
  }

  /**
   * Starts a pipeline.
   *
   * @param name the policy's name, such as {@code recommended}
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns the policy's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the one-line description.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the stages in order.
   *
   * @return the stages
   */
  public List<Stage> stages() {
    return List.of(stages);
  }

  /**
   * Returns the upgrade phase's rules in order; empty when the pipeline decides everything at the
   * connect frame.
   *
   * @return the upgrade rules
   */
  public List<UpgradeRule> upgradeRules() {
    return List.of(upgradeRules);
  }

  /**
   * Tells whether the pipeline decides anything at the HTTP upgrade.
   *
   * @return true if it has upgrade rules
   */
  public boolean hasUpgradePhase() {
    return upgradeRules.length > 0;
  }

  /**
   * Finds a rule of this pipeline by id, including stage defaults.
   *
   * @param id a rule id
   * @return the rule, or empty
   */
  public Optional<Rule> rule(String id) {
    for (int s = 0; s < stages.length; s++) {
      Rule[] rules = stages[s].ruleArray();
      for (int r = 0; r < rules.length; r++) {
        if (ids[s][r].equals(id)) {
          return Optional.of(rules[r]);
        }
      }
      if (ids[s][rules.length].equals(id)) {
        return Optional.of(stages[s].otherwise());
      }
    }
    return Optional.empty();
  }

  /**
   * Decides the whole attempt: the upgrade phase's rejection if it rejects the upgrade, otherwise
   * the stages' decision.
   *
   * @param context the facts
   * @return the decision
   */
  @Override
  public Decision evaluate(ConnectContext context) {
    if (upgradeRules.length > 0 && context != null) {
      UpgradeDecision upgrade = upgrade(context.upgrade(), null, null);
      Reject refused = upgrade.reject();
      if (refused != null) {
        return refused;
      }
    }
    return run(context, null, null);
  }

  /**
   * Decides the HTTP upgrade request: the first upgrade rule that answers; a deferral by {@value
   * #UPGRADE_DEFAULT} when none does, by {@link UpgradeDecision#NO_UPGRADE_PHASE} when the pipeline
   * has no upgrade rules. A rule that throws or answers null refuses the upgrade with status 500
   * and an {@code INTERNAL_ERROR} naming it.
   *
   * @param upgrade the facts of the upgrade request
   * @return the decision
   */
  @Override
  public UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
    return upgrade(upgrade, null, null);
  }

  /**
   * Decides at the connect frame with the stages alone, as if the upgrade had been let through.
   *
   * @param context the facts
   * @return the stages' decision
   */
  @Override
  public Decision evaluateConnect(ConnectContext context) {
    return run(context, null, null);
  }

  /**
   * Evaluates with a trace of every rule consulted, the upgrade rules first (stage {@value
   * #UPGRADE_STAGE}). The decision equals what {@link #evaluate(ConnectContext)} returns; when it
   * is the rejection of a rule that threw, the explanation keeps what it threw ({@link
   * Explanation#failure()}).
   *
   * @param context the facts
   * @return the decision and its trace
   */
  public Explanation explain(ConnectContext context) {
    List<TraceEntry> trace = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    if (upgradeRules.length > 0 && context != null) {
      Reject refused = upgrade(context.upgrade(), trace, failure).reject();
      if (refused != null) {
        return new Explanation(refused, trace, failure[0]);
      }
    }
    Decision decision = run(context, trace, failure);
    return new Explanation(decision, trace, failure[0]);
  }

  private UpgradeDecision upgrade(
      UpgradeContext upgrade,
      @Nullable List<TraceEntry> trace,
      @Nullable Throwable @Nullable [] failure) {
    if (upgradeRules.length == 0) {
      return UpgradeDecision.deferred();
    }
    for (int u = 0; u < upgradeRules.length; u++) {
      String id = upgradeIds[u];
      Optional<UpgradeDecision> answer;
      try {
        answer = upgradeRules[u].evaluate(upgrade);
      } catch (Throwable thrown) {
        answer = null;
        keep(thrown, failure);
      }
      if (answer == null) {
        UpgradeDecision failed = UpgradeDecision.reject(500, failedReject(id));
        if (trace != null) {
          trace.add(upgradeEntry(id, failed));
        }
        return failed;
      }
      if (answer.isPresent()) {
        UpgradeDecision decision = named(answer.get(), id);
        if (trace != null) {
          trace.add(upgradeEntry(id, decision));
        }
        return decision;
      }
      if (trace != null) {
        trace.add(new TraceEntry(UPGRADE_STAGE, id, Verdict.Kind.ABSTAIN, Effects.none(), null));
      }
    }
    if (trace != null) {
      trace.add(upgradeEntry(UPGRADE_DEFAULT, upgradeDefault));
    }
    return upgradeDefault;
  }

  private static TraceEntry upgradeEntry(String rule, UpgradeDecision decision) {
    Verdict.Kind kind =
        switch (decision.outcome()) {
          case ACCEPT -> Verdict.Kind.ADMIT;
          case DEFER -> Verdict.Kind.PASS;
          case REJECT -> Verdict.Kind.REJECT;
        };
    Reject reject = decision.reject();
    return new TraceEntry(
        UPGRADE_STAGE, rule, kind, Effects.none(), reject == null ? null : reject.code());
  }

  /** An upgrade decision always names the rule that made it. */
  private static UpgradeDecision named(UpgradeDecision decision, String rule) {
    if (decision.decidedBy().equals(rule)) {
      return decision;
    }
    Reject reject = decision.reject();
    return reject == null
        ? new UpgradeDecision(decision.outcome(), decision.status(), null, rule)
        : UpgradeDecision.reject(
            decision.status(),
            new Reject(
                reject.code(),
                reject.reason(),
                reject.message(),
                reject.close(),
                rule,
                reject.authAdvice(),
                reject.hint()));
  }

  private Decision run(
      @Nullable ConnectContext context,
      @Nullable List<TraceEntry> trace,
      @Nullable Throwable @Nullable [] failure) {
    if (context == null) {
      return contextMissing;
    }
    Effects established = Effects.none();
    String admittedBy = ACCEPT;
    Accept[] admittedScopeless = scopelessDefault;
    for (int s = 0; s < stages.length; s++) {
      Stage stage = stages[s];
      Rule[] rules = stage.ruleArray();
      String[] stageIds = ids[s];
      Rule decider = stage.otherwise();
      int deciderIndex = rules.length;
      Verdict verdict = null;
      for (int r = 0; r < rules.length; r++) {
        Verdict candidate = consult(rules[r], context, established, failure);
        if (candidate == null) {
          return failed(stage, stageIds[r], trace);
        }
        if (candidate.kind() != Verdict.Kind.ABSTAIN) {
          decider = rules[r];
          deciderIndex = r;
          verdict = candidate;
          break;
        }
        if (trace != null) {
          trace.add(entry(stage, stageIds[r], candidate));
        }
      }
      String deciderId = stageIds[deciderIndex];
      if (verdict == null) {
        verdict = consult(decider, context, established, failure);
        if (verdict == null) {
          return failed(stage, deciderId, trace);
        }
      }
      if (trace != null) {
        trace.add(entry(stage, deciderId, verdict));
      }
      switch (verdict.kind()) {
        case REJECT:
          return named(verdict.reject(), deciderId);
        case ADMIT:
          admittedBy = deciderId;
          admittedScopeless = scopelessAccepts[s][deciderIndex];
          established = established.plus(verdict.effects());
          break;
        default:
          established = established.plus(verdict.effects());
          break;
      }
    }
    return accept(context, established, admittedBy, admittedScopeless);
  }

  /**
   * A rule's verdict, or null if it threw: whatever it threw (a stack overflow, an assertion, a
   * checked exception thrown sneakily) ends the evaluation with the rejection naming the rule,
   * except a virtual machine error other than a stack overflow (out of memory, an internal error),
   * which leaves the whole machine in doubt and propagates.
   */
  private static @Nullable Verdict consult(
      Rule rule,
      ConnectContext context,
      Effects established,
      @Nullable Throwable @Nullable [] failure) {
    try {
      return rule.evaluate(context, established);
    } catch (Throwable thrown) {
      keep(thrown, failure);
      return null;
    }
  }

  /** Rethrows what must propagate; otherwise keeps what a rule threw for the explanation. */
  private static void keep(Throwable thrown, @Nullable Throwable @Nullable [] failure) {
    if (thrown instanceof VirtualMachineError fatal && !(thrown instanceof StackOverflowError)) {
      throw fatal;
    }
    if (failure != null) {
      failure[0] = thrown;
    }
  }

  private static TraceEntry entry(Stage stage, String rule, Verdict verdict) {
    Reject reject = verdict.reject();
    return new TraceEntry(
        stage.name(),
        rule,
        verdict.kind(),
        verdict.effects(),
        reject == null ? null : reject.code());
  }

  /** A rejection always names the rule that returned it. */
  private static Reject named(@Nullable Reject reject, String decider) {
    if (reject == null) {
      throw new AssertionError("a reject verdict always carries its rejection");
    }
    if (reject.decidedBy().equals(decider)) {
      return reject;
    }
    return new Reject(
        reject.code(),
        reject.reason(),
        reject.message(),
        reject.close(),
        decider,
        reject.authAdvice(),
        reject.hint());
  }

  private static Reject failedReject(String rule) {
    String message = "policy rule `" + rule + "` failed; the connection is refused";
    return new Reject(
        RejectCode.INTERNAL_ERROR,
        null,
        message,
        Close.of(Close.INTERNAL_ERROR, "policy evaluation failed"),
        rule,
        null,
        null);
  }

  private static Reject failed(Stage stage, String rule, @Nullable List<TraceEntry> trace) {
    Reject reject = failedReject(rule);
    if (trace != null) {
      trace.add(
          new TraceEntry(stage.name(), rule, Verdict.Kind.REJECT, Effects.none(), reject.code()));
    }
    return reject;
  }

  private Decision accept(
      ConnectContext context, Effects established, String admittedBy, Accept[] scopeless) {
    Optional<Role> role = Role.parse(context.role());
    if (role.isEmpty()) {
      return roleUnknown;
    }
    boolean cleared = established.has(Effect.CLEAR_SCOPES);
    if (cleared || context.scopes().isEmpty()) {
      return scopeless[scopelessIndex(role.get(), cleared, established.pairingAction())];
    }
    return new Accept(role.get(), context.scopes(), false, established.pairingAction(), admittedBy);
  }

  private static int scopelessIndex(Role role, boolean cleared, PairingAction action) {
    return (role.ordinal() * 2 + (cleared ? 1 : 0)) * PAIRING_ACTIONS + action.ordinal();
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link PolicyPipeline}; rule ids must be unique across the whole pipeline. */
  @API(status = API.Status.STABLE)
  public static final class Builder {
    private final String name;
    private String description = "";
    private final List<UpgradeRule> upgradeRules = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the one-line description.
     *
     * @param text the description
     * @return this builder
     */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /**
     * Appends rules to the upgrade phase, which decides the HTTP upgrade request before any stage:
     * the first rule that answers decides; when none does, the upgrade is deferred.
     *
     * @param rules the upgrade rules, in order
     * @return this builder
     */
    public Builder upgrade(UpgradeRule... rules) {
      upgradeRules.addAll(List.of(rules));
      return this;
    }

    /**
     * Appends a stage.
     *
     * @param stage the stage
     * @return this builder
     */
    public Builder stage(Stage stage) {
      stages.add(stage);
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     * @throws IllegalArgumentException if two rules or two stages share an id, a stage is named
     *     {@value #UPGRADE_STAGE}, or the name is blank
     */
    public PolicyPipeline build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a policy needs a name");
      }
      Set<String> ids = new HashSet<>();
      ids.add(UPGRADE_DEFAULT);
      for (UpgradeRule rule : upgradeRules) {
        if (!ids.add(rule.id())) {
          throw new IllegalArgumentException(
              "policy `" + name + "` has two rules with id `" + rule.id() + "`");
        }
      }
      Set<String> stageNames = new HashSet<>();
      stageNames.add(UPGRADE_STAGE);
      for (Stage stage : stages) {
        if (!stageNames.add(stage.name())) {
          throw new IllegalArgumentException(
              "policy `" + name + "` has two stages named `" + stage.name() + "`");
        }
        List<Rule> all = new ArrayList<>(stage.rules());
        all.add(stage.otherwise());
        for (Rule rule : all) {
          if (!ids.add(rule.id())) {
            throw new IllegalArgumentException(
                "policy `" + name + "` has two rules with id `" + rule.id() + "`");
          }
        }
      }
      return new PolicyPipeline(name, description, upgradeRules, stages);
    }
  }
}
