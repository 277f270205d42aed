package dev.connectpolicy.testkit;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import java.util.List;

/** Small hand-written policies: the testkit must work on any policy, not only the engine's. */
final class TestPolicies {

  private TestPolicies() {}

  static final Reject DENIED =
      Reject.of(RejectCode.DEVICE_IDENTITY_REQUIRED, null, "device identity required", "deny");

  /** Refuses everything. */
  static final ConnectPolicy DENY_ALL = context -> DENIED;

  /** Accepts every known role with its declared scopes: breaks most invariants. */
  static final ConnectPolicy ACCEPT_ALL =
      context ->
          Role.parse(context.role())
              .<dev.connectpolicy.api.Decision>map(
                  role ->
                      new Accept(role, context.scopes(), false, PairingAction.NONE, "accept-all"))
              .orElse(Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role"));

  /** Accepts only nodes on loopback: a hole exactly when role=node and locality=direct_local. */
  static final ConnectPolicy LOOPBACK_NODES =
      context ->
          context.role().equals("node") && context.local()
              ? new Accept(Role.NODE, List.of(), true, PairingAction.NONE, "loopback-node")
              : DENIED;
}
