package dev.connectpolicy.engine;

import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.internal.ConnectSchema;
import dev.connectpolicy.engine.internal.ConnectSchema.Wording;
import dev.connectpolicy.engine.internal.RequestReading;
import dev.connectpolicy.engine.internal.SilentApproval;
import java.util.List;
import java.util.Set;

/**
 * How each released version of OpenClaw that a profile models reads the raw request ({@link
 * RequestReading}), one constant per release, named after the version whose shipped bundle and
 * recording it was checked against. A {@link Profile} names its release's constant; {@code
 * Admission.admit} uses it for that profile's policy. What each setting means, and how to add one:
 * {@link RequestReading}.
 */
final class RequestReadings {

  private RequestReadings() {}

  /**
   * OpenClaw 2026.3.11; also what the 2026.3.12 profile inherited (its recording is 3.11's). The
   * connect schema over a union of literals (client ids and modes from {@code GATEWAY_CLIENT_IDS}
   * and {@code GATEWAY_CLIENT_MODES} in {@code dist/daemon-cli.js}, checked in {@code
   * dist/gateway-cli-*.js}): no {@code openclaw-tui}; a foreign Host makes a loopback socket
   * remote; a failed Origin check is answered without a detail code ({@code
   * dist/gateway-cli-B-E8XzUM.js}). What the unpublished 2026.3.12 sent there is not checked
   * against a gateway; its profile keeps the reading it was built on.
   */
  static final RequestReading OPENCLAW_2026_3_11 =
      RequestReading.builder()
          .schema(
              ConnectSchema.of(
                  List.of(
                      "webchat-ui",
                      "openclaw-control-ui",
                      "webchat",
                      "cli",
                      "gateway-client",
                      "openclaw-macos",
                      "openclaw-ios",
                      "openclaw-android",
                      "node-host",
                      "test",
                      "fingerprint",
                      "openclaw-probe"),
                  List.of("webchat", "cli", "ui", "backend", "node", "probe", "test"),
                  Wording.AJV_LITERAL_UNION))
          .foreignHostIsRemote(true)
          .detailCodesNotSent(Set.of(RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED))
          .build();

  /**
   * OpenClaw 2026.3.13, and the PR #48285 profiles built on it: 2026.3.11's, with the client mode
   * {@code tool-events} ({@code dist/reply-*.js}); a device token fails against a pairing record
   * without a scope baseline ({@code dist/device-pairing-*.js}); the Origin rejection carries its
   * detail code ({@code dist/gateway-cli-CuZs0RlJ.js}).
   */
  static final RequestReading OPENCLAW_2026_3_13 =
      OPENCLAW_2026_3_11.toBuilder()
          .schema(
              ConnectSchema.of(
                  OPENCLAW_2026_3_11.schema().clientIds(),
                  List.of(
                      "webchat", "cli", "ui", "backend", "node", "probe", "test", "tool-events"),
                  Wording.AJV_LITERAL_UNION))
          .deviceTokenNeedsScopeBaseline(true)
          .detailCodesNotSent(Set.of())
          .build();

  /**
   * OpenClaw 2026.4.22, the release the 2026.4 profile is checked against: the client id {@code
   * openclaw-tui} ({@code dist/message-channel-*.js}), ids and modes as AJV enums ({@code
   * dist/protocol-*.js}, checked in {@code dist/server.impl-*.js}); a loopback socket without
   * forwarding headers is local whatever its Host and whoever the trusted proxies are ({@code
   * isLocalDirectRequest}, {@code dist/auth-*.js}); a pairing requirement approved silently lets
   * the next pairing check run ({@code dist/server.impl-*.js}).
   */
  static final RequestReading OPENCLAW_2026_4_22 =
      OPENCLAW_2026_3_13.toBuilder()
          .schema(
              ConnectSchema.of(
                  List.of(
                      "webchat-ui",
                      "openclaw-control-ui",
                      "openclaw-tui",
                      "webchat",
                      "cli",
                      "gateway-client",
                      "openclaw-macos",
                      "openclaw-ios",
                      "openclaw-android",
                      "node-host",
                      "test",
                      "fingerprint",
                      "openclaw-probe"),
                  OPENCLAW_2026_3_13.schema().clientModes(),
                  Wording.AJV_ENUM))
          .foreignHostIsRemote(false)
          .localFromSocketOnly(true)
          .silentApproval(silentApproval(false))
          .build();

