package dev.connectpolicy.benchmarks.casbin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.benchmarks.ComparisonPolicyContract;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jCasbin encoding of {@code openclaw-2026.3.13} accepts exactly what the profile accepts. */
class CasbinPolicyTest extends ComparisonPolicyContract<Object[]> {

  private static final CasbinPolicy CASBIN = CasbinPolicy.openclaw2026_3_13();

  @Override
  protected CasbinPolicy policy() {
    return CASBIN;
  }

  @Test
  void holdsItsRules() {
    assertThat(CASBIN.ruleCount()).isEqualTo(13);
  }

  /** The request as jCasbin receives it: the argument array of {@code enforce}. */
  @Override
  protected List<Object> content(Object[] request) {
    return Arrays.asList(request);
  }
}
