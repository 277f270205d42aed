package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Outcome;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.table.CellOutcome;
import dev.connectpolicy.engine.table.CompactTable;
import dev.connectpolicy.engine.table.DecisionTables;
import dev.connectpolicy.engine.table.TableFormat;
import dev.connectpolicy.engine.table.TableRow;
import dev.connectpolicy.engine.table.Tabulation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small space: operators and nodes, without a device or with a verified one, remote. */
  private static final FactSpace SMALL =
      FactSpace.standard()
          .restrict(Dimension.ROLE, List.of("operator", "node"))
          .restrict(Dimension.SCOPES, List.of(List.of()))
          .restrict(Dimension.LOCALITY, List.of(dev.connectpolicy.api.Locality.REMOTE))
          .restrict(Dimension.CONTROL_UI, List.of(dev.connectpolicy.api.ControlUiConfig.DEFAULT))
          .filter(
              Dimension.DEVICE,
              device ->
                  device == dev.connectpolicy.api.DeviceProof.ABSENT
                      || device == dev.connectpolicy.api.DeviceProof.VERIFIED);

  @Test
  void theFullTableHasOneRowPerCellInEveryFormat() throws IOException {
    ConnectPolicy policy = ConnectPolicies.recommended();
    long cells = SMALL.size();

    StringBuilder csv = new StringBuilder();
    assertThat(DecisionTables.write(policy, SMALL, TableFormat.CSV, csv)).isEqualTo(cells);
    List<String> lines = csv.toString().lines().toList();
    assertThat(lines).hasSize((int) cells + 1);
    assertThat(lines.get(0))
        .startsWith("role,scopes,client,locality,origin,auth.mode,")
        .endsWith(",outcome,code,acceptedRole,acceptedScopes,pairingAction,decidedBy");

    StringBuilder markdown = new StringBuilder();
    DecisionTables.write(policy, SMALL, TableFormat.MARKDOWN, markdown);
    assertThat(markdown.toString().lines().filter(l -> l.startsWith("| ")).count())
        .isEqualTo(cells + 1);

    StringBuilder jsonl = new StringBuilder();
    DecisionTables.write(policy, SMALL, TableFormat.JSONL, jsonl);
    List<String> rows = jsonl.toString().lines().toList();
    assertThat(rows).hasSize((int) cells);
    JsonNode first = JSON.readTree(rows.get(0));
    ConnectContext context = PolicyJson.readContext(first.get("facts").toString());
    assertThat(PolicyJson.readDecision(first.get("decision").toString()))
        .isEqualTo(policy.evaluate(context));
  }

  @Test
  void aCompactTableExpandsToTheFullTableRowByRow() {
    ConnectPolicy policy = ConnectPolicies.profile("openclaw-2026.3.13");
    Tabulation tabulation = DecisionTables.tabulate(SMALL, policy);
    CompactTable table = tabulation.compact(policy);

    assertThat(tabulation.disagreements(table, policy)).isZero();
    assertThat(table.rows().stream().mapToLong(TableRow::cells).sum()).isEqualTo(SMALL.size());
    SMALL.forEach(
        context ->
            assertThat(table.rowFor(context).orElseThrow().then())
                .isEqualTo(CellOutcome.of(policy.evaluate(context))));
  }

  @Test
  void aTableThatLiesIsCaught() {
    ConnectPolicy honest = ConnectPolicies.profile("openclaw-2026.3.13");
    ConnectPolicy lenient =
        context ->
            context.role().equals("node")
                ? new dev.connectpolicy.api.Accept(
                    dev.connectpolicy.api.Role.NODE,
                    List.of(),
                    false,
                    dev.connectpolicy.api.PairingAction.NONE,
                    "test.node")
                : honest.evaluate(context);
    Tabulation tabulation = DecisionTables.tabulate(SMALL, honest, lenient);

    assertThat(tabulation.disagreements(tabulation.compact(lenient), honest)).isPositive();
    CompactTable diff = tabulation.diff(honest, lenient);
    assertThat(tabulation.disagreements(diff, honest, lenient)).isZero();
    assertThat(tabulation.disagreements(diff, honest, honest)).isPositive();
  }

  @Test
  void aDiffListsExactlyTheChangedCellsWithBothOutcomes() {
    ConnectPolicy base = ConnectPolicies.profile("openclaw-2026.3.13");
    ConnectPolicy changed = ConnectPolicies.profile("openclaw-2026.3.13+pr48285");
    FactSpace loopback =
        SMALL.restrict(Dimension.LOCALITY, List.of(dev.connectpolicy.api.Locality.DIRECT_LOCAL));
    Tabulation tabulation = DecisionTables.tabulate(loopback, base, changed);
    CompactTable diff = tabulation.diff(base, changed);

    long changedCells =
        loopback
            .contexts()
            .filter(
                c ->
                    !CellOutcome.of(base.evaluate(c))
                        .observable()
                        .equals(CellOutcome.of(changed.evaluate(c)).observable()))
            .count();
    assertThat(changedCells).isPositive();
    assertThat(diff.coveredCells()).isEqualTo(changedCells);
    assertThat(diff.rows()).allSatisfy(row -> assertThat(row.before()).isNotNull());
    assertThat(diff.rows())
        .allSatisfy(row -> assertThat(row.then().decidedBy()).isEqualTo("device.node-loopback"));
    assertThat(tabulation.diff(base, base).rows()).isEmpty();
  }

  @Test
  void rowsFollowTheOrderOfTheRulesThatDecide() {
    CompactTable table =
        DecisionTables.tabulate(SMALL, ConnectPolicies.recommended())
            .compact(ConnectPolicies.recommended());

    assertThat(table.rows().get(0).then().decidedBy()).isEqualTo("origin.browser-check");
    assertThat(table.rows().get(table.rows().size() - 1).then().decidedBy())
        .isEqualTo("pairing.required");
  }

  @Test
  void compactFormatsCarryTheSameRows() throws IOException {
    ConnectPolicy policy = ConnectPolicies.profile("openclaw-latest");
    CompactTable table = DecisionTables.tabulate(SMALL, policy).compact(policy);

    List<String> csv = table.toString(TableFormat.CSV).lines().toList();
    assertThat(csv).hasSize(table.rows().size() + 1);
    assertThat(csv.get(0)).endsWith(",decidedBy,cells");
    List<String> jsonl = table.toString(TableFormat.JSONL).lines().toList();
    assertThat(jsonl).hasSize(table.rows().size());
    JsonNode row = JSON.readTree(jsonl.get(0));
    assertThat(row.get("then").get("decidedBy").asText())
        .isEqualTo(table.rows().get(0).then().decidedBy());
    assertThat(row.get("cells").asLong()).isEqualTo(table.rows().get(0).cells());
    String markdown = table.toString(TableFormat.MARKDOWN);
    assertThat(markdown)
        .startsWith("# Decision table: openclaw-latest\n")
        .contains("A cell takes the decision of the first row that matches it");
    assertThat(markdown.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count())
        .isEqualTo(table.rows().size());
  }

  @Test
  void cellOutcomesLeaveOutMessagesButKeepTheRule() {
    CellOutcome reject =
        CellOutcome.of(Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "role.known"));

    assertThat(reject.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(reject.summary()).isEqualTo("reject INVALID_ROLE");
    assertThat(reject.observable().decidedBy()).isEqualTo(Dimension.Column.NONE);
    ConnectContext cli =
        ConnectContext.builder()
            .role("operator")
            .client(Client.CLI, "cli")
            .local(true)
            .origin(dev.connectpolicy.api.OriginCheck.ABSENT)
            .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
            .device(dev.connectpolicy.api.DeviceProof.ABSENT)
            .build();
    assertThat(CellOutcome.of(ConnectPolicies.recommended().evaluate(cli)).summary())
        .isEqualTo("accept operator kept none");
  }
}
