package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.ConnectPolicies;
import org.junit.jupiter.api.Test;

/** The error frames, with details exactly where OpenClaw sends them. */
class FramesTest {

  private static JsonNode error(Reject reject) throws Exception {
    return error(reject, ConnectPolicies.recommended());
  }

  private static JsonNode error(Reject reject, ConnectPolicy policy) throws Exception {
    return new ObjectMapper().readTree(Frames.rejected("c1", reject, policy)).path("error");
  }

  @Test
  void invalidRoleAndConnectSchemaMisfitsCarryNoDetails_othersTheirCode() throws Exception {
    JsonNode role = error(Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role.known"));
    assertThat(role.path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(role.path("message").asText()).isEqualTo("invalid role");
    assertThat(role.has("details")).isFalse();
    JsonNode schema =
        error(
            Reject.of(
                RejectCode.INVALID_CONNECT_PARAMS,
                null,
                "invalid connect params: at /client: must have required property 'version'",
                "connect.schema"));
    assertThat(schema.has("details")).isFalse();
    JsonNode pairing =
        error(Reject.of(RejectCode.PAIRING_REQUIRED, null, "pairing required", "pairing"));
    assertThat(pairing.path("details").path("code").asText()).isEqualTo("PAIRING_REQUIRED");
  }

  @Test
  void theOriginRejectionOf2026_3_11CarriesNoDetails() throws Exception {
    Reject origin =
        Reject.of(
            RejectCode.CONTROL_UI_ORIGIN_NOT_ALLOWED,
            null,
            "origin not allowed (open the Control UI from the gateway host or allow it in"
                + " gateway.controlUi.allowedOrigins)",
            "origin.allowed");
    JsonNode old = error(origin, ConnectPolicies.profile("openclaw-2026.3.11"));
    assertThat(old.path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(old.has("details")).isFalse();
    JsonNode later = error(origin, ConnectPolicies.profile("openclaw-2026.3.13"));
    assertThat(later.path("details").path("code").asText())
        .isEqualTo("CONTROL_UI_ORIGIN_NOT_ALLOWED");
    assertThat(error(origin).path("details").path("code").asText())
        .isEqualTo("CONTROL_UI_ORIGIN_NOT_ALLOWED");
  }
}
