package dev.connectpolicy.engine;

import dev.connectpolicy.engine.internal.RequestReading;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The named profiles: every version of OpenClaw's connect admission policy that its history needs,
 * PR #48285 in both forms, and {@code recommended}; then the other reference gateways before and
 * after the fix of their seed's bug (Moltis, SynthOrg, Mosaic Stack), each in its {@link
 * GatewayFamily}. Section numbers of OpenClaw's profiles refer to the reference description of
 * OpenClaw's policy ({@code openclaw-connect-policy.md}), the others' to the peers reference
 * ({@code peers.md}).
 *
 * <p>All OpenClaw profiles share the stage order of reference section 2.1: role, Origin, Control UI
 * policy, missing-device gate (section 2.4), scope clearing (2.5), device proof, auth gate, pairing
 * (2.6, 2.7), accept. Steps that need inputs outside the facts (frame size, protocol version,
 * startup, shared-auth generation, trusted-proxy scope headers, bootstrap and CIDR auto-approval)
 * belong to the transport or the evidence layer and are not part of any profile.
 */
@API(status = API.Status.EXPERIMENTAL)
public enum Profile {

  /**
   * OpenClaw 2026.3.11, the release before 3.12, checked against its recording and its shipped
   * bundle ({@code gateway-cli-B-E8XzUM.js}). Differs from 2026.3.12 in two rules: {@code
   * dangerouslyDisableDeviceAuth} admits nothing by itself: it only lets a device-less Control UI
   * past the insecure-auth check, after which it needs, like every client, an operator role with a
   * verified shared secret ({@code evaluateMissingDeviceIdentity} has no bypass branch); and scopes
   * are cleared only for a device-less connection without a verified shared secret that is not a
   * bypassed Control UI ({@code clearUnboundScopes}: {@code !allowBypass && !sharedAuthOk}), so a
   * device-less backend, CLI or Control UI with the shared token or password keeps its declared
   * scopes.
   */
  OPENCLAW_2026_3_11(
      "openclaw-2026.3.11",
      "OpenClaw 2026.3.11: no bypass branch; device-less shared-secret connections keep scopes",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_3_11,
      RequestReadings.OPENCLAW_2026_3_11),

  /**
   * OpenClaw 2026.3.12 (the 3.12 to 3.13 transitional policy; sections 2.2, 2.4 P312, 2.5, 2.6, 2.7
   * P312). The Control UI is {@code openclaw-control-ui} only. {@code dangerouslyDisableDeviceAuth}
   * admits a device-less Control UI in any role (the hole of #45405 and #35966); {@code
   * allowInsecureAuth} lets a loopback Control UI through the Control UI check but still needs an
   * operator with a shared secret; a device-less {@code node} is refused "device identity required"
   * even on loopback (#45504); every device-less acceptance loses its scopes except under the
   * bypass (#44306); the backend pairing skip needs loopback and a verified shared token or
   * password, and waives all pairing checks; pairing requirements are approved silently on loopback
   * for first pairings and scope upgrades; "pairing required" has no requirement text. 2026.3.12
   * was never published on the npm registry (2026.3.11 is followed by 2026.3.13): this profile
   * stays as reconstructed from source; {@code openclaw-2026.3.11} is the release it was built on.
   */
  OPENCLAW_2026_3_12(
      "openclaw-2026.3.12",
      "OpenClaw 2026.3.12: device-less nodes refused on loopback; bypass admits any role",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_3_12,
      RequestReadings.OPENCLAW_2026_3_11),

  /**
   * OpenClaw 2026.3.13 (section 2.4 P313, #45512). Differs from 2026.3.12 in two rules: {@code
   * dangerouslyDisableDeviceAuth} only admits a device-less Control UI as {@code operator}; a
   * Control UI {@code node} falls through to "device identity required"; and a device-less Control
   * UI that the missing-device gate admitted keeps its scopes (its recording and {@code
   * gateway-cli-CuZs0RlJ.js}: scopes cleared only when {@code !device && (!isControlUi ||
   * decision.kind !== "allow")}).
   */
  OPENCLAW_2026_3_13(
      "openclaw-2026.3.13",
      "OpenClaw 2026.3.13: the Control UI device bypass is operator-only (#45512)",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_3_13,
      RequestReadings.OPENCLAW_2026_3_13),

