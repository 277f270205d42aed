package dev.connectpolicy.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {

  @Test
  void attemptsThatDifferInOneFactColumnMergeIntoOneRow() {
    Rows rows = new Rows();
    rows.add(Aspect.CODE, "-", "INVALID_ROLE", Map.of("role", "admin", "device", "absent"), "a");
    rows.add(Aspect.CODE, "-", "INVALID_ROLE", Map.of("role", "admin", "device", "verified"), "b");
    List<Rows.Row> compacted = rows.compacted();
    assertThat(compacted).hasSize(1);
    assertThat(compacted.get(0).attempts()).isEqualTo(2);
    assertThat(compacted.get(0).facts().get("device")).containsExactly("absent", "verified");
    assertThat(compacted.get(0).example()).isEqualTo("a");
  }

  @Test
  void differentValuesOrAspectsNeverMerge() {
    Rows rows = new Rows();
    rows.add(Aspect.CODE, "-", "INVALID_ROLE", Map.of("role", "admin"), "a");
    rows.add(Aspect.CODE, "-", "PAIRING_REQUIRED", Map.of("role", "admin"), "b");
    rows.add(Aspect.MESSAGE, "-", "INVALID_ROLE", Map.of("role", "admin"), "c");
    assertThat(rows.compacted()).hasSize(3);
  }

  @Test
  void attemptsThatDifferInTwoColumnsStaySeparate() {
    Rows rows = new Rows();
    rows.add(Aspect.OUTCOME, "reject", "accept", Map.of("role", "node", "device", "absent"), "a");
    rows.add(Aspect.OUTCOME, "reject", "accept", Map.of("role", "operator", "device", "v3"), "b");
    assertThat(rows.compacted()).hasSize(2);
  }

  @Test
  void theTableShowsOnlyTheColumnsThatVary() {
    Rows rows = new Rows();
    rows.add(Aspect.CODE, "-", "X", Map.of("role", "admin", "auth.mode", "token"), "a|b");
    rows.add(Aspect.CODE, "-", "Y", Map.of("role", "node", "auth.mode", "token"), "c");
    StringBuilder out = new StringBuilder();
    Rows.writeMarkdown(rows.compacted(), "gateway", "model", out);
    assertThat(out.toString())
        .startsWith("| aspect | role | gateway | model | attempts | example |\n")
        .contains("| code | admin | - | X | 1 | a\\|b |")
        .doesNotContain("auth.mode");
  }
}
