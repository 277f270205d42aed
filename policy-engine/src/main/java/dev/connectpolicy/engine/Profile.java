package dev.connectpolicy.engine;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The named profiles: every version of OpenClaw's connect admission policy that its history needs,
 * PR #48285 in both forms, and {@code recommended}. Section numbers refer to the reference
 * description of OpenClaw's policy ({@code openclaw-connect-policy.md}).
 *
 * <p>All profiles share the stage order of reference section 2.1: role, Origin, Control UI policy,
 * missing-device gate (section 2.4), scope clearing (2.5), device proof, auth gate, pairing (2.6,
 * 2.7), accept. Steps that need inputs outside the facts (frame size, protocol version, startup,
 * shared-auth generation, trusted-proxy scope headers, bootstrap and CIDR auto-approval) belong to
 * the transport or the evidence layer and are not part of any profile.
 */
public enum Profile {

  /**
   * OpenClaw 2026.3.12 (the 3.12 to 3.13 transitional policy; sections 2.2, 2.4 P312, 2.5, 2.6, 2.7
   * P312). The Control UI is {@code openclaw-control-ui} only. {@code dangerouslyDisableDeviceAuth}
   * admits a device-less Control UI in any role (the hole of #45405 and #35966); {@code
   * allowInsecureAuth} lets a loopback Control UI through the Control UI check but still needs an
   * operator with a shared secret; a device-less {@code node} is refused "device identity required"
   * even on loopback (#45504); every device-less acceptance loses its scopes except under the
   * bypass (#44306); the backend pairing skip needs loopback and a verified shared token or
   * password, and waives all pairing checks; pairing requirements are approved silently on loopback
   * for first pairings and scope upgrades; "pairing required" has no requirement text.
   */
  OPENCLAW_2026_3_12(
      "openclaw-2026.3.12",
      "OpenClaw 2026.3.12: device-less nodes refused on loopback; bypass admits any role",
      Profiles::openclaw2026_3_12),

  /**
   * OpenClaw 2026.3.13 (section 2.4 P313, #45512). Differs from 2026.3.12 in one rule: {@code
   * dangerouslyDisableDeviceAuth} only admits a device-less Control UI as {@code operator}; a
   * Control UI {@code node} falls through to "device identity required".
   */
  OPENCLAW_2026_3_13(
      "openclaw-2026.3.13",
      "OpenClaw 2026.3.13: the Control UI device bypass is operator-only (#45512)",
      Profiles::openclaw2026_3_13),

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
      Profiles::openclaw2026_3_13PlusPr48285),

  /**
   * PR #48285 as its review asked (section 6): the same exemption, scoped to clients that are not
   * the Control UI. Against 2026.3.13 it only admits the internal services the PR was for.
   */
  OPENCLAW_2026_3_13_PR48285_REVIEWED(
      "openclaw-2026.3.13+pr48285-reviewed",
      "PR #48285 as reviewed: loopback nodes admitted without a device, never a Control UI",
      Profiles::openclaw2026_3_13PlusPr48285Reviewed),

  /**
   * OpenClaw 2026.4 (the compiled 4.x bundle; sections 1.5, 2.4 P4x, 2.5 P4x, 2.6 P4x, 2.7 P4x).
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
      "openclaw-2026.4",
      "OpenClaw 2026.4: locality model, TUI treated as Control UI, backend keeps scopes",
      Profiles::openclaw2026_4),

  /**
   * OpenClaw 2026.5 (sections 2.4 PMay, 2.6 PMay, #75781). Differs from 2026.4: the local backend
   * exception also holds under auth mode none, and admits a device-less backend operator in the
   * missing-device gate ({@code localBackendSelfPairingOk}, fixing #45590 and #67703); a
   * trusted-proxy Control UI with an unpaired device no longer skips pairing.
   */
  OPENCLAW_2026_5(
      "openclaw-2026.5",
      "OpenClaw 2026.5: local backend admitted without a device under auth mode none (#75781)",
      Profiles::openclaw2026_5),

  /**
   * OpenClaw's current policy (sections 2.4 PLatest, 2.5 PLatest, 2.6 PLatest, 2.7 PLatest).
   * Differs from 2026.5: the Control UI flags are retired (#112558), so every device-less Control
   * UI is refused unless a trusted proxy authenticated it; the backend exception no longer accepts
   * a shared token or password (#72418), so a loopback backend claim with the shared secret loses
   * its scopes; the CLI on direct or container loopback with a verified shared secret keeps its
   * scopes.
   */
  OPENCLAW_LATEST(
      "openclaw-latest",
      "OpenClaw latest: Control UI flags retired, backend shared-secret exception removed (#72418)",
      Profiles::openclawLatest),

  /**
   * Our default: OpenClaw's latest policy with the fixes its history asks for.
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
   *   <li>A role upgrade is never approved silently: a declared role never widens what a person
   *       approved at pairing; latest OpenClaw approves it silently from loopback.
   * </ul>
   *
   * Everything else is as in {@code openclaw-latest}: device-less nodes need a device (internal
   * services connect as the backend, #48285's review and upstream's fix); the backend exception
   * without a shared secret (#72418); device-less shared-secret connections lose their scopes
   * except the loopback CLI.
   */
  RECOMMENDED(
      "recommended",
      "our default: OpenClaw latest, refusing contradictory facts, TUI spoofing and silent role"
          + " upgrades",
      Profiles::recommended);

  private final String profileName;
  private final String summary;
  private final Definition definition;
  private final PolicyPipeline policy;
  private volatile @Nullable CompiledPolicy compiled;

  Profile(String profileName, String summary, Definition definition) {
    this.profileName = profileName;
    this.summary = summary;
    this.definition = definition;
    this.policy = definition.define(profileName, summary);
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
   * Returns a one-line summary of what distinguishes the profile.
   *
   * @return the summary
   */
  public String summary() {
    return summary;
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
   * evaluates every cell of the fact space once (about a second); shared afterwards.
   *
   * @return the compiled policy
   */
  public CompiledPolicy compiled() {
    CompiledPolicy result = compiled;
    if (result == null) {
      synchronized (this) {
        result = compiled;
        if (result == null) {
          result = CompiledPolicy.compile(policy);
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
   * Finds a profile by name.
   *
   * @param name a profile name, such as {@code recommended}
   * @return the profile, or empty
   */
  public static Optional<Profile> named(String name) {
    for (Profile profile : values()) {
      if (profile.profileName.equals(name)) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
