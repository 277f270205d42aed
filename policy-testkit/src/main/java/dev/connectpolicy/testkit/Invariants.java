package dev.connectpolicy.testkit;

import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.UpgradeDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;

/**
 * The security invariants that OpenClaw's admission history and its peers' bugs ask of any policy,
 * each with the bug or review it comes from. Run them all against a policy with {@link
 * #dynamicTests}, or pick some with {@link PolicyAssertions#assertThat(ConnectPolicy)}.
 */
public final class Invariants {

  private Invariants() {}

  private static boolean isTrustedProxyOperator(ConnectContext context) {
    return context.auth().mode() == AuthMode.TRUSTED_PROXY
        && context.auth().ok()
        && context.auth().method() == AuthMethod.TRUSTED_PROXY
        && context.role().equals(Role.OPERATOR.wire());
  }

  private static @Nullable String roleOf(Decision decision) {
    return decision.fold(accept -> accept.role().wire(), reject -> null);
  }

  /** A connection whose authentication failed is never accepted. */
  public static final Invariant FAILED_AUTH_NEVER_ACCEPTED =
      Invariant.of(
          "failed-auth-never-accepted",
          "a connection whose authentication failed is never accepted",
          "every gateway; OpenClaw's auth gate (reference section 2.1, R12)",
          (context, decision) ->
              !context.auth().ok() && decision.isAccepted()
                  ? "accepted although authentication failed (`" + context.auth().reason() + "`)"
                  : null);

  /** A remote client without a verified device is only ever accepted as an operator. */
  public static final Invariant REMOTE_WITHOUT_DEVICE_IS_OPERATOR_ONLY =
      Invariant.of(
          "remote-without-device-is-operator-only",
          "a remote client without a verified device never gets a non-operator role",
          "#45405, #35966: the Control UI bypass admitted device-less nodes",
          (context, decision) -> {
            String role = roleOf(decision);
            return context.locality() == Locality.REMOTE
                    && context.device() != DeviceProof.VERIFIED
                    && role != null
                    && !role.equals(Role.OPERATOR.wire())
                ? "a remote client without a verified device was accepted as `" + role + "`"
                : null;
          });

  /**
   * A device-less browser Control UI is only admitted as an operator, and only under its flag
   * ({@code dangerouslyDisableDeviceAuth}, or {@code allowInsecureAuth} on loopback) or a trusted
   * proxy's authentication.
   */
  public static final Invariant CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR =
      Invariant.of(
          "control-ui-bypass-needs-flag-and-operator",
          "the Control UI device bypass requires its flag and the operator role",
          "#45405, #35966 (bypass must not admit nodes), PR #48285 review",
          (context, decision) -> {
            if (!context.client().isBrowserControlUi()
                || context.device() == DeviceProof.VERIFIED
                || !decision.isAccepted()
                || isTrustedProxyOperator(context)) {
              return null;
            }
            boolean flag =
                context.controlUi().dangerouslyDisableDeviceAuth()
                    || (context.controlUi().allowInsecureAuth() && context.local());
            if (!Role.OPERATOR.wire().equals(roleOf(decision))) {
              return "a Control UI without a verified device was accepted as `"
                  + roleOf(decision)
                  + "`";
            }
            return flag
                ? null
                : "a Control UI without a verified device was accepted with no flag set";
          });

  /** No loopback exemption applies to a Control UI client claiming the node role. */
  public static final Invariant NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI =
      Invariant.of(
          "no-loopback-exemption-for-control-ui",
          "a device-less Control UI claiming the node role is refused, loopback or not",
          "PR #48285 review: the node-loopback guard must exclude the Control UI",
          (context, decision) ->
              context.client().isBrowserControlUi()
                      && context.role().equals(Role.NODE.wire())
                      && !context.device().isPresent()
                      && !context.controlUi().dangerouslyDisableDeviceAuth()
                      && decision.isAccepted()
                  ? "a device-less Control UI was accepted as a node"
                  : null);

  /** A backend claim with the shared secret and no device never keeps its declared scopes. */
  public static final Invariant BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE =
      Invariant.of(
          "backend-claim-keeps-no-scopes-without-device",
          "a gateway-client/backend claim with a shared secret and no device never keeps"
              + " self-declared scopes",
          "#72418 (CVSS 9.3): any loopback process could keep admin scopes this way",
          (context, decision) ->
              context.client().isBackend()
                      && !context.device().isPresent()
                      && context.auth().method().isSharedSecret()
                      && decision.fold(accept -> !accept.scopes().isEmpty(), reject -> false)
                  ? "a device-less backend claim kept its declared scopes " + context.scopes()
                  : null);