  /**
   * PR #48285 as proposed, on top of 2026.3.13 (sections 2.4 and 6): right after the Control UI
   * block of the missing-device gate, an authenticated device-less {@code node} on loopback is
   * admitted. The guard is not limited to non-Control-UI clients, so a loopback Control UI claiming
   * {@code node} under {@code allowInsecureAuth} is admitted too: the reviewer's finding, visible
   * as one row of the table diff against 2026.3.13.
   */
  OPENCLAW_2026_3_13_PR48285(
      "openclaw-2026.3.13+pr48285",
      "PR #48285 as proposed: loopback nodes admitted without a device, Control UI included",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_3_13PlusPr48285,
      RequestReadings.OPENCLAW_2026_3_13),

  /**
   * PR #48285 as its review asked (section 6): the same exemption, scoped to clients that are not
   * the Control UI. Against 2026.3.13 it only admits the internal services the PR was for.
   */
  OPENCLAW_2026_3_13_PR48285_REVIEWED(
      "openclaw-2026.3.13+pr48285-reviewed",
      "PR #48285 as reviewed: loopback nodes admitted without a device, never a Control UI",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_3_13PlusPr48285Reviewed,
      RequestReadings.OPENCLAW_2026_3_13),

  /**
   * OpenClaw 2026.4.22, checked against that release's recordings, also found as {@code
   * openclaw-2026.4} (the compiled 4.x bundle; sections 1.5, 2.4 P4x, 2.5 P4x, 2.6 P4x, 2.7 P4x).
   * Differs from 2026.3.13: the terminal UI ({@code openclaw-tui}) counts as the Control UI for
   * device, bypass and pairing rules but is not Origin-checked (CWE-290); device-less scopes are
   * cleared only for token, password or trusted-proxy authentication, and kept for the loopback
   * Control UI under {@code allowInsecureAuth} and for the local backend (which, with a shared
   * secret, is the #72418 hole); the backend pairing skip follows the locality model and also
   * accepts a device token; pairing skips only waive the first pairing; a trusted-proxy Control UI
   * with an unpaired device skips pairing but loses its scopes; a Control UI operator via Tailscale
   * with a device, or with auth mode none, skips its first pairing; silent approval follows the
   * locality model, covers role upgrades and never scope upgrades; pairing rejections name the
   * requirement and carry a hint.
   */
  OPENCLAW_2026_4(
      "openclaw-2026.4.22",
      "OpenClaw 2026.4.22: locality model, TUI treated as Control UI, backend keeps scopes",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_4,
      RequestReadings.OPENCLAW_2026_4_22,
      "openclaw-2026.4"),

  /**
   * OpenClaw 2026.5.28, checked against that release's recordings, also found as {@code
   * openclaw-2026.5} (sections 2.4 PMay, 2.6 PMay, #75781). Differs from 2026.4: the local backend
   * exception also holds under auth mode none, and admits a device-less backend operator in the
   * missing-device gate ({@code localBackendSelfPairingOk}, fixing #45590 and #67703); a
   * trusted-proxy Control UI with an unpaired device no longer skips pairing.
   */
  OPENCLAW_2026_5(
      "openclaw-2026.5.28",
      "OpenClaw 2026.5.28: local backend admitted without a device under auth mode none (#75781)",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_5,
      RequestReadings.OPENCLAW_2026_5_28,
      "openclaw-2026.5"),

