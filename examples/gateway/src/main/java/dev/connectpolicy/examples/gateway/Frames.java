package dev.connectpolicy.examples.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectFrame;
import dev.connectpolicy.engine.evidence.RequestJson;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OpenClaw's frames (reference sections 1.1, 2.8 and 3): reading the client's request frames and
 * the connect parameters, writing the challenge, {@code hello-ok} and error responses. Nothing
 * written here holds a credential or a signature.
 */
final class Frames {

  /** The protocol version this gateway speaks, as OpenClaw's 2026.4 gateways do. */
  static final int PROTOCOL = 3;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Frames() {}

  /** A request frame: {@code {type: "req", id, method, params}}. */
  record Request(String id, String method, @Nullable JsonNode params) {}

  /** The connect parameters admission needs, with the protocol range the client speaks. */
  record ConnectParams(long minProtocol, long maxProtocol, ConnectFrame frame) {}

  /**
   * Reads a request frame.
   *
   * @param text the message as received
   * @return the request, or null when the text is not JSON or not a request frame (a non-empty
   *     string {@code id} and {@code method}, {@code type} {@code "req"})
   */
  static @Nullable Request request(String text) {
    JsonNode frame;
    try {
      frame = MAPPER.readTree(text);
    } catch (JsonProcessingException malformed) {
      return null;
    }
    if (frame == null || !frame.isObject() || !"req".equals(frame.path("type").textValue())) {
      return null;
    }
    String id = frame.path("id").textValue();
    String method = frame.path("method").textValue();
    if (id == null || id.isEmpty() || method == null || method.isEmpty()) {
      return null;
    }
    JsonNode params = frame.get("params");
    return new Request(id, method, params == null || params.isNull() ? null : params);
  }

  /**
   * Reads the connect parameters: the protocol range, then what admission reads, with the engine's
   * own reader of OpenClaw's connect params ({@link RequestJson#readConnectParams}), which ignores
   * the informational members ({@code client.version}, {@code caps}, {@code locale}, ...), is
   * strict on the others, and whose errors name the field ({@code connect.device.signedAt}) and
   * never quote a secret.
   *
   * @param params the request's {@code params}
   * @return the parameters
   * @throws InvalidContextException naming the field, if a parameter is missing or malformed
   */
  static ConnectParams connectParams(@Nullable JsonNode params) {
    if (params == null || !params.isObject()) {
      throw new InvalidContextException("connect", "field `connect` must be a JSON object");
    }
    long minProtocol = protocol(params, "minProtocol");
    long maxProtocol = protocol(params, "maxProtocol");
    ConnectFrame frame = RequestJson.readConnectParams(params.toString());
    return new ConnectParams(minProtocol, maxProtocol, frame);
  }

