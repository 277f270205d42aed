package dev.connectpolicy.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The connection may proceed, with this effective role and these effective scopes.
 *
 * @param role the effective role
 * @param scopes the effective scopes: the declared ones, or none when the policy cleared them
 * @param scopesCleared whether the policy cleared the declared scopes
 * @param pairing what pairing did
 * @param decidedBy the id of the last rule that admitted the connection
 */
public record Accept(
    Role role, List<String> scopes, boolean scopesCleared, PairingAction pairing, String decidedBy)
    implements Decision {

  /**
   * Copies the scopes.
   *
   * @param role the effective role
   * @param scopes the effective scopes: the declared ones, or none when the policy cleared them
   * @param scopesCleared whether the policy cleared the declared scopes
   * @param pairing what pairing did
   * @param decidedBy the id of the last rule that admitted the connection
   */
  public Accept {
    Objects.requireNonNull(role, "role");
    scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(pairing, "pairing");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }

  @Override
  public Outcome outcome() {
    return Outcome.ACCEPT;
  }

  @Override
  public <T> T fold(
      Function<? super Accept, ? extends T> onAccept,
      Function<? super Reject, ? extends T> onReject) {
    return onAccept.apply(this);
  }
}
