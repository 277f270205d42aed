package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A gateway's configuration as the recorder needs it: read from an OpenClaw {@code openclaw.json}
 * (the file the gateway itself reads, so the secrets come from a file and never from the command
 * line), as the {@code gateway} object of contract section 3 with the secrets replaced by markers.
 * {@link #toString()} never shows a secret.
 */
final class GatewaySetup {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final @Nullable String token;
  private final @Nullable String password;
  private final ObjectNode recorded;
  private final ObjectNode configuration;

  private GatewaySetup(
      @Nullable String token,
      @Nullable String password,
      ObjectNode recorded,
      ObjectNode configuration) {
    this.token = token;
    this.password = password;
    this.recorded = recorded;
    this.configuration = configuration;
  }

  /**
   * Reads an {@code openclaw.json}.
   *
   * @param file the file
   * @return the setup
   * @throws IOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if it has no {@code gateway.auth.mode}
   */
  static GatewaySetup read(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readString(file));
    JsonNode gateway = root.path("gateway");
    JsonNode auth = gateway.path("auth");
    String mode = auth.path("mode").asText("");
    if (mode.isEmpty()) {
      throw new IllegalArgumentException(file + " has no gateway.auth.mode");
    }
    String token = auth.path("token").isTextual() ? auth.get("token").asText() : null;
    String password = auth.path("password").isTextual() ? auth.get("password").asText() : null;
    ObjectNode recorded = JSON.createObjectNode();
    ObjectNode recordedAuth = recorded.putObject("auth");
    recordedAuth.put("mode", mode);
    if (token != null) {
      recordedAuth.put("token", Recorder.TOKEN_MARKER);
    }
    if (password != null) {
      recordedAuth.put("password", Recorder.PASSWORD_MARKER);
    }
    if (auth.has("trustedProxy")) {
      recordedAuth.set("trustedProxy", auth.get("trustedProxy"));
    }
    recorded.set(
        "trustedProxies",
        gateway.has("trustedProxies") ? gateway.get("trustedProxies") : JSON.createArrayNode());
    recorded.put("allowRealIpFallback", gateway.path("allowRealIpFallback").asBoolean(false));
    JsonNode ui = gateway.path("controlUi");
    ObjectNode controlUi = recorded.putObject("controlUi");
    controlUi.set(
        "allowedOrigins",
        ui.has("allowedOrigins") ? ui.get("allowedOrigins") : JSON.createArrayNode());
    for (String flag :
        new String[] {
          "allowInsecureAuth",
          "dangerouslyDisableDeviceAuth",
          "dangerouslyAllowHostHeaderOriginFallback"
        }) {
      controlUi.put(flag, ui.path(flag).asBoolean(false));
    }
    ObjectNode configuration = root.deepCopy();
    ObjectNode masked = (ObjectNode) configuration.path("gateway").path("auth");
    if (token != null) {
      masked.put("token", Recorder.TOKEN_MARKER);
    }
    if (password != null) {
      masked.put("password", Recorder.PASSWORD_MARKER);
    }
    return new GatewaySetup(token, password, recorded, configuration);
  }

  /** The shared token, or null. */
  @Nullable String token() {
    return token;
  }

  /** The shared password, or null. */
  @Nullable String password() {
    return password;
  }

  /** The {@code gateway} object of a recorded request, with markers for the secrets. */
  ObjectNode recorded() {
    return recorded.deepCopy();
  }

  /** The whole configuration file, with markers for the secrets. */
  ObjectNode configuration() {
    return configuration.deepCopy();
  }

  @Override
  public String toString() {
    return "GatewaySetup" + recorded;
  }
}
