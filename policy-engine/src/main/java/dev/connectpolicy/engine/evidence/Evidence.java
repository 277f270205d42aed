package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.engine.evidence.internal.BrowserOrigin;
import dev.connectpolicy.engine.evidence.internal.ClientAddress;
import dev.connectpolicy.engine.evidence.internal.HostNames;
import dev.connectpolicy.engine.evidence.internal.IpAddress;
import dev.connectpolicy.engine.evidence.internal.IpRange;
import dev.connectpolicy.engine.internal.RequestReading;
import dev.connectpolicy.engine.internal.SilentApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Derives the facts of a raw request, in OpenClaw's phase order: addresses and locality, Origin,
 * shared authentication, device proof, the device-token decision, pairing locality, pairing state.
 */
final class Evidence {

  private Evidence() {}

  /**
   * The facts of a request and the payload version its device signature verified over.
   *
   * @param context the facts
   * @param payloadVersion v3, v2, or none
   */
  public record Derived(ConnectContext context, PayloadVersion payloadVersion) {}

  /**
   * Derives the facts.
   *
   * @param request the raw request
   * @param verifier the library that verifies the device signature
   * @param reading how the policy's release reads the request
   * @return the facts and the payload version
   * @throws InvalidContextException naming the field, if the socket address, a trusted proxy or the
   *     pairing record's key is malformed
   */
  public static Derived derive(
      ConnectRequest request, Ed25519Verifier verifier, RequestReading reading) {
    ConnectFrame frame = request.connect();
    SocketInfo socket = request.socket();
    GatewayConfig gateway = request.gateway();

    Peer at = peer(socket, gateway, reading);
    IpAddress peer = at.address();
    List<IpRange> trustedProxies = at.trustedProxies();
    boolean forwarded = at.forwarded();
    boolean local = at.local();
    OriginCheck origin = at.origin();
    PairedDevice record = request.pairedDevice();
    byte[] recordKey = null;
    if (record != null) {
      // the point is not checked: the record's key is only compared with the device's checked key
      recordKey = Ed25519.decodeKeyBytes(record.publicKey());
      if (recordKey == null) {
        throw new InvalidContextException(
            "pairedDevice.publicKey",
            "field `pairedDevice.publicKey` is not an Ed25519 public key (base64url of the raw 32"
                + " bytes, or PEM)");
      }
    }

    ControlUiSettings controlUi = gateway.controlUi();
    Client client = Client.of(frame.client().id(), frame.client().mode());
    GatewayAuthorizer.Result shared =
        GatewayAuthorizer.authorize(
            gateway.auth(),
            frame.auth(),
            peer,
            socket,
            trustedProxies,
            reading.sharedSecretFromEitherField());

    DeviceIdentity device = frame.device();
    DeviceProof proof = DeviceProof.ABSENT;
    PayloadVersion version = PayloadVersion.NONE;
    byte[] deviceKey = null;
    if (device != null) {
      DeviceProofCheck.Outcome outcome =
          DeviceProofCheck.check(
              device,
              frame.client(),
              frame.role(),
              frame.scopes(),
              frame.auth(),
              request.challengeNonce(),
              request.now(),
              verifier);
      proof = outcome.proof();
      version = outcome.version();
      deviceKey = outcome.publicKey();
    }

    // dangerouslyDisableDeviceAuth drops an operator UI's device before the device-token check in
    // the versions that honour it; the facts do not know the profile, so the upgrade is withheld
    // for every operator UI (the browser Control UI and the terminal UI): fail closed
    boolean deviceIgnored = controlUi.dangerouslyDisableDeviceAuth() && client.isOperatorUi();
    AuthFacts auth =
        ConnectAuthDecision.resolve(
            gateway.auth().mode(),
            shared,
            frame.auth(),
            proof == DeviceProof.VERIFIED && !deviceIgnored,
            record,
            PairingCheck.sameKey(recordKey, deviceKey),
            frame.role(),
            frame.scopes(),
            reading);
    Locality locality =
        ClientLocality.pairingLocality(local, client, socket, peer, forwarded, auth);
    List<PairingState> requirements =
        device == null
            ? List.of(PairingState.NOT_PAIRED)
            : PairingCheck.requirements(
                record,
                recordKey,
                deviceKey,
                frame.role(),
                frame.scopes(),
                frame.client(),
                reading.pinnedMetadataAliases());

    ConnectContext context =
        ConnectContext.builder()
            .role(frame.role())
            .scopes(frame.scopes())
            .client(client)
            .local(local)
            .locality(locality)
            .origin(origin)
            .auth(auth)
            .device(proof)
            .pairing(requirements.get(0))
            .controlUi(
                new ControlUiConfig(
                    controlUi.allowInsecureAuth(), controlUi.dangerouslyDisableDeviceAuth()))
            .build();
    return new Derived(walk(context, requirements, reading.silentApproval()), version);
  }

