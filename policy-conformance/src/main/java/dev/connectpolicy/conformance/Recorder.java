package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.conformance.Cell.Credential;
import dev.connectpolicy.conformance.Cell.Locality;
import dev.connectpolicy.conformance.Cell.Origin;
import dev.connectpolicy.conformance.Cell.Pairing;
import dev.connectpolicy.conformance.Cell.Proof;
import dev.connectpolicy.conformance.Cell.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Drives a gateway that speaks OpenClaw's connect handshake through a grid of attempts and records,
 * for each, the raw request as {@code admit} reads it (contract section 3) and the gateway's real
 * answer.
 *
 * <p>Each attempt opens a WebSocket from {@code 127.0.0.1}, reads {@code connect.challenge}, sends
 * a {@code connect} request built from its {@link Cell}, and records the answer: {@code hello-ok}
 * with a probe of {@code status} (a method that needs {@code operator.read}), or the error with its
 * detail code and the close frame, or the HTTP status and body of a refused upgrade. A cell that
 * needs a paired device first pairs it for real: the same device connects locally with the right
 * secret (that setup attempt is recorded too), and the record the gateway stored is read from its
 * state directory just before the attempt.
 *
 * <p>No secret reaches a recording: the gateway's token or password and the device tokens it issues
 * are replaced by fixed markers, consistently, so that a replay still tells the right secret from a
 * wrong one; the device signatures recorded are made by the same throwaway key over the payload
 * with the markers, the ones sent over the payload with the real secrets.
 */
final class Recorder {

  /** Stands for the gateway's shared token in a recording. */
  static final String TOKEN_MARKER = "recorded-gateway-token";

  /** Stands for the gateway's shared password in a recording. */
  static final String PASSWORD_MARKER = "recorded-gateway-password";

  /** Stands for a device token the gateway issued, in a recording. */
  static final String DEVICE_TOKEN_MARKER = "recorded-device-token";

  static final String ALLOWED_ORIGIN = "https://control.example.test";
  static final String FOREIGN_ORIGIN = "https://elsewhere.example.test";
  static final String FOREIGN_HOST = "gateway.example.test";
  static final String FORWARDED_FOR = "203.0.113.7";
  static final String WRONG_SECRET = "not-the-configured-secret";
  static final String WRONG_DEVICE_TOKEN = "not-an-issued-device-token";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
  private static final long STALE_MS = 10 * 60 * 1000L;

  /** The protocol range offered: OpenClaw 2026.3 to 2026.5 speak 3, 2026.9 speaks 4. */
  static final int MIN_PROTOCOL = 3;

  static final int MAX_PROTOCOL = 4;

  /** The close code of a gateway that is still starting; the attempt is made again. */
  private static final int TRY_AGAIN_LATER = 1013;

  private static final int STARTING_RETRIES = 60;

  /** The nonce recorded for an attempt whose upgrade was refused: no challenge was sent. */
  static final String NO_CHALLENGE = "no-challenge-upgrade-refused";

  private final HttpClient http;
  private final URI uri;
  private final GatewaySetup setup;
  private final PairingStore pairings;

  /**
   * A recorder for one running gateway.
   *
   * @param uri its WebSocket address on loopback
   * @param setup its configuration, with the real secrets
   * @param pairings where it stores pairing records ({@code devices/paired.json}, or the SQLite
   *     state database of 2026.9)
   */
  Recorder(URI uri, GatewaySetup setup, PairingStore pairings) {
    String host = uri.getHost();
    if (!"127.0.0.1".equals(host) && !"[::1]".equals(host) && !"::1".equals(host)) {
      throw new IllegalArgumentException(
          "the recorder connects to 127.0.0.1 or ::1 only, not " + host);
    }
    // The foreign-host cells send their own Host header, which the JDK allows only when told.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    this.http = HttpClient.newHttpClient();
    this.uri = uri;
    this.setup = setup;
    this.pairings = pairings;
  }