  private static long protocol(JsonNode params, String name) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      throw new InvalidContextException("connect." + name, "missing field `connect." + name + "`");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
      throw new InvalidContextException(
          "connect." + name, "field `connect." + name + "` must be an integer of at least 1");
    }
    return value.longValue();
  }

  /**
   * The event sent on open: {@code connect.challenge} with the nonce the device must sign.
   *
   * @param nonce the fresh nonce
   * @param now the gateway's clock, in milliseconds since the epoch
   * @return the frame
   */
  static String challenge(String nonce, long now) {
    ObjectNode frame = MAPPER.createObjectNode();
    frame.put("type", "event");
    frame.put("event", "connect.challenge");
    ObjectNode payload = frame.putObject("payload");
    payload.put("nonce", nonce);
    payload.put("ts", now);
    return frame.toString();
  }

  /**
   * The response to an accepted {@code connect} (reference section 2.8), without what this example
   * does not have: no {@code snapshot}, no {@code policy}, no device token.
   *
   * @param id the request's id
   * @param accept the decision
   * @param serverVersion the gateway's version
   * @param connId the connection's id
   * @return the frame
   */
  static String helloOk(String id, Accept accept, String serverVersion, String connId) {
    return helloOk(id, accept.role().wire(), accept.scopes(), serverVersion, connId);
  }

  private static String helloOk(
      String id, String role, Iterable<String> scopes, String serverVersion, String connId) {
    ObjectNode frame = response(id, true);
    ObjectNode payload = frame.putObject("payload");
    payload.put("type", "hello-ok");
    payload.put("protocol", PROTOCOL);
    ObjectNode server = payload.putObject("server");
    server.put("version", serverVersion);
    server.put("connId", connId);
    ObjectNode features = payload.putObject("features");
    features.putArray("methods");
    features.putArray("events");
    ObjectNode auth = payload.putObject("auth");
    auth.put("role", role);
    ArrayNode scopeArray = auth.putArray("scopes");
    scopes.forEach(scopeArray::add);
    return frame.toString();
  }

  /**
   * The constant answer of the load benchmark's transport floor ({@code --benchmark-floor}): a
   * {@code hello-ok} as {@link #helloOk} writes it for a node, with fixed ids, sent to every
   * connection whatever it asked.
   *
   * @param serverVersion the gateway's version
   * @return the frame
   */
  static String floorHelloOk(String serverVersion) {
    return helloOk("benchmark-floor", "node", List.of(), serverVersion, "benchmark-floor");
  }

  /**
   * The error response to a rejected {@code connect} (reference section 3): the decision's error
   * class, message and detail code, with the reason, the authentication advice and the pairing hint
   * where the decision has them; without details where the release the policy models sends none
   * ({@link Admission#sendsDetailCode}).
   *
   * @param id the request's id
   * @param reject the decision
   * @param policy the policy that decided
   * @return the frame
   */
  static String rejected(String id, Reject reject, ConnectPolicy policy) {
    if (!Admission.sendsDetailCode(policy, reject.code())) {
      // as OpenClaw answers "invalid role" and "invalid connect params: ...", and 2026.3.11 its
      // Origin rejection: no details at all
      return error(id, reject.error().wire(), reject.message(), null);
    }
    return error(id, reject.error().wire(), reject.message(), details(reject));
  }

  /**
   * The body of a refused upgrade request: the error object of {@link #rejected}, with no request
   * to answer.
   *
   * @param reject the decision on the upgrade
   * @return {@code {"ok":false,"error":{"code":...,"message":...,"details":{"code":...}}}}
   */
  static String upgradeRefused(Reject reject) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("ok", false);
    ObjectNode error = body.putObject("error");
    error.put("code", reject.error().wire());
    error.put("message", reject.message());
    error.set("details", details(reject));
    return body.toString();
  }

  private static ObjectNode details(Reject reject) {
    ObjectNode details = MAPPER.createObjectNode();
    details.put("code", reject.code().wire());
    AuthAdvice advice = reject.authAdvice();
    if (advice != null) {
      // OpenClaw names an authentication reason authReason (O11), every other one reason.
      details.put("authReason", reject.reason());
      details.put("canRetryWithDeviceToken", advice.canRetryWithDeviceToken());
      details.put("recommendedNextStep", advice.recommendedNextStep().wire());
    } else if (reject.reason() != null) {
      details.put("reason", reject.reason());
    }
    if (reject.hint() != null) {
      details.put("remediationHint", reject.hint());
    }
    return details;
  }

  /**
   * An error response.
   *
   * @param id the request's id
   * @param code the error class, such as {@code INVALID_REQUEST}
   * @param message the message
   * @param details the details, or null for none
   * @return the frame
   */
  static String error(String id, String code, String message, @Nullable ObjectNode details) {
    ObjectNode frame = response(id, false);
    ObjectNode error = frame.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (details != null) {
      error.set("details", details);
    }
    return frame.toString();
  }

  /**
   * The details of a protocol mismatch (O6).
   *
   * @return {@code {expectedProtocol: 3}}
   */
  static ObjectNode protocolMismatch() {
    ObjectNode details = MAPPER.createObjectNode();
    details.put("expectedProtocol", PROTOCOL);
    return details;
  }

  private static ObjectNode response(String id, boolean ok) {
    ObjectNode frame = MAPPER.createObjectNode();
    frame.put("type", "res");
    frame.put("id", id);
    frame.put("ok", ok);
    return frame;
  }
}
