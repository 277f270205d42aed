package dev.connectpolicy.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule's answer: abstain, pass the stage, admit, or reject.
 *
 * <p>Within a stage the first rule that does not abstain decides. {@link Kind#PASS} and {@link
 * Kind#ADMIT} both let the evaluation go on to the next stage, with their effects; an admitting
 * rule is also named as the decider of the acceptance, if nothing later admits or rejects.
 *
 * <p>Verdicts are immutable; rules build the ones they return once, so evaluation allocates
 * nothing.
 */
public final class Verdict {

  /** The four kinds of verdict. */
  public enum Kind implements WireValue {
    /** The rule does not apply; the next rule of the stage is asked. */
    ABSTAIN("abstain"),
    /** The stage is passed; the evaluation goes on. */
    PASS("pass"),
    /** The stage is passed and this rule is what admits the connection. */
    ADMIT("admit"),
    /** The connection is rejected; the evaluation ends. */
    REJECT("reject");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  private static final Verdict ABSTAIN = new Verdict(Kind.ABSTAIN, Effects.none(), null);
  private static final Verdict PASS = new Verdict(Kind.PASS, Effects.none(), null);
  private static final Verdict ADMIT = new Verdict(Kind.ADMIT, Effects.none(), null);

  private final Kind kind;
  private final Effects effects;
  private final @Nullable Reject reject;

  private Verdict(Kind kind, Effects effects, @Nullable Reject reject) {
    this.kind = kind;
    this.effects = effects;
    this.reject = reject;
  }

  /**
   * The rule does not apply.
   *
   * @return the shared abstain verdict
   */
  public static Verdict abstain() {
    return ABSTAIN;
  }

  /**
   * The stage is passed with these effects.
   *
   * @param effects the effects established
   * @return the verdict
   */
  public static Verdict pass(Effect... effects) {
    return effects.length == 0 ? PASS : new Verdict(Kind.PASS, Effects.of(effects), null);
  }

  /**
   * The stage is passed, this rule admits the connection, with these effects.
   *
   * @param effects the effects established
   * @return the verdict
   */
  public static Verdict admit(Effect... effects) {
    return effects.length == 0 ? ADMIT : new Verdict(Kind.ADMIT, Effects.of(effects), null);
  }

  /**
   * The connection is rejected.
   *
   * @param reject the rejection, naming this rule in {@link Reject#decidedBy()}
   * @return the verdict
   */
  public static Verdict reject(Reject reject) {
    return new Verdict(Kind.REJECT, Effects.none(), Objects.requireNonNull(reject, "reject"));
  }

  /**
   * Returns the kind of verdict.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the effects this verdict establishes.
   *
   * @return the effects; empty for abstain and reject
   */
  public Effects effects() {
    return effects;
  }

  /**
   * Returns the rejection of a {@link Kind#REJECT} verdict.
   *
   * @return the rejection, or null for other kinds
   */
  public @Nullable Reject reject() {
    return reject;
  }

  @Override
  public String toString() {
    if (reject != null) {
      return "reject " + reject.code().wire();
    }
    return effects.isEmpty() ? kind.wire() : kind.wire() + " " + effects;
  }
}