  /**
   * Records every cell, setup attempts included, one attempt line each.
   *
   * @param cells the cells
   * @param sink receives each attempt line as it is recorded
   * @return the number of attempts recorded
   */
  int record(List<Cell> cells, Consumer<ObjectNode> sink) {
    int attempts = 0;
    for (Cell cell : cells) {
      Device device = cell.proof() == Proof.NONE ? null : Device.generate();
      String platform = "linux";
      if (cell.pairing() != Pairing.UNPAIRED && device != null) {
        Setup pairing = setupFor(cell);
        ObjectNode line = attempt(pairing.cell(), device, pairing.platform());
        line.put("setupFor", cell.name());
        sink.accept(line);
        attempts++;
      }
      sink.accept(attempt(cell, device, platform));
      attempts++;
    }
    return attempts;
  }

  /** The attempt that pairs a cell's device first, and the platform it pairs. */
  private record Setup(Cell cell, String platform) {}

  private static Setup setupFor(Cell cell) {
    Cell setup =
        cell.withPairing(Pairing.UNPAIRED)
            .withCredential(Credential.RIGHT)
            .withLocality(Locality.DIRECT)
            .withSchema(Schema.VALID)
            .withProof(Proof.V3);
    String platform = "linux";
    switch (cell.pairing()) {
      case OTHER_ROLE ->
          setup =
              cell.role().equals("node")
                  ? Grid.base(List.of("cli", "cli")).withProof(Proof.V3)
                  : Grid.base(List.of("node-host", "node")).withProof(Proof.V3);
      case FEWER_SCOPES -> setup = setup.withScopes(List.of("operator.read"));
      case OTHER_PLATFORM -> platform = "macos";
      case OTHER_CLIENT ->
          setup =
              new Cell(
                  cell.clientId().equals("openclaw-macos") ? "cli" : "openclaw-macos",
                  cell.clientId().equals("openclaw-macos") ? "cli" : "ui",
                  cell.role(),
                  cell.scopes(),
                  Credential.RIGHT,
                  Proof.V3,
                  Pairing.UNPAIRED,
                  Locality.DIRECT,
                  Origin.ABSENT,
                  Schema.VALID);
      default -> {}
    }
    return new Setup(setup, platform);
  }

  /** One attempt: connect, answer, probe; never throws for what the gateway does. */
  private ObjectNode attempt(Cell cell, @Nullable Device device, String platform) {
    ObjectNode line = exchange(cell, device, platform);
    for (int retry = 0; retry < STARTING_RETRIES && starting(line); retry++) {
      pause();
      line = exchange(cell, device, platform);
    }
    line.set("answer", line.remove("answer")); // last, after the request it answers
    return line;
  }