  /**
   * Derives the facts known at the HTTP upgrade request: the socket's locality ({@code
   * direct_local} or {@code remote}: the pairing locality classes need the connect frame), the
   * Origin check and the configured mode. The upgrade of OpenClaw's handshake carries no
   * credential, and no attempt is counted.
   *
   * @param socket the socket of the upgrade request
   * @param gateway the gateway's configuration
   * @param reading how the policy's release reads the request
   * @return the upgrade's facts
   * @throws InvalidContextException naming the field, if the socket address or a trusted proxy is
   *     malformed
   */
  public static UpgradeContext upgrade(
      SocketInfo socket, GatewayConfig gateway, RequestReading reading) {
    Peer at = peer(socket, gateway, reading);
    return new UpgradeContext(
        at.local() ? Locality.DIRECT_LOCAL : Locality.REMOTE,
        at.origin(),
        gateway.auth().mode(),
        Credential.NONE,
        CredentialSource.CONNECT,
        false,
        0);
  }

  /**
   * Whether the release refuses the upgrade because the client cannot be attributed: forwarding
   * headers from a peer that is not a trusted proxy, or a trusted proxy that names no usable client
   * address ({@link RequestReading#ingressAttribution()}; false under any reading without it).
   *
   * @param socket the socket of the upgrade request
   * @param gateway the gateway's configuration
   * @param reading how the policy's release reads the request
   * @return true if the upgrade is refused for proxy attribution
   * @throws InvalidContextException naming the field, if the socket address or a trusted proxy is
   *     malformed
   */
  public static boolean unattributable(
      SocketInfo socket, GatewayConfig gateway, RequestReading reading) {
    return peer(socket, gateway, reading).unattributable();
  }

  /**
   * The pairing state the release answers for: the first requirement, unless the release approves
   * it silently and goes on to the next check ({@link RequestReading#silentApproval()}); then the
   * first requirement it does not approve silently, or the first one if it approves them all.
   */
  private static ConnectContext walk(
      ConnectContext first, List<PairingState> requirements, @Nullable SilentApproval silent) {
    if (silent == null || requirements.size() < 2) {
      return first;
    }
    for (PairingState requirement : requirements) {
      ConnectContext facts = first.withPairing(requirement);
      if (!silent.approves(facts)) {
        return facts;
      }
    }
    return first;
  }

  /**
   * What the socket alone establishes: the peer, the proxies, locality, whether the release refuses
   * the client as unattributable ({@link RequestReading#ingressAttribution()}), and the Origin
   * check.
   */
  private record Peer(
      IpAddress address,
      List<IpRange> trustedProxies,
      boolean forwarded,
      boolean local,
      boolean unattributable,
      OriginCheck origin) {}

  private static Peer peer(SocketInfo socket, GatewayConfig gateway, RequestReading reading) {
    IpAddress peer = IpAddress.parse(socket.remoteAddress());
    if (peer == null) {
      throw new InvalidContextException(
          "socket.remoteAddress",
          "field `socket.remoteAddress` is not an IP address: `"
              + quoted(socket.remoteAddress())
              + "`");
    }
    List<IpRange> trustedProxies = trustedProxies(gateway.trustedProxies());
    boolean forwarded = ClientLocality.hasForwardingHeaders(socket);
    boolean peerTrusted = IpRange.anyContains(trustedProxies, peer);
    IpAddress clientAddress =
        ClientAddress.resolve(
            peer,
            socket.header("x-forwarded-for"),
            socket.header("x-real-ip"),
            trustedProxies,
            gateway.allowRealIpFallback());
    boolean local;
    boolean unattributable = false;
    if (reading.ingressAttribution()) {
      ClientLocality.Attribution attribution =
          ClientLocality.attribution(
              peer,
              forwarded,
              ClientLocality.hasTailscaleIdentityHeaders(socket),
              peerTrusted,
              clientAddress);
      unattributable = attribution == ClientLocality.Attribution.UNATTRIBUTABLE;
      local =
          attribution == ClientLocality.Attribution.DIRECT_LOCAL
              && (!reading.foreignHostIsRemote() || HostNames.isLocalish(socket.header("host")));
    } else if (reading.localFromSocketOnly()) {
      local = ClientLocality.isLocalSocket(peer, forwarded);
    } else {
      local =
          ClientLocality.isLocal(
              clientAddress,
              socket.header("host"),
              reading.foreignHostIsRemote(),
              forwarded,
              peerTrusted);
    }
    ControlUiSettings controlUi = gateway.controlUi();
    OriginCheck origin =
        BrowserOrigin.check(
            socket.header("origin"),
            socket.header("host"),
            controlUi.allowedOrigins(),
            controlUi.dangerouslyAllowHostHeaderOriginFallback(),
            local);
    return new Peer(peer, trustedProxies, forwarded, local, unattributable, origin);
  }

  private static List<IpRange> trustedProxies(List<String> entries) {
    List<IpRange> ranges = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      IpRange range = IpRange.parse(entries.get(i));
      if (range == null) {
        String path = "gateway.trustedProxies[" + i + "]";
        throw new InvalidContextException(
            path,
            "field `"
                + path
                + "` is not an IP address or CIDR block: `"
                + quoted(entries.get(i))
                + "`");
      }
      ranges.add(range);
    }
    return ranges;
  }

  /** A non-secret value quoted in a message: at most 64 characters, control characters escaped. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 64; i++) {
      char c = text.charAt(i);
      out.append(
          c < 0x20 || c == 0x7f || c == '`' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
    }
    return text.length() > 64 ? out + "..." : out.toString();
  }
}
