package dev.connectpolicy.benchmarks.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.Value;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.benchmarks.Agreement;
import dev.connectpolicy.engine.ConnectPolicies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Cedar encoding of {@code openclaw-2026.3.13} accepts exactly what the profile accepts. */
class CedarPolicyTest {

  private static final CedarPolicy CEDAR = CedarPolicy.openclaw2026_3_13();

  @Test
  void agreesWithTheProfileOnEveryCellOfTheStandardFactSpace() {
    Agreement.Result result =
        Agreement.check(
            FactSpace.standard(),
            ConnectPolicies.profile("openclaw-2026.3.13"),
            CEDAR,
            CedarPolicyTest::content);
    System.out.println(result.summary());

    assertThat(result.cells()).isEqualTo(FactSpace.standard().size());
    assertThat(result.firstDisagreements()).isEmpty();
    assertThat(result.disagreements()).isZero();
    // Scopes are the one fact the request leaves out, so a third of the cells are decided.
    assertThat(result.requests()).isEqualTo(result.cells() / Dimension.SCOPES.values().size());
  }

  @Test
  void disagreesWith312WhereTheBypassAdmittedANodeControlUi() {
    FactSpace nodeControlUi =
        FactSpace.standard()
            .restrict(Dimension.ROLE, List.of("node"))
            .restrict(Dimension.CLIENT, List.of(Client.of(Client.CONTROL_UI, "webchat")));

    Agreement.Result result =
        Agreement.check(
            nodeControlUi,
            ConnectPolicies.profile("openclaw-2026.3.12"),
            CEDAR,
            CedarPolicyTest::content);

    // docs/tables/diffs/openclaw-2026.3.12..openclaw-2026.3.13.md, row 6: 3.12 accepts a
    // device-less node Control UI under dangerouslyDisableDeviceAuth, 3.13 refuses it.
    assertThat(result.disagreements()).isEqualTo(10_680);
    assertThat(result.firstDisagreements())
        .hasSize(Agreement.SHOWN)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("\"dangerouslyDisableDeviceAuth\":true")
                    .endsWith("profile accepts, cedar openclaw-2026.3.13 denies"));
  }

  @Test
  void decidesAFewContextsAsTheTableSays() {
    ConnectContext backend =
        ConnectContext.builder()
            .role("operator")
            .client(Client.GATEWAY_CLIENT, "backend")
            .local(true)
            .origin(OriginCheck.ABSENT)
            .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
            .device(DeviceProof.VERIFIED)
            .build();

    assertThat(CEDAR.allows(backend)).as("table row 69, pairing.skip-backend-self").isTrue();
    assertThat(CEDAR.allows(backend.withLocal(false)))
        .as("table row 77, pairing.required")
        .isFalse();
    assertThat(CEDAR.allows(backend.withRole("guest"))).as("table row 1, role.known").isFalse();
    assertThat(CEDAR.policyCount()).isEqualTo(12);
  }

  /**
   * The request as Cedar receives it, flattened: the principal, action and resource, each entity
   * with its attributes and parents, and the context; every attribute as its name, its value's type
   * and its value.
   */
  private static List<Object> content(CedarPolicy.Request request) {
    AuthorizationRequest query = request.request();
    List<Object> key = new ArrayList<>(64);
    key.add(query.principalEUID);
    key.add(query.actionEUID);
    key.add(query.resourceEUID);
    // The entity set has no order; EntityUID.toString() would cost a native call, its parts none.
    request.entities().getEntities().stream()
        .sorted(
            Comparator.comparing((Entity entity) -> entity.getEUID().getType().toString())
                .thenComparing(entity -> entity.getEUID().getId().toString()))
        .forEach(
            entity -> {
              key.add(entity.getEUID());
              flatten(entity.attrs, key);
              key.add(entity.getParents());
            });
    flatten(query.context.orElse(Map.of()), key);
    return key;
  }

  private static void flatten(Map<String, Value> attributes, List<Object> key) {
    key.add(attributes.size());
    attributes.forEach(
        (name, value) -> {
          key.add(name);
          if (value instanceof CedarMap) {
            flatten((CedarMap) value, key);
          } else {
            key.add(value.getClass());
            key.add(value.toString());
          }
        });
  }
}