  /**
   * OpenClaw 2026.9.6, the current release, as its published bundle does it and its recordings show
   * ({@code docs/conformance/openclaw-2026.9.6.md}). Differs from 2026.5: the Control UI flags are
   * retired (#112558), so every device-less Control UI is refused unless a trusted proxy
   * authenticated it; the CLI on direct or container loopback with a verified shared secret keeps
   * its scopes; the local backend exception keeps accepting a verified shared token or password
   * (#72418 is not in the release), keeps the backend's declared scopes and waives every pairing
   * check of a paired device, and so does auth mode none for a Control UI operator; local scope
   * upgrades of operators authenticated by no auth, token or password are approved silently, and a
   * node's upgrade never is; a CLI on a direct-local connection is told to use this gateway's
   * {@code gateway.auth.*} or pair the device, and an operator UI or web chat missing its token is
   * pointed at {@code openclaw doctor --generate-gateway-token}.
   *
   * <p>Also found as {@code openclaw-latest}: "latest" names the latest release, checked against
   * its recordings, not a reading of unreleased source (the profile of that name used to assume
   * #72418, which no release has).
   */
  OPENCLAW_2026_9_6(
      "openclaw-2026.9.6",
      "OpenClaw 2026.9.6: Control UI flags retired, backend keeps its shared-secret exception,"
          + " silent local scope upgrades",
      GatewayFamily.OPENCLAW,
      Profiles::openclaw2026_9_6,
      RequestReadings.OPENCLAW_2026_9_6,
      "openclaw-latest"),

  /**
   * Our default: OpenClaw 2026.9.6, the current release as shipped, with the fixes its history asks
   * for (each is commented where {@code Profiles.recommended} makes it).
   *
   * <ul>
   *   <li>Contradictory facts are refused with {@code INVALID_CONTEXT} ({@code
   *       context.consistent}): only contexts of the audited fact space are ever evaluated, so the
   *       decision table is the whole policy. (Mosaic Stack trusted connection data that nobody had
   *       checked.)
   *   <li>Only the browser Control UI counts as the Control UI. The terminal UI is a terminal
   *       client like the CLI: it neither inherits the Control UI's trusted-proxy and pairing
   *       exceptions without the Origin check (the CWE-290 spoofing of #57453) nor is refused as a
   *       device-less Control UI (#57453).
   *   <li>The backend exception takes a device token or auth mode none, never the shared secret
   *       (#72418, which 2026.9.6 does not have): a loopback backend claim with the shared secret
   *       and no device loses its declared scopes.
   *   <li>A pairing requirement is approved silently only for a first pairing: a declared role or
   *       scope never widens what a person approved, whereas 2026.9.6 approves an operator's local
   *       role and scope upgrades silently.
   *   <li>The backend and auth-none Control UI pairing skips waive the first pairing only, not the
   *       role and scope checks of a paired device, which 2026.9.6 waives too.
   * </ul>
   *
   * Everything else is as in 2026.9.6: device-less nodes need a device (internal services connect
   * as the backend, #48285's review and upstream's fix); device-less shared-secret connections lose
   * their scopes except the loopback CLI; the authentication hints of 2026.9.6.
   */
  RECOMMENDED(
      "recommended",
      "our default: OpenClaw 2026.9.6, refusing contradictory facts, TUI spoofing, the backend's"
          + " shared-secret scopes and silent upgrades",
      GatewayFamily.OPENCLAW,
      Profiles::recommended,
      RequestReadings.RECOMMENDED),

  /**
   * Moltis before PR #382 (seed 000, issues #381 and #380; peers section A.1): the node's WebSocket
   * upgrade meets the HTTP auth gate, {@code auth_gate} with its {@code check_auth}: accepted with
   * authentication disabled, or with a valid session cookie or Bearer API key, and otherwise
   * redirected to {@code /login} with 303, since the node's {@code /ws} is neither public nor under
   * {@code /ws/}. The WebSocket handler behind it ({@code handle_connection}, in the PR author's
   * fork) would have checked the device token first, then the identity the gate established, an API
   * key or the password of the connect frame; but a node sends no cookie or header, so its device
   * token never gets there: the layering invariant's counterexample. That {@code /ws} had no route
   * at all is a routing bug, not a policy, and is left out. A device-token login keeps the role the
   * client declares (peers A.1, observations), as every profile of Moltis does.
   */
  MOLTIS_BEFORE_PR382(
      "moltis-before-pr382",
      "Moltis before PR #382: the HTTP auth gate redirects the node's upgrade before the"
          + " device-token check (#381)",
      GatewayFamily.MOLTIS,
      Profiles::moltisBeforePr382),

