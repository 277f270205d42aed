package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.engine.evidence.internal.BrowserOrigin;
import dev.connectpolicy.engine.evidence.internal.HostNames;
import dev.connectpolicy.engine.evidence.internal.IpAddress;
import dev.connectpolicy.engine.evidence.internal.OriginUrl;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether the client is local, and OpenClaw's pairing locality (reference sections 1.4 and 2.6).
 */
final class ClientLocality {

  private ClientLocality() {}

  /**
   * Whether the request carries forwarding headers: {@code Forwarded}, {@code X-Real-IP} or any
   * {@code X-Forwarded-*}, with any value, empty included. This is OpenClaw's newest {@code
   * hasForwardedRequestHeaders}, a superset of the older XFF / X-Real-IP / X-Forwarded-Host checks,
   * and counting an empty header too only ever makes a client less local.
   *
   * @param socket the socket
   * @return true if a forwarding header is present
   */
  public static boolean hasForwardingHeaders(SocketInfo socket) {
    for (String name : socket.headers().keySet()) {
      if (name.equals("forwarded") || name.equals("x-real-ip") || name.startsWith("x-forwarded-")) {
        return true;
      }
    }
    return false;
  }

  /** Tailscale's identity headers, which OpenClaw 2026.9 counts with the forwarding headers. */
  private static final List<String> TAILSCALE_IDENTITY_HEADERS =
      List.of(
          "tailscale-funnel-request",
          "tailscale-headers-info",
          "tailscale-user-login",
          "tailscale-user-name",
          "tailscale-user-profile-pic");

  /**
   * Whether the request carries a header that Tailscale Serve or Funnel sets ({@code
   * hasTailscaleOwnedHeaders} of OpenClaw 2026.9's {@code ingress-attribution-*.mjs}), with any
   * value.
   *
   * @param socket the socket
   * @return true if such a header is present
   */
  public static boolean hasTailscaleIdentityHeaders(SocketInfo socket) {
    for (String name : TAILSCALE_IDENTITY_HEADERS) {
      if (socket.header(name) != null) {
        return true;
      }
    }
    return false;
  }

  /** How OpenClaw 2026.9 attributes a client from its socket, before the upgrade. */
  enum Attribution {
    /** A loopback peer without forwarding or Tailscale headers, trusted proxy or not. */
    DIRECT_LOCAL,
    /** A trusted proxy that names a client address that is not loopback. */
    TRUSTED_PROXY,
    /** Any other peer without forwarding or Tailscale headers. */
    DIRECT_REMOTE,
    /**
     * Forwarding or Tailscale headers from a peer that is not a trusted proxy, or a trusted proxy
     * that names no client address or a loopback one: the upgrade is refused.
     */
    UNATTRIBUTABLE
  }

  /**
   * OpenClaw 2026.9's {@code resolveGatewayIngressAttribution} for an ordinary listener, first
   * match wins: direct-local, then trusted proxy, then unattributable, then direct-remote. The
   * client address behind a trusted proxy is {@link
   * dev.connectpolicy.engine.evidence.internal.ClientAddress}'s, which stops at a hop that is not
   * an address where 2026.9 skips it: such a chain is unattributable here, the fail-closed reading.
   *
   * @param peer the socket peer's address
   * @param forwarded whether forwarding headers are present ({@link #hasForwardingHeaders})
   * @param tailscaleHeaders whether Tailscale's identity headers are present
   * @param peerIsTrustedProxy whether the socket peer is a trusted proxy
   * @param clientAddress the client address the trusted proxies name, or null
   * @return the attribution
   */
  static Attribution attribution(
      IpAddress peer,
      boolean forwarded,
      boolean tailscaleHeaders,
      boolean peerIsTrustedProxy,
      @Nullable IpAddress clientAddress) {
    if (peer.isLoopback() && !forwarded && !tailscaleHeaders) {
      return Attribution.DIRECT_LOCAL;
    }
    if (peerIsTrustedProxy) {
      return clientAddress == null || clientAddress.isLoopback()
          ? Attribution.UNATTRIBUTABLE
          : Attribution.TRUSTED_PROXY;
    }
    return forwarded || tailscaleHeaders ? Attribution.UNATTRIBUTABLE : Attribution.DIRECT_REMOTE;
  }