  /** A role upgrade is never accepted without a person's approval. */
  public static final Invariant DECLARED_ROLE_NEVER_WIDENS_APPROVAL =
      Invariant.of(
          "declared-role-never-widens-approval",
          "a device asking for a role it was not approved for is not accepted",
          "pairing (reference section 2.7): roles are approved by a person, not declared",
          (context, decision) ->
              context.device().isPresent()
                      && context.pairing() == PairingState.ROLE_UPGRADE
                      && decision.isAccepted()
                  ? "a role upgrade was accepted without approval ("
                      + decision.fold(a -> a.pairing().wire(), r -> "")
                      + ")"
                  : null);

  /** A presented device whose proof failed is never accepted. */
  public static final Invariant FAILED_DEVICE_PROOF_NEVER_ACCEPTED =
      Invariant.of(
          "failed-device-proof-never-accepted",
          "a connection presenting a device whose proof failed is never accepted",
          "device proof (reference section 4); the break-glass bypass ignores it",
          (context, decision) ->
              context.device().isPresent()
                      && context.device() != DeviceProof.VERIFIED
                      && decision.isAccepted()
                  ? "accepted although the device proof failed (`" + context.device().wire() + "`)"
                  : null);

  /** A role other than operator and node is rejected. */
  public static final Invariant UNKNOWN_ROLE_REJECTED =
      Invariant.of(
          "unknown-role-rejected",
          "a role other than operator and node is never accepted",
          "OpenClaw's parseGatewayRole (reference section 2.1, R3)",
          (context, decision) ->
              Role.parse(context.role()).isEmpty() && decision.isAccepted()
                  ? "the unknown role `" + context.role() + "` was accepted"
                  : null);

  /** A connection whose Origin failed the check is rejected. */
  public static final Invariant REJECTED_ORIGIN_NEVER_ACCEPTED =
      Invariant.of(
          "rejected-origin-never-accepted",
          "a connection whose browser Origin failed the check is never accepted",
          "OpenClaw's checkBrowserOrigin (reference section 2.3); CSWSH",
          (context, decision) ->
              context.origin() == OriginCheck.REJECTED && decision.isAccepted()
                  ? "accepted although the Origin was rejected"
                  : null);

  /** Every rejection names its code, rule and message, and fits a close frame. */
  public static final Invariant REJECTS_ARE_EXPLAINED =
      Invariant.of(
          "rejects-are-explained",
          "every reject has a code, a non-empty message, a deciding rule and a valid close frame",
          "SynthOrg #549: sockets closed by the framework with no reason logged",
          (context, decision) -> {
            if (!(decision instanceof Reject)) {
              return decision.decidedBy().isBlank() ? "an acceptance names no rule" : null;
            }
            Reject reject = (Reject) decision;
            if (reject.message().isBlank() || reject.decidedBy().isBlank()) {
              return "a rejection with code `" + reject.code().wire() + "` has no message or rule";
            }
            int code = reject.close().code();
            int bytes = reject.close().reason().getBytes(StandardCharsets.UTF_8).length;
            if (code < 1000 || code > 4999 || bytes == 0 || bytes > 120) {
              return "a rejection closes with an invalid frame (" + code + ", " + bytes + " bytes)";
            }
            return null;
          });

  /**
   * The layering invariant: the upgrade phase never rejects a request that the connect phase would
   * accept with the credentials the client can only present at connect. Over a fact space the
   * credentials of the connect frame range over every value, so this is: on no context does the
   * policy's upgrade decision ({@link ConnectPolicy#evaluateUpgrade}, from {@link
   * ConnectContext#upgrade()}) reject while its connect decision ({@link
   * ConnectPolicy#evaluateConnect}) accepts. An upgrade phase may only refuse what the connect
   * phase refuses anyway; a policy without one keeps it trivially.
   */
  public static final Invariant UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS =
      new Invariant() {
        @Override
        public String name() {
          return "upgrade-never-rejects-what-connect-accepts";
        }

        @Override
        public String description() {
          return "the upgrade phase never rejects a request that the connect phase would accept"
              + " with the credentials the client can only present at connect";
        }

        @Override
        public String source() {
          return "Moltis #381 (PR #382): the HTTP auth gate redirected the node's upgrade before"
              + " the device-token check could run; SynthOrg #549";
        }

        @Override
        public @Nullable String violation(
            ConnectPolicy policy, ConnectContext context, Decision decision) {
          UpgradeDecision upgrade = policy.evaluateUpgrade(context.upgrade());
          Reject refused = upgrade.reject();
          if (refused == null) {
            return null;
          }
          Decision connect = policy.evaluateConnect(context);
          return connect.isAccepted()
              ? "the upgrade was refused with `"
                  + refused.code().wire()
                  + "` (status "
                  + upgrade.status()
                  + ", by `"
                  + refused.decidedBy()
                  + "`) although the connect phase accepts it (by `"
                  + connect.decidedBy()
                  + "`)"
              : null;
        }

        @Override
        public String toString() {
          return name();
        }
      };

