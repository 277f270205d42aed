package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.UpgradeOutcome;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenClaw 2026.9's two readings of the socket and the first frame that no earlier release has: the
 * client attributed before the upgrade ({@code resolveGatewayIngressAttribution}), and the worker
 * identity closed on the gateway's route ({@code claimsWorkerConnectionIdentity}).
 */
class IngressAttributionTest {

  private static final ConnectPolicy LATEST = ConnectPolicies.profile("openclaw-2026.9.6");
  private static final ConnectPolicy MAY = ConnectPolicies.profile("openclaw-2026.5.28");
  private static final ConnectPolicy RECOMMENDED = ConnectPolicies.recommended();

  private static final GatewayConfig NO_PROXIES = GatewayConfig.of(GatewayAuth.token("gw-token"));

  /** The recordings' trusted-proxy configuration: both loopback addresses are trusted proxies. */
  private static final GatewayConfig LOOPBACK_PROXIES =
      new GatewayConfig(
          GatewayAuth.token("gw-token"),
          List.of("127.0.0.1", "::1"),
          false,
          new ControlUiSettings(List.of(), false, false, false));

  private static final GatewayConfig LAN_PROXY =
      new GatewayConfig(
          GatewayAuth.token("gw-token"),
          List.of("10.0.0.0/8"),
          false,
          new ControlUiSettings(List.of(), false, false, false));

  private static SocketInfo socket(String peer, String... headers) {
    Map<String, String> map = new HashMap<>();
    map.put("host", "127.0.0.1:18789");
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return SocketInfo.of(peer, map);
  }

  private static boolean refused(ConnectPolicy policy, SocketInfo socket, GatewayConfig gateway) {
    UpgradeDecision upgrade = Admission.admitUpgrade(policy, socket, gateway);
    if (!upgrade.isRejected()) {
      assertThat(upgrade.outcome()).isEqualTo(UpgradeOutcome.DEFER);
      return false;
    }
    return true;
  }

  private static ConnectRequest request(
      ClientInfo client, String role, SocketInfo socket, GatewayConfig gateway) {
    return new ConnectRequest(
        new ConnectFrame(client, role, List.of(), Credentials.token("gw-token"), null),
        socket,
        "challenge-1",
        Requests.NOW,
        gateway,
        null);
  }

  private static ClientInfo cli() {
    return new ClientInfo("cli", "cli", "2026.9.6", "linux", null);
  }

  private static boolean local(ConnectPolicy policy, SocketInfo socket, GatewayConfig gateway) {
    return Admission.admit(policy, request(cli(), "operator", socket, gateway))
        .facts()
        .orElseThrow()
        .local();
  }

  @Test
  void forwardingHeadersFromAPeerThatIsNoTrustedProxy_areRefusedAtTheUpgradeBy2026_9() {
    SocketInfo forwarded = socket("127.0.0.1", "x-forwarded-for", "203.0.113.7");

    UpgradeDecision upgrade = Admission.admitUpgrade(LATEST, forwarded, NO_PROXIES);
    assertThat(upgrade.isRejected()).isTrue();
    assertThat(upgrade.status()).isEqualTo(403);
    assertThat(upgrade.decidedBy()).isEqualTo(Admission.PROXY_ATTRIBUTION);
    Reject reject = upgrade.reject();
    assertThat(reject.code()).isEqualTo(RejectCode.PROXY_ATTRIBUTION_REQUIRED);
    assertThat(reject.reason()).isEqualTo("proxy_attribution_required");
    assertThat(reject.message())
        .isEqualTo(
            "Proxy client attribution is required. Configure gateway.trustedProxies narrowly and"
                + " make the proxy overwrite or safely rebuild forwarded client headers.");

    // any forwarding header, from any peer that is not a trusted proxy
    assertThat(refused(LATEST, socket("203.0.113.10", "forwarded", "for=1.2.3.4"), NO_PROXIES))
        .isTrue();
    assertThat(refused(LATEST, socket("127.0.0.1", "x-real-ip", "203.0.113.7"), NO_PROXIES))
        .isTrue();
    assertThat(refused(LATEST, socket("127.0.0.1", "x-forwarded-proto", "https"), NO_PROXIES))
        .isTrue();
    // Tailscale's identity headers count with them
    assertThat(refused(LATEST, socket("127.0.0.1", "tailscale-user-login", "a@b"), NO_PROXIES))
        .isTrue();

    // earlier releases, recommended and any other policy let the upgrade through: the connect
    // phase sees a remote client
    assertThat(refused(MAY, forwarded, NO_PROXIES)).isFalse();
    assertThat(refused(RECOMMENDED, forwarded, NO_PROXIES)).isFalse();
    assertThat(refused(ConnectPolicies.pipeline("mine").build(), forwarded, NO_PROXIES)).isFalse();
    assertThat(local(RECOMMENDED, forwarded, NO_PROXIES)).isFalse();
  }

  @Test
  void aTrustedProxyMustNameAClientThatIsNotLoopback() {
    assertThat(
            refused(
                LATEST, socket("127.0.0.1", "x-forwarded-for", "203.0.113.7"), LOOPBACK_PROXIES))
        .isFalse();
    assertThat(
            local(LATEST, socket("127.0.0.1", "x-forwarded-for", "203.0.113.7"), LOOPBACK_PROXIES))
        .isFalse();
    // a spoofed loopback client behind the proxy, and a proxy that names nobody
    assertThat(
            refused(LATEST, socket("127.0.0.1", "x-forwarded-for", "127.0.0.1"), LOOPBACK_PROXIES))
        .isTrue();
    assertThat(refused(LATEST, socket("127.0.0.1", "x-forwarded-proto", "https"), LOOPBACK_PROXIES))
        .isTrue();
    assertThat(refused(LATEST, socket("10.0.0.2"), LAN_PROXY)).isTrue();
    assertThat(refused(MAY, socket("10.0.0.2"), LAN_PROXY)).isFalse();
    // a peer that is neither loopback nor a proxy, without forwarding headers: direct-remote
    assertThat(refused(LATEST, socket("203.0.113.10"), LAN_PROXY)).isFalse();
    assertThat(local(LATEST, socket("203.0.113.10"), LAN_PROXY)).isFalse();
  }