  /**
   * OpenClaw's {@code isLocalDirectRequest} as 2026.4.22 and 2026.5.28 ship it: the socket peer is
   * loopback and there are no forwarding headers; the trusted proxies and the Host are not
   * consulted.
   *
   * @param peer the socket peer's address
   * @param forwarded whether forwarding headers are present
   * @return true for a direct local client
   */
  public static boolean isLocalSocket(IpAddress peer, boolean forwarded) {
    return peer.isLoopback() && !forwarded;
  }

  /**
   * OpenClaw's {@code isLocalDirectRequest}: the client address is loopback, the Host header is
   * local-ish (where the release checks it), and there are no forwarding headers unless the socket
   * peer is a trusted proxy.
   *
   * @param clientAddress the resolved client address, or null if there is none
   * @param hostHeader the Host header, or null
   * @param hostChecked whether a Host header that is not local-ish makes the client remote
   *     (OpenClaw 2026.3), or is ignored (2026.4 and later)
   * @param forwarded whether forwarding headers are present
   * @param peerIsTrustedProxy whether the socket peer is a trusted proxy
   * @return true for a direct local client
   */
  public static boolean isLocal(
      @Nullable IpAddress clientAddress,
      @Nullable String hostHeader,
      boolean hostChecked,
      boolean forwarded,
      boolean peerIsTrustedProxy) {
    return clientAddress != null
        && clientAddress.isLoopback()
        && (!hostChecked || HostNames.isLocalish(hostHeader))
        && (!forwarded || peerIsTrustedProxy);
  }

  /**
   * OpenClaw's {@code resolvePairingLocality}, first match wins:
   *
   * <ol>
   *   <li>{@code direct_local}: a local client;
   *   <li>{@code browser_container_local}: the Control UI ({@code openclaw-control-ui} in mode
   *       {@code webchat}) that proved the shared token or password, no forwarding headers, an
   *       Origin, the socket peer private or loopback, the Host and the Origin's host loopback;
   *   <li>{@code cli_container_local}: the CLI ({@code cli}/{@code cli}) that proved the shared
   *       secret, no forwarding headers, no Origin, the peer loopback, the Host private or
   *       loopback;
   *   <li>{@code shared_secret_loopback_local}: the same for any client;
   *   <li>{@code remote}.
   * </ol>
   *
   * @param local whether the client is a direct local client
   * @param client the declared client, normalised
   * @param socket the socket (Host and Origin headers)
   * @param peer the socket peer's address
   * @param forwarded whether forwarding headers are present
   * @param auth the final authentication facts
   * @return the pairing locality
   */
  public static Locality pairingLocality(
      boolean local,
      Client client,
      SocketInfo socket,
      IpAddress peer,
      boolean forwarded,
      AuthFacts auth) {
    if (local) {
      return Locality.DIRECT_LOCAL;
    }
    boolean sharedSecret = auth.ok() && auth.sharedAuthOk() && auth.method().isSharedSecret();
    if (!sharedSecret || forwarded) {
      return Locality.REMOTE;
    }
    String originHeader = socket.header("origin");
    boolean hasOrigin = BrowserOrigin.isPresent(originHeader);
    String host = HostNames.hostName(socket.header("host"));
    if (hasOrigin) {
      OriginUrl origin = originHeader == null ? null : OriginUrl.parse(originHeader);
      boolean browser =
          client.isBrowserControlUi()
              && client.mode().equals("webchat")
              && peer.isPrivateOrLoopback()
              && HostNames.isLoopbackHost(host)
              && origin != null
              && HostNames.isLoopbackHost(origin.hostname());
      return browser ? Locality.BROWSER_CONTAINER_LOCAL : Locality.REMOTE;
    }
    if (!peer.isLoopback() || !HostNames.isPrivateOrLoopbackHost(host)) {
      return Locality.REMOTE;
    }
    return client.isCli() ? Locality.CLI_CONTAINER_LOCAL : Locality.SHARED_SECRET_LOOPBACK_LOCAL;
  }
}