  /**
   * Moltis with PR #382 (seed 000; peers section A.1): {@code /ws} is a public path of the auth
   * gate, so every upgrade is deferred and the WebSocket handler decides with the connect frame:
   * the device token first, then the identity of a session cookie or Bearer API key on the upgrade,
   * an API key or the password in the frame; otherwise "authentication failed". Differs from before
   * PR #382 in the upgrade phase only. The browser route {@code /ws/chat} keeps its cookie gate and
   * is not modelled (the route is not a fact).
   */
  MOLTIS_PR382(
      "moltis-pr382",
      "Moltis PR #382: /ws is a public path, the WebSocket handler authenticates the node",
      GatewayFamily.MOLTIS,
      Profiles::moltisPr382),

  /**
   * SynthOrg before PR #556 (seed 001, issue #549; peers section A.2): every WebSocket is refused
   * by the framework before the handler runs, {@code FRAMEWORK_REJECTED}: Litestar's dependency
   * injection took the handler's {@code channels_plugin} parameter for a query parameter and closed
   * the socket with 4500, logged as HTTP 403, with no handler log line. The handler itself, the
   * connect phase, is as in PR #556: tickets from the query string or the first message, {@code
   * 4001} for a missing or invalid one. Its upgrade phase breaks the layering invariant like
   * Moltis's before PR #382.
   */
  SYNTHORG_BEFORE_PR556(
      "synthorg-before-pr556",
      "SynthOrg before PR #556: the framework closes every WebSocket before the handler (#549)",
      GatewayFamily.SYNTHORG,
      Profiles::synthOrgBeforePr556),

  /**
   * SynthOrg with PR #556 (seed 001; peers section A.2): the ticket flow. A ticket in the query
   * string (the legacy flow) is validated before the upgrade, so an invalid one never upgrades;
   * otherwise the first message brings it. A valid ticket is admitted; an invalid or expired one is
   * closed with {@code 4001 "Invalid or expired ticket"}, a missing one with {@code 4001 "Missing
   * ticket"}. The role check (4003), the plugin and subscription (1011) and the periodic
   * revalidation need facts of the user and the server, not of the connection, and are left out.
   */
  SYNTHORG_PR556(
      "synthorg-pr556",
      "SynthOrg PR #556: tickets from the query checked before the upgrade, from the first"
          + " message after",
      GatewayFamily.SYNTHORG,
      Profiles::synthOrgPr556),

  /**
   * Mosaic Stack before #198 (seed 002, the issue and its scratchpad; peers section A.3): the
   * gateway's {@code handleConnection} only checked that {@code client.data.userId} and {@code
   * workspaceId} existed, and "client.data could be set by anyone": a connection naming a workspace
   * is admitted whatever its token, and one naming none is disconnected.
   */
  MOSAIC_BEFORE_198(
      "mosaic-before-198",
      "Mosaic Stack before #198: a connection naming a user and a workspace is taken at its word",
      GatewayFamily.MOSAIC,
      Profiles::mosaicBefore198),

  /**
   * Mosaic Stack with #198 (seed 002; peers section A.3), as its scratchpad records it: the token
   * is taken from the handshake's {@code auth.token}, else the query string, else the {@code
   * Authorization} header; a missing token and one whose session does not verify are disconnected;
   * then the verified user must be a member of the workspace named. The connection timeout is the
   * transport's. Rate limiting, an acceptance criterion of the issue, was deferred: failed attempts
   * are not read.
   */
  MOSAIC_198(
      "mosaic-198",
      "Mosaic Stack #198: the token verified from any of its three sources, workspace membership"
          + " checked",
      GatewayFamily.MOSAIC,
      Profiles::mosaic198),

