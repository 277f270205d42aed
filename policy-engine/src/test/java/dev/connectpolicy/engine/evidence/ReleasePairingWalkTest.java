package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import org.junit.jupiter.api.Test;

/**
 * How 2026.4.22 and 2026.5.28 read locality and walk their pairing checks, as their shipped bundles
 * do and their recordings show: {@code isLocalDirectRequest} from the socket alone; the metadata,
 * role and scope checks run one after the other against the record as read, each requirement
 * approved silently letting the next one run ({@code requirePairing}); 2026.3.13 stops at the first
 * requirement.
 */
class ReleasePairingWalkTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String MORE_SCOPES =
      "pairing required: device is asking for more scopes than currently approved";
  private static final String HIGHER_ROLE =
      "pairing required: device is asking for a higher role than currently approved";
  private static final String IDENTITY_CHANGED =
      "pairing required: device identity changed and must be re-approved";

  /** A signed request from the given client, role and scopes, with a pairing record. */
  private static ConnectRequest request(
      String client, String mode, String role, String scopes, String record, String socket) {
    String row =
        "{\"given\": {\"connect\": {\"client\": {\"id\": \""
            + client
            + "\", \"mode\": \""
            + mode
            + "\", \"version\": \"1.0.0\", \"platform\": \"macos\"}, \"role\": \""
            + role
            + "\", \"scopes\": "
            + scopes
            + "}, \"socket\": "
            + socket
            + ", \"pairedDevice\": "
            + record
            + "}, \"device\": {\"version\": \"v3\"}}";
    try {
      JsonNode parsed = MAPPER.readTree(row);
      return RequestJson.read(Requests.build(parsed));
    } catch (Exception broken) {
      throw new IllegalStateException(broken);
    }
  }

  private static final String LOOPBACK =
      "{\"remoteAddress\": \"127.0.0.1\", \"headers\": {\"host\": \"127.0.0.1:18789\"}}";
  private static final String FORWARDED =
      "{\"remoteAddress\": \"127.0.0.1\", \"headers\": {\"host\": \"127.0.0.1:18789\","
          + " \"x-forwarded-for\": \"203.0.113.7\"}}";
  private static final String PAIRED_AS_NODE =
      "{\"publicKey\": \"$KEY\", \"roles\": [\"node\"], \"platform\": \"macos\"}";
  private static final String PAIRED_AS_OPERATOR =
      "{\"publicKey\": \"$KEY\", \"roles\": [\"operator\"], \"scopes\": [\"operator.read\"],"
          + " \"platform\": \"macos\"}";

  private static Admission.Result admit(String profile, ConnectRequest request) {
    return Admission.admit(ConnectPolicies.profile(profile), request);
  }

  private static PairingState pairing(Admission.Result result) {
    ConnectContext facts = result.facts().orElseThrow();
    return facts.pairing();
  }

  private static String refusal(Decision decision) {
    assertThat(decision).isInstanceOf(Reject.class);
    Reject reject = (Reject) decision;
    assertThat(reject.code()).isEqualTo(RejectCode.PAIRING_REQUIRED);
    return reject.message();
  }

  @Test
  void aLocalRoleUpgradeApprovedSilentlyGoesOnToTheScopesOfTheOldRecord() {
    ConnectRequest operator =
        request("cli", "cli", "operator", "[\"operator.read\"]", PAIRED_AS_NODE, LOOPBACK);
    for (String profile : new String[] {"openclaw-2026.4.22", "openclaw-2026.5.28"}) {
      Admission.Result result = admit(profile, operator);
      assertThat(pairing(result)).as(profile).isEqualTo(PairingState.SCOPE_UPGRADE);
      assertThat(refusal(result.decision())).as(profile).isEqualTo(MORE_SCOPES);
    }
    // 2026.3.13 never approves a role upgrade silently, so its first requirement is the answer
    Admission.Result before = admit("openclaw-2026.3.13", operator);
    assertThat(pairing(before)).isEqualTo(PairingState.ROLE_UPGRADE);
    // without the walk the state is the first requirement
    assertThat(Admission.facts(operator).pairing()).isEqualTo(PairingState.ROLE_UPGRADE);
  }

  @Test
  void aRemoteRoleUpgradeIsNotApprovedSoItIsTheAnswer() {
    ConnectRequest remote =
        request("cli", "cli", "operator", "[\"operator.read\"]", PAIRED_AS_NODE, FORWARDED);
    Admission.Result result = admit("openclaw-2026.4.22", remote);
    assertThat(pairing(result)).isEqualTo(PairingState.ROLE_UPGRADE);
    assertThat(refusal(result.decision())).isEqualTo(HIGHER_ROLE);
  }

  @Test
  void aPairedDeviceAskingAsNodeIsNeverUpgradedSilentlyFrom2026_5_28() {
    ConnectRequest node = request("node-host", "node", "node", "[]", PAIRED_AS_OPERATOR, LOOPBACK);
    assertThat(admit("openclaw-2026.4.22", node).decision().isAccepted()).isTrue();
    Admission.Result result = admit("openclaw-2026.5.28", node);
    assertThat(pairing(result)).isEqualTo(PairingState.ROLE_UPGRADE);
    assertThat(refusal(result.decision())).isEqualTo(HIGHER_ROLE);
  }

  @Test
  void aNativeAppsPlatformChangeIsSilentFrom2026_5_28Only() {
    String linux =
        "{\"publicKey\": \"$KEY\", \"roles\": [\"operator\"], \"scopes\": [\"operator.read\"],"
            + " \"platform\": \"linux\"}";
    ConnectRequest app =
        request("openclaw-macos", "ui", "operator", "[\"operator.read\"]", linux, LOOPBACK);
    Admission.Result old = admit("openclaw-2026.4.22", app);
    assertThat(pairing(old)).isEqualTo(PairingState.METADATA_UPGRADE);
    assertThat(refusal(old.decision())).isEqualTo(IDENTITY_CHANGED);
    assertThat(admit("openclaw-2026.5.28", app).decision().isAccepted()).isTrue();
  }

  @Test
  void theWalkGoesThroughASilentMetadataUpgradeToo() {
    String linuxNode = "{\"publicKey\": \"$KEY\", \"roles\": [\"node\"], \"platform\": \"linux\"}";
    ConnectRequest app =
        request("openclaw-macos", "ui", "operator", "[\"operator.read\"]", linuxNode, LOOPBACK);
    // 2026.5.28: the native app's metadata and the operator role are approved, the scopes are not
    Admission.Result result = admit("openclaw-2026.5.28", app);
    assertThat(pairing(result)).isEqualTo(PairingState.SCOPE_UPGRADE);
    assertThat(refusal(result.decision())).isEqualTo(MORE_SCOPES);
    // 2026.4.22 does not approve the native app's metadata: that is its answer
    Admission.Result old = admit("openclaw-2026.4.22", app);
    assertThat(pairing(old)).isEqualTo(PairingState.METADATA_UPGRADE);
    assertThat(refusal(old.decision())).isEqualTo(IDENTITY_CHANGED);
  }

  @Test
  void locality2026_4And2026_5IsTheSocketsAloneTrustedProxiesOrNot() {
    String gateway =
        "{\"auth\": {\"mode\": \"token\", \"token\": \"gw-token\"},"
            + " \"trustedProxies\": [\"127.0.0.1\"]}";
    String quiet =
        "{\"remoteAddress\": \"127.0.0.1\", \"headers\": {\"host\": \"127.0.0.1:18789\"}}";
    String forwardsLoopback =
        "{\"remoteAddress\": \"127.0.0.1\", \"headers\": {\"host\": \"127.0.0.1:18789\","
            + " \"x-forwarded-for\": \"::1\"}}";
    for (String profile : new String[] {"openclaw-2026.4.22", "openclaw-2026.5.28"}) {
      assertThat(local(profile, quiet, gateway)).as(profile).isTrue();
      assertThat(local(profile, forwardsLoopback, gateway)).as(profile).isFalse();
    }
    // 2026.3.13 resolves the client behind its trusted proxies
    assertThat(local("openclaw-2026.3.13", quiet, gateway)).isFalse();
    assertThat(local("openclaw-2026.3.13", forwardsLoopback, gateway)).isTrue();
  }

  private static boolean local(String profile, String socket, String gateway) {
    String row =
        "{\"given\": {\"connect\": {\"client\": {\"version\": \"1.0.0\", \"platform\": \"linux\"}},"
            + " \"socket\": "
            + socket
            + ", \"gateway\": "
            + gateway
            + "}}";
    try {
      ConnectRequest request = RequestJson.read(Requests.build(MAPPER.readTree(row)));
      return admit(profile, request).facts().orElseThrow().local();
    } catch (Exception broken) {
      throw new IllegalStateException(broken);
    }
  }
}
