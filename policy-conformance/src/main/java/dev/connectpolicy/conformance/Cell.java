package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * One connect attempt of the grid: who connects, with what, from where.
 *
 * @param clientId the declared {@code client.id}
 * @param clientMode the declared {@code client.mode}
 * @param role the declared role
 * @param scopes the declared scopes
 * @param credential what the client presents in {@code auth}
 * @param proof the device identity it sends
 * @param pairing what the gateway has paired for the device before the attempt
 * @param locality where the connection appears to come from
 * @param origin the {@code Origin} header
 * @param schema how the {@code client} object deviates from a well-formed one
 */
record Cell(
    String clientId,
    String clientMode,
    String role,
    List<String> scopes,
    Credential credential,
    Proof proof,
    Pairing pairing,
    Locality locality,
    Origin origin,
    Schema schema) {

  Cell {
    scopes = List.copyOf(scopes);
  }

  /** What the client presents in {@code auth}. */
  enum Credential {
    /** The gateway's shared secret, in the field of its kind. */
    RIGHT,
    /** A wrong value in the field of the gateway's kind. */
    WRONG,
    /** No {@code auth} at all. */
    MISSING,
    /** The right secret in the field of the other kind ({@code password} for a token). */
    WRONG_KIND,
    /** Only the device token the gateway issued at pairing. */
    DEVICE_TOKEN,
    /** Only a device token the gateway never issued. */
    WRONG_DEVICE_TOKEN
  }

  /** The device identity sent. */
  enum Proof {
    /** No {@code device}. */
    NONE,
    /** A fresh signature over the v3 payload. */
    V3,
    /** A fresh signature over the v2 payload. */
    V2,
    /** A signature over a payload naming another role. */
    BAD_SIGNATURE,
    /** Signed ten minutes ago. */
    STALE,
    /** Signed over a nonce the gateway did not send. */
    WRONG_NONCE,
    /** No nonce. */
    NO_NONCE,
    /** A device id that is not the fingerprint of the key. */
    ID_MISMATCH
  }

  /** What the gateway has paired for the device before the attempt. */
  enum Pairing {
    /** Nothing: a new device. */
    UNPAIRED,
    /** The same client, role, scopes and platform. */
    PAIRED,
    /** The other role. */
    OTHER_ROLE,
    /** Fewer scopes ({@code operator.read} only). */
    FEWER_SCOPES,
    /** Another platform. */
    OTHER_PLATFORM,
    /** Another client id and mode. */
    OTHER_CLIENT
  }

  /** Where the connection appears to come from; the socket is always loopback. */
  enum Locality {
    /** A direct loopback client with a loopback Host header. */
    DIRECT,
    /** A loopback socket with a Host header naming another host. */
    FOREIGN_HOST,
    /** {@code X-Forwarded-For} naming a public address. */
    FORWARDED
  }

  /** The {@code Origin} header. */
  enum Origin {
    /** None. */
    ABSENT,
    /** The configured allowed origin. */
    ALLOWED,
    /** Another site. */
    FOREIGN,
    /** The gateway's own loopback address. */
    LOOPBACK
  }

  /** How the {@code client} object deviates from a well-formed one. */
  enum Schema {
    /** {@code version} and {@code platform} present, no {@code deviceFamily}. */
    VALID,
    /** No {@code version}. */
    NO_VERSION,
    /** No {@code platform}. */
    NO_PLATFORM,
    /** An empty {@code deviceFamily}. */
    EMPTY_FAMILY,
    /** A {@code deviceFamily} of {@code desktop}. */
    FAMILY
  }

  Cell withCredential(Credential value) {
    return new Cell(
        clientId, clientMode, role, scopes, value, proof, pairing, locality, origin, schema);
  }

  Cell withProof(Proof value) {
    return new Cell(
        clientId, clientMode, role, scopes, credential, value, pairing, locality, origin, schema);
  }

  Cell withPairing(Pairing value) {
    return new Cell(
        clientId, clientMode, role, scopes, credential, proof, value, locality, origin, schema);
  }

  Cell withLocality(Locality value) {
    return new Cell(
        clientId, clientMode, role, scopes, credential, proof, pairing, value, origin, schema);
  }

  Cell withOrigin(Origin value) {
    return new Cell(
        clientId, clientMode, role, scopes, credential, proof, pairing, locality, value, schema);
  }

  Cell withSchema(Schema value) {
    return new Cell(
        clientId, clientMode, role, scopes, credential, proof, pairing, locality, origin, value);
  }

  Cell withScopes(List<String> value) {
    return new Cell(
        clientId, clientMode, role, value, credential, proof, pairing, locality, origin, schema);
  }

  /** The cell as the JSON object of a recording's {@code cell} member. */
  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("client", clientId + "/" + clientMode);
    json.put("role", role);
    scopes.forEach(json.putArray("scopes")::add);
    json.put("credential", wire(credential));
    json.put("device", wire(proof));
    json.put("pairing", wire(pairing));
    json.put("locality", wire(locality));
    json.put("origin", wire(origin));
    json.put("schema", wire(schema));
    return json;
  }

  /** A one-line name, unique within a grid. */
  String name() {
    return clientId
        + "/"
        + clientMode
        + " "
        + role
        + " ["
        + String.join(",", scopes)
        + "] credential="
        + wire(credential)
        + " device="
        + wire(proof)
        + " pairing="
        + wire(pairing)
        + " locality="
        + wire(locality)
        + " origin="
        + wire(origin)
        + " schema="
        + wire(schema);
  }

  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