  /** Whether the gateway answered that it is still starting (it closes with 1013). */
  private static boolean starting(ObjectNode line) {
    return line.path("answer").path("close").path("code").asInt() == TRY_AGAIN_LATER;
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode exchange(Cell cell, @Nullable Device device, String platform) {
    ObjectNode line = NODES.objectNode();
    line.put("attempt", cell.name() + (platform.equals("linux") ? "" : " platform=" + platform));
    line.set("cell", cell.toJson());
    Map<String, String> headers = headers(cell);
    ObjectNode answer = line.putObject("answer");
    try (Session session = Session.open(http, uri, headers, TIMEOUT)) {
      Session.Event first = session.next(TIMEOUT);
      if (!(first instanceof Session.Message challenge)
          || !"connect.challenge".equals(challenge.json().path("event").asText())) {
        answer.put("kind", "no-challenge");
        return line;
      }
      String nonce = challenge.json().path("payload").path("nonce").asText();
      long now = System.currentTimeMillis();
      JsonNode stored = storedPairing(device);
      String deviceToken = issuedDeviceToken(stored, cell.role());
      Secrets real = new Secrets(setup.token(), setup.password(), deviceToken);
      Secrets marked =
          new Secrets(
              setup.token() == null ? null : TOKEN_MARKER,
              setup.password() == null ? null : PASSWORD_MARKER,
              deviceToken == null ? null : DEVICE_TOKEN_MARKER);
      ObjectNode wire = params(cell, device, platform, nonce, now, real);
      ObjectNode recorded = params(cell, device, platform, nonce, now, marked);
      line.set("request", request(recorded, headers, nonce, now, stored, deviceToken));
      line.set("sentClient", recorded.get("client"));
      if (stored != null) {
        line.set("storedPairing", withoutTokens(stored));
      }
      ObjectNode frame = NODES.objectNode();
      frame.put("type", "req");
      frame.put("id", "connect");
      frame.put("method", "connect");
      frame.set("params", wire);
      session.send(frame.toString());
      answer(session, answer);
    } catch (Session.Refused refused) {
      answer.put("kind", "upgrade-refused");
      answer.put("status", refused.status());
      answer.put("body", refused.body());
      // The request the client would have sent, signed over a nonce no gateway issued.
      long now = System.currentTimeMillis();
      Secrets marked =
          new Secrets(
              setup.token() == null ? null : TOKEN_MARKER,
              setup.password() == null ? null : PASSWORD_MARKER,
              null);
      ObjectNode recorded = params(cell, device, platform, NO_CHALLENGE, now, marked);
      line.set("request", request(recorded, headers, NO_CHALLENGE, now, null, null));
      line.set("sentClient", recorded.get("client"));
    } catch (IOException e) {
      answer.put("kind", "failed");
      answer.put("detail", String.valueOf(e.getMessage()));
    }
    return line;
  }

  private void answer(Session session, ObjectNode answer) throws IOException {
    while (true) {
      Session.Event event = session.next(TIMEOUT);
      if (event == null) {
        answer.put("kind", "timeout");
        return;
      }
      if (event instanceof Session.Closed closed) {
        answer.put("kind", "closed");
        close(answer, closed);
        return;
      }
      JsonNode json = ((Session.Message) event).json();
      if (!"res".equals(json.path("type").asText())
          || !"connect".equals(json.path("id").asText())) {
        continue;
      }
      if (json.path("ok").asBoolean(false)) {
        JsonNode hello = json.path("payload");
        answer.put("kind", "hello-ok");
        JsonNode auth = hello.path("auth");
        if (auth.isObject()) {
          ObjectNode issued = answer.putObject("auth");
          issued.set("role", auth.get("role"));
          issued.set("scopes", auth.get("scopes"));
          issued.put("deviceToken", auth.hasNonNull("deviceToken"));
        }
        answer.set("server", hello.path("server").get("version"));
        answer.set("protocol", hello.get("protocol"));
        probe(session, answer);
        return;
      }
      answer.put("kind", "error");
      answer.set("error", json.get("error"));
      Session.Event after = session.next(CLOSE_WAIT);
      while (after instanceof Session.Message) {
        after = session.next(CLOSE_WAIT);
      }
      if (after instanceof Session.Closed closed) {
        close(answer, closed);
      }
      return;
    }
  }

  /** Calls {@code status}, which needs {@code operator.read}: are the scopes effective? */
  private static void probe(Session session, ObjectNode answer) throws IOException {
    session.send("{\"type\":\"req\",\"id\":\"probe\",\"method\":\"status\",\"params\":{}}");
    ObjectNode probe = answer.putObject("probe");
    probe.put("method", "status");
    while (true) {
      Session.Event event = session.next(TIMEOUT);
      if (event == null) {
        probe.put("ok", false);
        probe.put("timeout", true);
        return;
      }
      if (event instanceof Session.Closed closed) {
        probe.put("ok", false);
        close(probe, closed);
        return;
      }
      JsonNode json = ((Session.Message) event).json();
      if ("res".equals(json.path("type").asText()) && "probe".equals(json.path("id").asText())) {
        probe.put("ok", json.path("ok").asBoolean(false));
        if (json.has("error")) {
          probe.set("error", json.get("error"));
        }
        return;
      }
    }
  }

  private static void close(ObjectNode answer, Session.Closed closed) {
    ObjectNode close = answer.putObject("close");
    close.put("code", closed.code());
    close.put("reason", closed.reason());
  }

  private static Map<String, String> headers(Cell cell) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (cell.origin()) {
      case ALLOWED -> headers.put("Origin", ALLOWED_ORIGIN);
      case FOREIGN -> headers.put("Origin", FOREIGN_ORIGIN);
      case LOOPBACK -> headers.put("Origin", "http://127.0.0.1");
      case ABSENT -> {}
    }
    switch (cell.locality()) {
      case FOREIGN_HOST -> headers.put("Host", FOREIGN_HOST);
      case FORWARDED -> headers.put("X-Forwarded-For", FORWARDED_FOR);
      case DIRECT -> {}
    }
    return headers;
  }

