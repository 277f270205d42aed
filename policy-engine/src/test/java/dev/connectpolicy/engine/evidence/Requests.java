package dev.connectpolicy.engine.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.connectpolicy.engine.evidence.internal.DevicePayload;
import dev.connectpolicy.engine.evidence.internal.JsText;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds raw request JSON for the data-driven rows: a base request, the row's {@code given} merged
 * in, a device proof signed with a test key when the row asks for one, then the row's {@code after}
 * merged in (tampering after signing). Strings {@code $KEY}, {@code $KEY_PEM}, {@code $ID}, {@code
 * $OTHER_KEY} and {@code $OTHER_ID} stand for the test keys and their fingerprints.
 */
@SuppressWarnings("exports") // test helper
public final class Requests {

  /** The clock of every row: 2026-01-01T00:00:00Z. */
  public static final long NOW = 1_767_225_600_000L;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final KeyPair KEY = generate();
  private static final KeyPair OTHER = generate();

  private static final String BASE =
      "{\"connect\": {\"client\": {\"id\": \"cli\", \"mode\": \"cli\"}, \"role\": \"operator\","
          + " \"scopes\": [], \"auth\": {\"token\": \"gw-token\"}},"
          + " \"socket\": {\"remoteAddress\": \"203.0.113.10\","
          + " \"headers\": {\"host\": \"gateway.example\"}},"
          + " \"challengeNonce\": \"challenge-1\", \"now\": "
          + NOW
          + ", \"gateway\": {\"auth\": {\"mode\": \"token\", \"token\": \"gw-token\"}}}";

  private Requests() {}

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Builds the request of a row.
   *
   * @param row a row with {@code given}, optionally {@code device} and {@code after}
   * @return the request as one line of JSON
   */
  public static String build(JsonNode row) {
    try {
      ObjectNode request = (ObjectNode) MAPPER.readTree(BASE);
      merge(request, row.path("given"));
      JsonNode device = row.get("device");
      if (device != null) {
        sign(request, device);
      }
      merge(request, row.path("after"));
      return MAPPER.writeValueAsString(substitute(request));
    } catch (Exception broken) {
      throw new IllegalStateException("cannot build the request of " + row, broken);
    }
  }

  /** Deep merge: objects merge, everything else (arrays, values, null) replaces. */
  static void merge(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      JsonNode existing = target.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  private static void sign(ObjectNode request, JsonNode spec) throws GeneralSecurityException {
    ObjectNode connect = (ObjectNode) request.get("connect");
    ObjectNode device = MAPPER.createObjectNode();
    device.put("id", fingerprint(KEY));
    device.put("publicKey", spec.path("key").asText("raw").equals("pem") ? pem(KEY) : raw(KEY));
    device.put("signedAt", request.get("now").asLong());
    device.put("nonce", request.get("challengeNonce").asText());
    merge(device, connect.path("device"));
    connect.set("device", device);
    JsonNode client = connect.get("client");
    JsonNode auth = connect.path("auth");
    List<String> scopes = new ArrayList<>();
    connect.path("scopes").forEach(scope -> scopes.add(scope.asText()));
    String role = connect.hasNonNull("role") ? connect.get("role").asText() : "operator";
    String nonce = device.hasNonNull("nonce") ? JsText.trim(device.get("nonce").asText()) : "";
    String payload =
        payload(
            !spec.path("version").asText("v3").equals("v2"),
            device.get("id").asText(),
            new ClientInfo(
                client.get("id").asText(),
                client.get("mode").asText(),
                TestData.textOrNull(client, "platform"),
                TestData.textOrNull(client, "deviceFamily")),
            role,
            scopes,
            device.path("signedAt").asLong(0),
            new Credentials(
                TestData.textOrNull(auth, "token"),
                null,
                TestData.textOrNull(auth, "deviceToken"),
                TestData.textOrNull(auth, "bootstrapToken")),
            nonce);
    byte[] signature = sign(KEY, payload);
    device.put(
        "signature",
        spec.path("encoding").asText("base64url").equals("standard")
            ? Base64.getEncoder().encodeToString(signature)
            : Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  /**
   * Signs a payload with a key pair.
   *
   * @param pair the key pair
   * @param payload the text
   * @return the signature
   * @throws GeneralSecurityException never, on a JDK with Ed25519
   */
  public static byte[] sign(KeyPair pair, String payload) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(payload.getBytes(StandardCharsets.UTF_8));
    return signer.sign();
  }

  /**
   * Builds the payload a device signs, v3 or v2, from the values of a request.
   *
   * @param v3 whether to build the v3 payload (else v2)
   * @param deviceId the claimed device id
   * @param client the declared client
   * @param role the role
   * @param scopes the scopes
   * @param signedAt the signing time
   * @param auth the credentials (for the token slot)
   * @param nonce the trimmed nonce
   * @return the payload
   */
  public static String payload(
      boolean v3,
      String deviceId,
      ClientInfo client,
      String role,
      List<String> scopes,
      long signedAt,
      Credentials auth,
      String nonce) {
    String token = DevicePayload.tokenSlot(auth.token(), auth.deviceToken(), auth.bootstrapToken());
    return v3
        ? DevicePayload.v3(
            deviceId,
            client.id(),
            client.mode(),
            role,
            scopes,
            signedAt,
            token,
            nonce,
            client.platform(),
            client.deviceFamily())
        : DevicePayload.v2(
            deviceId, client.id(), client.mode(), role, scopes, signedAt, token, nonce);
  }

  private static JsonNode substitute(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      switch (text) {
        case "$KEY":
          return TextNode.valueOf(raw(KEY));
        case "$KEY_PEM":
          return TextNode.valueOf(pem(KEY));
        case "$ID":
          return TextNode.valueOf(fingerprint(KEY));
        case "$OTHER_KEY":
          return TextNode.valueOf(raw(OTHER));
        case "$OTHER_ID":
          return TextNode.valueOf(fingerprint(OTHER));
        default:
          return node;
      }
    }
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      node.properties().forEach(f -> copy.set(f.getKey(), substitute(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(item -> copy.add(substitute(item)));
      return copy;
    }
    return node;
  }

  /**
   * The raw public key of a pair.
   *
   * @param pair an Ed25519 key pair
   * @return the 32 raw bytes
   */
  public static byte[] rawBytes(KeyPair pair) {
    byte[] spki = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  /**
   * The wire form of a pair's public key.
   *
   * @param pair an Ed25519 key pair
   * @return base64url of the raw key
   */
  public static String raw(KeyPair pair) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(rawBytes(pair));
  }

  /**
   * A pair's public key as PEM.
   *
   * @param pair an Ed25519 key pair
   * @return the PEM block
   */
  public static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The device id of a pair: hex SHA-256 of the raw key, computed here independently.
   *
   * @param pair an Ed25519 key pair
   * @return 64 lowercase hex digits
   */
  public static String fingerprint(KeyPair pair) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBytes(pair)));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