  /**
   * Mosaic Stack #198 with the criterion its first implementation deferred (seed 002, "Rate
   * limiting was not implemented in this iteration"; peers section A.3, "timeout and rate limit
   * added later"): a client with five or more failed attempts is refused before its token is
   * checked. The limit of five is this profile's; the issue names none.
   */
  MOSAIC_198_RATE_LIMIT(
      "mosaic-198+rate-limit",
      "Mosaic Stack #198 with its deferred rate limit: five failed attempts block the client",
      GatewayFamily.MOSAIC,
      Profiles::mosaic198RateLimit);

  private final String profileName;
  private final List<String> aliases;
  private final String summary;
  private final GatewayFamily family;
  private final Definition definition;
  private final PolicyPipeline policy;
  private final RequestReading reading;
  private volatile @Nullable CompiledPolicy compiled;

  Profile(String profileName, String summary, GatewayFamily family, Definition definition) {
    this(profileName, summary, family, definition, RequestReading.DEFAULT);
  }

  /**
   * Declares a profile: its name, what distinguishes it, its gateway, its definition, how the
   * release it models reads the raw request, and the older names it is still found by. These
   * arguments are the one place where profile names and aliases are declared; {@link
   * #named(String)} and every command's {@code --profile} accept both.
   *
   * @param reading the release's reading, a constant of {@link RequestReadings}
   * @param aliases older names of the profile, each accepted wherever a profile name is
   */
  Profile(
      String profileName,
      String summary,
      GatewayFamily family,
      Definition definition,
      RequestReading reading,
      String... aliases) {
    this.profileName = profileName;
    this.aliases = List.of(aliases);
    this.summary = summary;
    this.family = family;
    this.definition = definition;
    this.policy = definition.define(profileName, summary);
    this.reading = reading;
    RequestReading.register(policy, reading);
  }

  /** Builds a profile's pipeline from its name and summary. */
  @FunctionalInterface
  interface Definition {
    PolicyPipeline define(String name, String description);
  }

  /**
   * Returns the profile's name, as the command line and tables spell it.
   *
   * @return the name, such as {@code openclaw-2026.3.13}
   */
  public String profileName() {
    return profileName;
  }

  /**
   * Returns the other names the profile is found by: names it had before it was named after the
   * released version it was checked against. Tables, diffs and decisions always use {@link
   * #profileName()}.
   *
   * @return the aliases, possibly empty, in the order declared
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * Returns a one-line summary of what distinguishes the profile.
   *
   * @return the summary
   */
  public String summary() {
    return summary;
  }

  /**
   * Returns the gateway whose policy the profile models; its tables are over the family's space.
   *
   * @return the family
   */
  public GatewayFamily family() {
    return family;
  }

  /**
   * Returns the profile's policy. Profiles are immutable and shared.
   *
   * @return the policy
   */
  public PolicyPipeline policy() {
    return policy;
  }

  /**
   * Returns the profile compiled into a lookup structure: the same decisions as {@link #policy()}
   * for every context, several times faster ({@link CompiledPolicy}). Compiled on first use, which
   * evaluates every cell of the fact space once (about a second); shared afterwards. Users call
   * {@link ConnectPolicies#compiled(String)}.
   *
   * @return the compiled policy
   */
  CompiledPolicy compiled() {
    CompiledPolicy result = compiled;
    if (result == null) {
      synchronized (this) {
        result = compiled;
        if (result == null) {
          result = CompiledPolicy.compile(policy);
          RequestReading.register(result, reading);
          compiled = result;
        }
      }
    }
    return result;
  }

  /**
   * Builds the profile's pipeline anew, equal in behaviour to {@link #policy()}: for tests that
   * must exercise the rule factories themselves (mutation testing changes them after the shared
   * pipelines were built).
   *
   * @return a new pipeline
   */
  PolicyPipeline define() {
    return definition.define(profileName, summary);
  }

  /**
   * Finds a profile by its name or one of its {@link #aliases()}.
   *
   * @param name a profile name or alias, such as {@code recommended} or {@code openclaw-2026.4}
   * @return the profile, or empty
   */
  public static Optional<Profile> named(String name) {
    for (Profile profile : values()) {
      if (profile.profileName.equals(name) || profile.aliases.contains(name)) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
