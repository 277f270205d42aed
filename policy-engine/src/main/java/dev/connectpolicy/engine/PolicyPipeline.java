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
import dev.connectpolicy.api.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A policy made of stages, evaluated in order: a rejecting rule ends the evaluation, passing and
 * admitting rules add their effects, and a context that passes every stage is accepted with the
 * effective role, scopes and pairing action the effects establish.
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
public final class PolicyPipeline implements ConnectPolicy {

  /** The id named by an acceptance that no rule admitted explicitly. */
  public static final String ACCEPT = "accept";

  private static final String CONTEXT_MISSING_ID = "context.missing";

  private static final int PAIRING_ACTIONS = PairingAction.values().length;

  private final String name;
  private final String description;
  private final Stage[] stages;
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

  private PolicyPipeline(String name, String description, List<Stage> stages) {
    this.name = name;
    this.description = description;
    this.stages = stages.toArray(new Stage[0]);
    this.scopelessAccepts = new Accept[this.stages.length][][];
    for (int s = 0; s < this.stages.length; s++) {
      Rule[] rules = this.stages[s].ruleArray();
      scopelessAccepts[s] = new Accept[rules.length + 1][];
      for (int r = 0; r < rules.length; r++) {
        scopelessAccepts[s][r] = scopeless(rules[r].id());
      }
      scopelessAccepts[s][rules.length] = scopeless(this.stages[s].otherwise().id());
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
   * Finds a rule of this pipeline by id, including stage defaults.
   *
   * @param id a rule id
   * @return the rule, or empty
   */
  public Optional<Rule> rule(String id) {
    for (Stage stage : stages) {
      for (Rule rule : stage.rules()) {
        if (rule.id().equals(id)) {
          return Optional.of(rule);
        }
      }
      if (stage.otherwise().id().equals(id)) {
        return Optional.of(stage.otherwise());
      }
    }
    return Optional.empty();
  }

  @Override
  public Decision evaluate(ConnectContext context) {
    return run(context, null);
  }

  /**
   * Evaluates with a trace of every rule consulted. The decision equals what {@link
   * #evaluate(ConnectContext)} returns.
   *
   * @param context the facts
   * @return the decision and its trace
   */
  public Explanation explain(ConnectContext context) {
    List<TraceEntry> trace = new ArrayList<>();
    Decision decision = run(context, trace);
    return new Explanation(decision, trace);
  }

  private Decision run(@Nullable ConnectContext context, @Nullable List<TraceEntry> trace) {
    if (context == null) {
      return contextMissing;
    }
    Effects established = Effects.none();
    String admittedBy = ACCEPT;
    Accept[] admittedScopeless = scopelessDefault;
    for (int s = 0; s < stages.length; s++) {
      Stage stage = stages[s];
      Rule[] rules = stage.ruleArray();
      Rule decider = stage.otherwise();
      int deciderIndex = rules.length;
      Verdict verdict = null;
      for (int r = 0; r < rules.length; r++) {
        Rule rule = rules[r];
        Verdict candidate = consult(rule, context, established);
        if (candidate == null) {
          return failed(stage, rule, trace);
        }
        if (candidate.kind() != Verdict.Kind.ABSTAIN) {
          decider = rule;
          deciderIndex = r;
          verdict = candidate;
          break;
        }
        if (trace != null) {
          trace.add(entry(stage, rule, candidate));
        }
      }
      if (verdict == null) {
        verdict = consult(decider, context, established);
        if (verdict == null) {
          return failed(stage, decider, trace);
        }
      }
      if (trace != null) {
        trace.add(entry(stage, decider, verdict));
      }
      switch (verdict.kind()) {
        case REJECT:
          return named(verdict.reject(), decider);
        case ADMIT:
          admittedBy = decider.id();
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

  private static @Nullable Verdict consult(Rule rule, ConnectContext context, Effects established) {
    try {
      return rule.evaluate(context, established);
    } catch (RuntimeException failure) {
      return null;
    }
  }

  private static TraceEntry entry(Stage stage, Rule rule, Verdict verdict) {
    Reject reject = verdict.reject();
    return new TraceEntry(
        stage.name(),
        rule.id(),
        verdict.kind(),
        verdict.effects(),
        reject == null ? null : reject.code());
  }

  /** A rejection always names the rule that returned it. */
  private static Reject named(@Nullable Reject reject, Rule decider) {
    if (reject == null) {
      throw new AssertionError("a reject verdict always carries its rejection");
    }
    if (reject.decidedBy().equals(decider.id())) {
      return reject;
    }
    return new Reject(
        reject.code(),
        reject.reason(),
        reject.message(),
        reject.close(),
        decider.id(),
        reject.authAdvice(),
        reject.hint());
  }

  private static Reject failed(Stage stage, Rule rule, @Nullable List<TraceEntry> trace) {
    String message = "policy rule `" + rule.id() + "` failed; the connection is refused";
    Reject reject =
        new Reject(
            RejectCode.INTERNAL_ERROR,
            null,
            message,
            Close.of(Close.INTERNAL_ERROR, "policy evaluation failed"),
            rule.id(),
            null,
            null);
    if (trace != null) {
      trace.add(
          new TraceEntry(
              stage.name(), rule.id(), Verdict.Kind.REJECT, Effects.none(), reject.code()));
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
  public static final class Builder {
    private final String name;
    private String description = "";
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
     * @throws IllegalArgumentException if two rules or two stages share an id, or the name is blank
     */
    public PolicyPipeline build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a policy needs a name");
      }
      Set<String> ids = new HashSet<>();
      Set<String> stageNames = new HashSet<>();
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
      return new PolicyPipeline(name, description, stages);
    }
  }
}
