package dev.connectpolicy.testkit;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
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

  /**
   * Two layers that disagree, as Moltis's did before PR #382: the upgrade refuses every request
   * that brings no credential on the upgrade itself, while the connect phase accepts whatever
   * authenticated, so a credential of the connect frame never gets there.
   */
  static final ConnectPolicy GATED_UPGRADE =
      new ConnectPolicy() {
        @Override
        public Decision evaluate(ConnectContext context) {
          UpgradeDecision upgrade = evaluateUpgrade(context.upgrade());
          return upgrade.isRejected() ? upgrade.reject() : evaluateConnect(context);
        }

        @Override
        public UpgradeDecision evaluateUpgrade(UpgradeContext upgrade) {
          return upgrade.mode() == AuthMode.NONE || upgrade.verified()
              ? UpgradeDecision.accept("gate.authenticated")
              : UpgradeDecision.reject(
                  401,
                  Reject.of(RejectCode.AUTH_UNAUTHORIZED, null, "not authenticated", "gate.login"));
        }

        @Override
        public Decision evaluateConnect(ConnectContext context) {
          return context.auth().ok()
              ? new Accept(
                  Role.OPERATOR, List.of(), true, PairingAction.NONE, "frame.authenticated")
              : DENIED;
        }
      };
}