  /** The same facts always give the same decision. */
  public static final Invariant DETERMINISTIC =
      new Invariant() {
        @Override
        public String name() {
          return "deterministic";
        }

        @Override
        public String description() {
          return "evaluating the same facts twice gives equal decisions";
        }

        @Override
        public String source() {
          return "a policy is a pure function (DESIGN)";
        }

        @Override
        public @Nullable String violation(
            ConnectPolicy policy, ConnectContext context, Decision decision) {
          Decision again = policy.evaluate(context);
          return decision.equals(again) ? null : "a second evaluation gave " + again;
        }

        @Override
        public String toString() {
          return name();
        }
      };

  /**
   * Every invariant of this class.
   *
   * @return the invariants, in a stable order
   */
  public static List<Invariant> all() {
    return List.of(
        FAILED_AUTH_NEVER_ACCEPTED,
        REMOTE_WITHOUT_DEVICE_IS_OPERATOR_ONLY,
        CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR,
        NO_LOOPBACK_EXEMPTION_FOR_CONTROL_UI,
        BACKEND_CLAIM_KEEPS_NO_SCOPES_WITHOUT_DEVICE,
        DECLARED_ROLE_NEVER_WIDENS_APPROVAL,
        FAILED_DEVICE_PROOF_NEVER_ACCEPTED,
        UNKNOWN_ROLE_REJECTED,
        REJECTED_ORIGIN_NEVER_ACCEPTED,
        REJECTS_ARE_EXPLAINED,
        UPGRADE_NEVER_REJECTS_WHAT_CONNECT_ACCEPTS,
        DETERMINISTIC);
  }

  /**
   * One JUnit test per invariant, each checking the policy over the generator's contexts.
   *
   * <pre>{@code
   * @TestFactory
   * Stream<DynamicTest> myPolicyIsSound() {
   *   return Invariants.dynamicTests(myPolicy, ConnectContexts.all(), Invariants.all());
   * }
   * }</pre>
   *
   * @param policy the policy
   * @param contexts the contexts to check, exhaustively
   * @param invariants the invariants
   * @return the tests
   */
  public static Stream<DynamicTest> dynamicTests(
      ConnectPolicy policy, ContextGenerator contexts, List<Invariant> invariants) {
    List<Invariant> all = List.copyOf(invariants);
    SharedPass pass = new SharedPass(policy, contexts, all);
    List<DynamicTest> tests = new ArrayList<>();
    for (Invariant invariant : all) {
      tests.add(
          DynamicTest.dynamicTest(
              invariant.name() + " (" + invariant.source() + ")",
              () ->
                  new InvariantAssert(policy, List.of(invariant))
                      .verify(pass.result(invariant), contexts)));
    }
    return tests.stream();
  }

  /**
   * The one pass over the contexts that the dynamic tests share, made by the first of them to run:
   * each test then reports its invariant exactly as checking it alone over the same contexts would
   * ({@link InvariantCheck#separately}), without enumerating and evaluating the contexts again.
   */
  private static final class SharedPass {
    private final ConnectPolicy policy;
    private final ContextGenerator contexts;
    private final List<Invariant> invariants;
    private @Nullable Map<Invariant, InvariantCheck.Separate> results;

    SharedPass(ConnectPolicy policy, ContextGenerator contexts, List<Invariant> invariants) {
      this.policy = policy;
      this.contexts = contexts;
      this.invariants = invariants;
    }

    synchronized InvariantCheck.Result result(Invariant invariant) {
      if (results == null) {
        results = InvariantCheck.separately(policy, contexts, invariants);
      }
      InvariantCheck.Separate separate = results.get(invariant);
      return separate == null
          ? InvariantCheck.exhaustive(policy, contexts, List.of(invariant))
          : separate.get();
    }
  }
}
