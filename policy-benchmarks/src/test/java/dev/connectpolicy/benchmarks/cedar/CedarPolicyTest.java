package dev.connectpolicy.benchmarks.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.Value;
import dev.connectpolicy.benchmarks.ComparisonPolicyContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Cedar encoding of {@code openclaw-2026.3.13} accepts exactly what the profile accepts. */
class CedarPolicyTest extends ComparisonPolicyContract<CedarPolicy.Request> {

  private static final CedarPolicy CEDAR = CedarPolicy.openclaw2026_3_13();

  @Override
  protected CedarPolicy policy() {
    return CEDAR;
  }

  @Test
  void holdsItsRules() {
    assertThat(CEDAR.policyCount()).isEqualTo(12);
  }

  /**
   * The request as Cedar receives it, flattened: the principal, action and resource, each entity
   * with its attributes and parents, and the context; every attribute as its name, its value's type
   * and its value.
   */
  @Override
  protected List<Object> content(CedarPolicy.Request request) {
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
