package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import org.junit.jupiter.api.Test;

/** The error frames, with details exactly where OpenClaw sends them. */
class FramesTest {

  private static JsonNode error(Reject reject) throws Exception {
    return new ObjectMapper().readTree(Frames.rejected("c1", reject)).path("error");
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
}