  /** The secrets of one side: the real ones sent, or the markers recorded. */
  private record Secrets(
      @Nullable String token, @Nullable String password, @Nullable String deviceToken) {

    @Nullable String shared() {
      return token != null ? token : password;
    }
  }

  private ObjectNode params(
      Cell cell,
      @Nullable Device device,
      String platform,
      String nonce,
      long now,
      Secrets secrets) {
    ObjectNode params = NODES.objectNode();
    params.put("minProtocol", MIN_PROTOCOL);
    params.put("maxProtocol", MAX_PROTOCOL);
    ObjectNode client = params.putObject("client");
    client.put("id", cell.clientId());
    client.put("mode", cell.clientMode());
    if (cell.schema() != Schema.NO_VERSION) {
      client.put("version", "1.0.0");
    }
    String sentPlatform = cell.schema() == Schema.NO_PLATFORM ? "" : platform;
    if (cell.schema() != Schema.NO_PLATFORM) {
      client.put("platform", platform);
    }
    String family = "";
    if (cell.schema() == Schema.EMPTY_FAMILY) {
      client.put("deviceFamily", "");
    } else if (cell.schema() == Schema.FAMILY) {
      family = "desktop";
      client.put("deviceFamily", family);
    }
    params.put("role", cell.role());
    ArrayNode scopes = params.putArray("scopes");
    cell.scopes().forEach(scopes::add);
    ObjectNode auth = NODES.objectNode();
    boolean tokenMode = setup.token() != null;
    switch (cell.credential()) {
      case RIGHT -> auth.put(tokenMode ? "token" : "password", secrets.shared());
      case WRONG -> auth.put(tokenMode ? "token" : "password", WRONG_SECRET);
      case WRONG_KIND -> auth.put(tokenMode ? "password" : "token", secrets.shared());
      case DEVICE_TOKEN ->
          auth.put("deviceToken", Objects.requireNonNullElse(secrets.deviceToken(), ""));
      case WRONG_DEVICE_TOKEN -> auth.put("deviceToken", WRONG_DEVICE_TOKEN);
      case MISSING -> {}
    }
    // A mode without a shared secret has nothing to send in its field.
    auth.properties().removeIf(entry -> entry.getValue().isNull());
    if (!auth.isEmpty()) {
      params.set("auth", auth);
    }
    if (device != null) {
      params.set("device", device(cell, device, sentPlatform, family, nonce, now, auth));
    }
    return params;
  }

  private static ObjectNode device(
      Cell cell,
      Device device,
      String platform,
      String family,
      String nonce,
      long now,
      ObjectNode auth) {
    String slot =
        auth.has("token")
            ? auth.get("token").asText()
            : auth.has("deviceToken") ? auth.get("deviceToken").asText() : "";
    long signedAt = cell.proof() == Proof.STALE ? now - STALE_MS : now;
    String signedNonce =
        switch (cell.proof()) {
          case WRONG_NONCE ->
              UUID.nameUUIDFromBytes(nonce.getBytes(StandardCharsets.UTF_8)).toString();
          case NO_NONCE -> "";
          default -> nonce;
        };
    String role = cell.proof() == Proof.BAD_SIGNATURE ? "not-" + cell.role() : cell.role();
    Device.Payload payload =
        new Device.Payload(
            cell.clientId(),
            cell.clientMode(),
            role,
            cell.scopes(),
            signedAt,
            slot,
            signedNonce,
            platform,
            family);
    String id =
        cell.proof() == Proof.ID_MISMATCH
            ? new StringBuilder(device.id()).reverse().toString()
            : device.id();
    ObjectNode json = NODES.objectNode();
    json.put("id", id);
    json.put("publicKey", device.publicKey());
    json.put("signature", device.sign(cell.proof() == Proof.V2 ? payload.v2(id) : payload.v3(id)));
    json.put("signedAt", signedAt);
    if (cell.proof() != Proof.NO_NONCE) {
      json.put("nonce", signedNonce);
    }
    return json;
  }