  /**
   * OpenClaw 2026.5.28, the release the 2026.5 profile is checked against: 2026.4.22's lists
   * ({@code dist/client-info-*.js}), validated by TypeBox's compiler ({@code
   * dist/message-handler-*.js}), which words an empty string "must not have fewer than 1
   * characters"; a device token narrower than the scopes asked is {@code scope_mismatch} ({@code
   * dist/message-handler-*.js}); its own silent-approval test walks the pairing checks.
   */
  static final RequestReading OPENCLAW_2026_5_28 =
      OPENCLAW_2026_4_22.toBuilder()
          .schema(OPENCLAW_2026_4_22.schema().withWording(Wording.TYPEBOX_ENUM))
          .deviceTokenScopeMismatch(true)
          .silentApproval(silentApproval(true))
          .build();

  /**
   * OpenClaw 2026.9.6, the current release, which {@code openclaw-latest} is checked against: the
   * client ids {@code openclaw-browser-copilot}, {@code openclaw-linux}, {@code openclaw-watchos},
   * {@code openclaw-worker} and the mode {@code worker}, without {@code tool-events} ({@code
   * dist/client-info-*.mjs}, checked in {@code dist/message-handler-*.mjs}); the shared secret read
   * from either field ({@code auth-*.mjs}); the client attributed from the socket before the
   * upgrade, an unattributable one refused with 403 and a loopback peer without forwarding headers
   * local even when it is a trusted proxy ({@code dist/ingress-attribution-*.mjs}, {@code
   * dist/server-start-*.mjs}); a worker identity closed on the gateway's route, before the schema
   * ({@code dist/message-handler-*.mjs}); the pinned platform and device family compared through
   * the node host's desktop normalization and the platform aliases ({@code
   * normalizeNodeHostCompatibilityMetadata}, {@code resolvePinnedClientMetadata} in {@code
   * dist/message-handler-*.mjs}).
   */
  static final RequestReading OPENCLAW_2026_9_6 =
      OPENCLAW_2026_5_28.toBuilder()
          .schema(
              ConnectSchema.of(
                  List.of(
                      "webchat-ui",
                      "openclaw-control-ui",
                      "openclaw-browser-copilot",
                      "openclaw-tui",
                      "webchat",
                      "cli",
                      "gateway-client",
                      "openclaw-macos",
                      "openclaw-linux",
                      "openclaw-ios",
                      "openclaw-watchos",
                      "openclaw-android",
                      "node-host",
                      "openclaw-worker",
                      "test",
                      "fingerprint",
                      "openclaw-probe"),
                  List.of("webchat", "cli", "ui", "backend", "node", "worker", "probe", "test"),
                  Wording.TYPEBOX_ENUM))
          .sharedSecretFromEitherField(true)
          .ingressAttribution(true)
          .workerIdentityRefused(true)
          .pinnedMetadataAliases(true)
          // 2026.5.28's locality and pairing walk, not checked against 2026.9.6's recordings
          .localFromSocketOnly(false)
          .silentApproval(null)
          .build();

  /**
   * The silent-approval test of 2026.4.22 or 2026.5.28, the one its profile's {@code
   * pairing.silent-local} decides with ({@link Profiles#silentPairing2026_4x}).
   */
  private static SilentApproval silentApproval(boolean may2026) {
    SilentPairing silent = Profiles.silentPairing2026_4x(may2026);
    return new SilentApproval(
        "SilentPairing." + silent.name(),
        facts -> silent.allows(facts, ControlUiClients.BROWSER_AND_TUI));
  }

  /**
   * {@code recommended}: the current release's connect schema, the strictest of all (it requires
   * what every release requires, and a client id outside the current list has no special standing
   * anyway); but a foreign Host still makes a loopback socket remote, as in 2026.3: a page of
   * another site reaching the loopback port by DNS rebinding sends its own host name, and must not
   * count as a local client (silent pairing, local exceptions). It reads the shared secret from
   * either field as 2026.9.6 does: the right secret is the right secret, whichever field carries
   * it, and a wrong one is still a mismatch; and it closes a worker identity on the gateway's route
   * as 2026.9.6 does (the identity is the worker route's; claimed here it is refused, not decided
   * as some other client). A pinned platform or family is compared as sent, without 2026.9's
   * aliases: a device whose claim changes is re-approved, whatever runtime name the change is
   * spelled with.
   *
   * <p>It does not attribute the client as 2026.9.6 does: forwarding headers from a peer that is
   * not a trusted proxy already make the client remote (no local exception, no silent pairing), so
   * refusing the upgrade adds no protection and would lock out the clients of deployments whose
   * proxy is not configured; and a loopback trusted proxy that forwards without headers names no
   * client, which is not local (every client of such a proxy would otherwise be).
   */
  static final RequestReading RECOMMENDED =
      OPENCLAW_2026_9_6.toBuilder()
          .foreignHostIsRemote(true)
          .ingressAttribution(false)
          .pinnedMetadataAliases(false)
          .build();
}