  @Test
  void forwardingHeadersThatNameNoAddress_failClosed() {
    // hostile or broken forwarding values behind a trusted proxy: the client is attributed to no
    // one, so 2026.9.6's reading refuses the upgrade, and no reading makes the client local
    for (String value :
        List.of("garbage", "203.0.113.7, garbage", "unknown", ",", "127.0.0.1:99999")) {
      SocketInfo forwarded = socket("127.0.0.1", "x-forwarded-for", value);
      assertThat(refused(LATEST, forwarded, LOOPBACK_PROXIES)).as(value).isTrue();
      assertThat(local(LATEST, forwarded, LOOPBACK_PROXIES)).as(value).isFalse();
      assertThat(local(RECOMMENDED, forwarded, LOOPBACK_PROXIES)).as(value).isFalse();
      // from a peer that is no trusted proxy, any forwarding header is refused by 2026.9.6
      assertThat(refused(LATEST, socket("203.0.113.10", "x-forwarded-for", value), NO_PROXIES))
          .as(value)
          .isTrue();
    }
    // a NUL never reaches attribution: the socket itself is refused, naming the header
    assertThatThrownBy(() -> socket("127.0.0.1", "x-forwarded-for", "203.0.113.7\u0000"))
        .isInstanceOf(InvalidContextException.class)
        .hasMessageContaining("socket.headers.x-forwarded-for");
  }

  @Test
  void aLoopbackTrustedProxyWithoutForwardingHeaders_isLocalIn2026_5And2026_9ButNotRecommended() {
    SocketInfo direct = socket("127.0.0.1");
    assertThat(refused(LATEST, direct, LOOPBACK_PROXIES)).isFalse();
    assertThat(local(LATEST, direct, LOOPBACK_PROXIES)).isTrue();
    assertThat(Admission.upgrade(direct, LOOPBACK_PROXIES).local()).isFalse();
    // 2026.5.28 reads locality from the socket alone, so it is local there too; recommended: a
    // trusted proxy that names no client is not local
    assertThat(local(MAY, direct, LOOPBACK_PROXIES)).isTrue();
    assertThat(local(RECOMMENDED, direct, LOOPBACK_PROXIES)).isFalse();
    // without trusted proxies, every reading agrees that it is local
    assertThat(local(LATEST, direct, NO_PROXIES)).isTrue();
    assertThat(local(MAY, direct, NO_PROXIES)).isTrue();
    assertThat(local(RECOMMENDED, direct, NO_PROXIES)).isTrue();
    // Tailscale's identity headers make a loopback socket not local in 2026.9
    assertThat(local(LATEST, socket("127.0.0.1", "tailscale-user-name", "a"), NO_PROXIES))
        .isFalse();
    assertThat(local(MAY, socket("127.0.0.1", "tailscale-user-name", "a"), NO_PROXIES)).isTrue();
  }

  private static Decision admit(ConnectPolicy policy, ClientInfo client, String role) {
    return Admission.admit(policy, request(client, role, socket("127.0.0.1"), NO_PROXIES))
        .decision();
  }

  @Test
  void aWorkerIdentityIsClosedOnTheGatewayRouteBeforeTheSchema() {
    List<Decision> workers =
        Arrays.asList(
            admit(LATEST, new ClientInfo("openclaw-worker", "backend", "1", "linux", null), "x"),
            admit(LATEST, new ClientInfo("cli", "worker", "1", "linux", null), "operator"),
            admit(LATEST, cli(), "worker"),
            // before the schema: no version, and an id outside the list with the worker mode
            admit(LATEST, new ClientInfo("openclaw-worker", "backend", null, "linux", null), "x"),
            admit(LATEST, new ClientInfo("unknown", "worker", "1", "linux", null), "operator"),
            admit(
                RECOMMENDED,
                new ClientInfo("openclaw-worker", "backend", "1", "linux", null),
                "operator"));
    for (Decision decision : workers) {
      Reject reject = (Reject) decision;
      assertThat(reject.code()).isEqualTo(RejectCode.INVALID_HANDSHAKE);
      assertThat(reject.decidedBy()).isEqualTo(Admission.WORKER_IDENTITY);
      assertThat(reject.close().code()).isEqualTo(1008);
      assertThat(reject.close().reason()).isEqualTo("invalid-handshake");
      assertThat(reject.code().sentAsErrorResponse()).isFalse();
      assertThat(reject.code().sentAsDetailCode()).isFalse();
    }
    // 2026.5.28 does not know the worker: its schema refuses the id
    Decision may =
        admit(MAY, new ClientInfo("openclaw-worker", "backend", "1", "linux", null), "operator");
    assertThat(((Reject) may).code()).isEqualTo(RejectCode.INVALID_CONNECT_PARAMS);
    // and a client that is no worker is decided by the rules
    assertThat(admit(LATEST, cli(), "operator").decidedBy())
        .isNotEqualTo(Admission.WORKER_IDENTITY);
  }

  @Test
  void onlyTheWorkerIdentityIsClosedWithoutAResponse() {
    for (RejectCode code : RejectCode.values()) {
      assertThat(code.sentAsErrorResponse())
          .as(code.wire())
          .isEqualTo(code != RejectCode.INVALID_HANDSHAKE);
    }
  }
}
