package dev.connectpolicy.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable set of {@link Effect}s. Every possible set exists once, so combining effects never
 * allocates.
 */
public final class Effects {

  private static final Effect[] EFFECTS = Effect.values();
  private static final Effects[] ALL = new Effects[1 << EFFECTS.length];

  static {
    for (int bits = 0; bits < ALL.length; bits++) {
      ALL[bits] = new Effects(bits);
    }
  }

  private final int bits;
  private final List<Effect> members;
  private final PairingAction pairingAction;

  private Effects(int bits) {
    this.bits = bits;
    List<Effect> list = new ArrayList<>();
    PairingAction action = PairingAction.NONE;
    for (Effect effect : EFFECTS) {
      if ((bits & (1 << effect.ordinal())) != 0) {
        list.add(effect);
        PairingAction candidate = effect.pairingAction();
        if (candidate != null) {
          action = candidate;
        }
      }
    }
    this.members = Collections.unmodifiableList(list);
    this.pairingAction = action;
  }

  /**
   * Returns the empty set.
   *
   * @return no effects
   */
  public static Effects none() {
    return ALL[0];
  }

  /**
   * Returns the set of the given effects.
   *
   * @param effects the effects
   * @return the set
   */
  public static Effects of(Effect... effects) {
    int bits = 0;
    for (Effect effect : effects) {
      bits |= 1 << effect.ordinal();
    }
    return ALL[bits];
  }

  /**
   * Tells whether the set holds {@code effect}.
   *
   * @param effect the effect
   * @return true if present
   */
  public boolean has(Effect effect) {
    return (bits & (1 << effect.ordinal())) != 0;
  }

  /**
   * Returns the union of this set and {@code other}.
   *
   * @param other another set
   * @return the union
   */
  public Effects plus(Effects other) {
    return ALL[bits | other.bits];
  }

  /**
   * Tells whether the set is empty.
   *
   * @return true for {@link #none()}
   */
  public boolean isEmpty() {
    return bits == 0;
  }

  /**
   * Lists the effects in declaration order.
   *
   * @return an unmodifiable list
   */
  public List<Effect> asList() {
    return members;
  }

  /**
   * Returns the pairing action these effects establish: the last pairing effect in declaration
   * order, or {@link PairingAction#NONE}.
   *
   * @return the pairing action
   */
  public PairingAction pairingAction() {
    return pairingAction;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  @Override
  public String toString() {
    return members.toString();
  }
}