  /** The raw request of contract section 3, with markers for the secrets. */
  private ObjectNode request(
      ObjectNode params,
      Map<String, String> headers,
      String nonce,
      long now,
      @Nullable JsonNode stored,
      @Nullable String deviceToken) {
    ObjectNode request = NODES.objectNode();
    ObjectNode connect = request.putObject("connect");
    ObjectNode client = connect.putObject("client");
    JsonNode sent = params.get("client");
    for (String field : List.of("id", "mode", "version", "platform", "deviceFamily")) {
      if (sent.has(field)) {
        client.set(field, sent.get(field));
      }
    }
    connect.set("role", params.get("role"));
    connect.set("scopes", params.get("scopes"));
    if (params.has("auth")) {
      connect.set("auth", params.get("auth"));
    }
    if (params.has("device")) {
      connect.set("device", params.get("device"));
    }
    ObjectNode socket = request.putObject("socket");
    socket.put("remoteAddress", "127.0.0.1");
    ObjectNode sentHeaders = socket.putObject("headers");
    sentHeaders.put("host", uri.getHost() + ":" + uri.getPort());
    headers.forEach((name, value) -> sentHeaders.put(name.toLowerCase(Locale.ROOT), value));
    request.put("challengeNonce", nonce);
    request.put("now", now);
    request.set("gateway", setup.recorded());
    if (stored != null) {
      ObjectNode paired = request.putObject("pairedDevice");
      paired.set("publicKey", stored.get("publicKey"));
      ArrayNode roles = paired.putArray("roles");
      for (JsonNode role : stored.path("roles")) {
        roles.add(role);
      }
      if (roles.isEmpty() && stored.hasNonNull("role")) {
        roles.add(stored.get("role"));
      }
      JsonNode scopes =
          stored.hasNonNull("approvedScopes") ? stored.get("approvedScopes") : stored.get("scopes");
      if (scopes != null) {
        // a record without any scope list is not one with an empty list: OpenClaw's device-token
        // check fails without a baseline (resolveApprovedDeviceScopeBaseline)
        paired.set("scopes", scopes);
      }
      if (stored.hasNonNull("platform")) {
        paired.set("platform", stored.get("platform"));
      }
      if (stored.hasNonNull("deviceFamily")) {
        paired.set("deviceFamily", stored.get("deviceFamily"));
      }
      if (deviceToken != null) {
        paired.put("deviceToken", DEVICE_TOKEN_MARKER);
      }
    }
    return request;
  }

  /** The pairing record the gateway stored for the device, or null. */
  private @Nullable JsonNode storedPairing(@Nullable Device device) throws IOException {
    if (device == null) {
      return null;
    }
    return pairings.record(device.id());
  }

  /** The live device token the gateway issued for a role, or null. */
  private static @Nullable String issuedDeviceToken(@Nullable JsonNode stored, String role) {
    if (stored == null) {
      return null;
    }
    JsonNode token = stored.path("tokens").path(role);
    if (!token.path("token").isTextual() || token.hasNonNull("revokedAtMs")) {
      return null;
    }
    return token.get("token").asText();
  }

  /** A copy of a stored record without its token values. */
  private static JsonNode withoutTokens(JsonNode stored) {
    ObjectNode copy = stored.deepCopy();
    JsonNode tokens = copy.get("tokens");
    if (tokens instanceof ObjectNode byRole) {
      for (Iterator<JsonNode> it = byRole.elements(); it.hasNext(); ) {
        JsonNode token = it.next();
        if (token instanceof ObjectNode entry && entry.has("token")) {
          entry.put("token", DEVICE_TOKEN_MARKER);
        }
      }
    }
    return copy;
  }
}
