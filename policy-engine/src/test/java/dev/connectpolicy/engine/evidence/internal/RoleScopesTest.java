package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.engine.evidence.TestData;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The {@code roleScopesAllow} rows of reference section 2.7. */
class RoleScopesTest {

  @TestFactory
  Stream<DynamicTest> roleScopesAllow_followsOpenClawsImplications() {
    return TestData.rows("evidence/role-scopes.json").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("ref").asText()
                        + ": "
                        + row.get("role").asText()
                        + " "
                        + row.get("requested")
                        + " within "
                        + row.get("allowed"),
                    () ->
                        assertThat(
                                RoleScopes.allow(
                                    row.get("role").asText(),
                                    TestData.strings(row.get("requested")),
                                    TestData.strings(row.get("allowed"))))
                            .isEqualTo(row.get("allow").asBoolean())));
  }
}
