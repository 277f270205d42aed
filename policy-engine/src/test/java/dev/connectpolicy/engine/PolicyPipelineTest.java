package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.CredentialSource;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Effect;
import dev.connectpolicy.api.Effects;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.TraceEntry;
import dev.connectpolicy.api.UpgradeContext;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.UpgradeOutcome;
import dev.connectpolicy.api.UpgradeRule;
import dev.connectpolicy.api.Verdict;
import dev.connectpolicy.api.WorkspaceAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PolicyPipelineTest {

  private static final ConnectContext OPERATOR =
      ConnectContext.builder()
          .role("operator")
          .scopes("operator.read")
          .client(Client.CLI, "cli")
          .local(false)
          .origin(OriginCheck.ABSENT)
          .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
          .device(DeviceProof.ABSENT)
          .build();

  private static Rule throwing() {
    return Rule.of(
        "test.throws",
        "always fails",
        (context, established) -> {
          throw new IllegalStateException("boom with a secret s3cret");
        });
  }

  @Test
  void aRuleThatThrowsFailsClosedNamingTheRule() {
    PolicyPipeline policy =
        PolicyPipeline.builder("broken")
            .stage(Stage.of("first", Rules.operatorSharedAuth()))
            .stage(Stage.of("second", throwing()))
            .build();

    Decision decision = policy.evaluate(OPERATOR);

    assertThat(decision).isInstanceOf(Reject.class);
    Reject reject = (Reject) decision;
    assertThat(reject.code()).isEqualTo(RejectCode.INTERNAL_ERROR);
    assertThat(reject.decidedBy()).isEqualTo("test.throws");
    assertThat(reject.close().code()).isEqualTo(1011);
    assertThat(reject.message())
        .isEqualTo("policy rule `test.throws` failed; the connection is refused")
        .doesNotContain("s3cret");
    assertThat(policy.explain(OPERATOR).trace())
        .last()
        .extracting(TraceEntry::rule, TraceEntry::verdict, TraceEntry::code)
        .containsExactly("test.throws", Verdict.Kind.REJECT, RejectCode.INTERNAL_ERROR);
  }

  @Test
  void aRuleThatAnswersNothingFailsClosed() {
    PolicyPipeline policy =
        PolicyPipeline.builder("silent")
            .stage(Stage.of("only").otherwise(Rule.of("test.null", "answers null", (c, e) -> null)))
            .build();

    assertThat(((Reject) policy.evaluate(OPERATOR)).code()).isEqualTo(RejectCode.INTERNAL_ERROR);
  }

  @Test
  void aMissingContextIsRejectedAsInvalid() {
    Decision decision = ConnectPolicies.recommended().evaluate(null);

    assertThat(((Reject) decision).code()).isEqualTo(RejectCode.INVALID_CONTEXT);
    assertThat(decision.decidedBy()).isEqualTo("context.missing");
  }

  @Test
  void anUnknownRoleIsNeverAcceptedEvenWithoutARoleRule() {
    PolicyPipeline permissive = PolicyPipeline.builder("permissive").build();

    Decision decision = permissive.evaluate(OPERATOR.withRole("root"));

    assertThat(((Reject) decision).code()).isEqualTo(RejectCode.INVALID_ROLE);
    assertThat(decision.decidedBy()).isEqualTo(PolicyPipeline.ACCEPT);
  }

  @Test
  void theFirstRuleThatDoesNotAbstainDecidesItsStage() {
    Rule never = Rule.of("test.abstains", "never applies", (c, e) -> Verdict.abstain());
    Rule clears = Rule.of("test.clears", "clears", (c, e) -> Verdict.pass(Effect.CLEAR_SCOPES));
    Rule admits = Rule.of("test.admits", "admits", (c, e) -> Verdict.admit(Effect.PAIRED));
    PolicyPipeline policy =
        PolicyPipeline.builder("order")
            .stage(Stage.of("scopes", never, clears, admits))
            .stage(
                Stage.of(
                    "pairing",
                    Rule.of("test.pairs", "pairs", (c, e) -> Verdict.admit(Effect.PAIRED))))
            .build();

    Explanation explanation = policy.explain(OPERATOR);
    Accept accept = (Accept) explanation.decision();

    assertThat(accept.scopes()).isEmpty();
    assertThat(accept.scopesCleared()).isTrue();
    assertThat(accept.pairing()).isEqualTo(PairingAction.PAIRED);
    assertThat(accept.decidedBy()).isEqualTo("test.pairs");
    assertThat(explanation.trace())
        .extracting(TraceEntry::rule)
        .containsExactly("test.abstains", "test.clears", "test.pairs");
  }

  @Test
  void anAcceptanceNoRuleAdmittedIsNamedAccept() {
    PolicyPipeline policy =
        PolicyPipeline.builder("passing").stage(Stage.of("role", Rules.knownRole())).build();

    assertThat(policy.evaluate(OPERATOR).decidedBy()).isEqualTo(PolicyPipeline.ACCEPT);
    assertThat(policy.explain(OPERATOR).trace())
        .extracting(TraceEntry::rule, TraceEntry::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("role.known", Verdict.Kind.ABSTAIN),
            org.assertj.core.groups.Tuple.tuple("role.default", Verdict.Kind.PASS));
  }

  @Test
  void aRejectionIsAlwaysNamedAfterTheRuleThatReturnedIt() {
    Reject borrowed = Reject.of(RejectCode.INVALID_ROLE, null, "invalid role", "someone.else");
    PolicyPipeline policy =
        PolicyPipeline.builder("named")
            .stage(
                Stage.of(
                    "only", Rule.of("test.rejects", "rejects", (c, e) -> Verdict.reject(borrowed))))
            .build();

    assertThat(policy.evaluate(OPERATOR).decidedBy()).isEqualTo("test.rejects");
  }

  @Test
  void ruleIdsAndStageNamesAreUniqueInAPipeline() {
    assertThatThrownBy(
            () ->
                PolicyPipeline.builder("twice")
                    .stage(Stage.of("a", Rules.knownRole()))
                    .stage(Stage.of("b", Rules.knownRole()))
                    .build())
        .hasMessage("policy `twice` has two rules with id `role.known`");
    assertThatThrownBy(
            () ->
                PolicyPipeline.builder("stages").stage(Stage.of("a")).stage(Stage.of("a")).build())
        .hasMessage("policy `stages` has two stages named `a`");
    assertThatThrownBy(() -> Stage.of("Bad Name")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyNameAndAliasFindsExactlyOneProfile() {
    List<String> all = new ArrayList<>(ConnectPolicies.names());
    all.addAll(ConnectPolicies.aliases().keySet());
    assertThat(all).doesNotHaveDuplicates();
    for (Profile profile : Profile.values()) {
      for (String alias : profile.aliases()) {
        assertThat(Profile.named(alias)).contains(profile);
      }
    }
  }

  @Test
  void profilesAreFoundByNameAndUnknownNamesListTheKnownOnes() {
    assertThat(ConnectPolicies.profile("openclaw-latest"))
        .isSameAs(Profile.OPENCLAW_2026_9_6.policy());
    assertThat(ConnectPolicies.names())
        .hasSize(16)
        .startsWith("openclaw-2026.3.11", "openclaw-2026.3.12")
        .contains("recommended")
        .endsWith("mosaic-198+rate-limit");
    assertThat(ConnectPolicies.profile("openclaw-2026.4"))
        .isSameAs(ConnectPolicies.profile("openclaw-2026.4.22"))
        .isSameAs(Profile.OPENCLAW_2026_4.policy());
    assertThat(ConnectPolicies.compiled("openclaw-2026.5"))
        .isSameAs(ConnectPolicies.compiled("openclaw-2026.5.28"));
    assertThat(ConnectPolicies.profile("openclaw-2026.5").name()).isEqualTo("openclaw-2026.5.28");
    assertThat(ConnectPolicies.names()).doesNotContain("openclaw-2026.4", "openclaw-2026.5");
    assertThat(ConnectPolicies.aliases())
        .containsEntry("openclaw-2026.4", "openclaw-2026.4.22")
        .containsEntry("openclaw-2026.5", "openclaw-2026.5.28")
        .containsEntry("openclaw-latest", "openclaw-2026.9.6");
    assertThatThrownBy(() -> ConnectPolicies.profile("openclaw-1.0"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageStartingWith(
            "unknown profile `openclaw-1.0`, expected one of openclaw-2026.3.11,");
    assertThat(ConnectPolicies.recommended().rule("pairing.silent-local")).isPresent();
    assertThat(ConnectPolicies.recommended().rule("device.node-loopback")).isEmpty();
    assertThat(ConnectPolicies.recommended().rule("device.missing-identity")).isPresent();
  }

  @Test
  void everyRuleOfEveryProfileIsDescribed() {
    for (Profile profile : Profile.values()) {
      assertThat(profile.policy().description()).isEqualTo(profile.summary());
      for (Stage stage : profile.policy().stages()) {
        for (Rule rule : stage.rules()) {
          assertThat(rule.description()).as(rule.id()).isNotBlank().doesNotEndWith(".");
        }
      }
    }
  }

  @Test
  void fixedRejectionsAreSharedConstantsNotCopies() {
    PolicyPipeline policy = ConnectPolicies.profile("openclaw-2026.3.13");
    ConnectContext node = OPERATOR.withRole("node");

    assertThat(policy.evaluate(node)).isSameAs(policy.evaluate(node));
  }

  @Test
  void acceptancesWithoutScopesAreSharedAndScopedOnesCarryTheirScopes() {
    // Built anew: the shared acceptances are made by the constructor, which mutation testing
    // changes after the shared profiles were built.
    PolicyPipeline policy = Profile.OPENCLAW_2026_3_13.define();

    Decision cleared = policy.evaluate(OPERATOR);
    assertThat(cleared).isSameAs(policy.evaluate(OPERATOR.withScopes(List.of("operator.admin"))));
    assertThat(((Accept) cleared).scopesCleared()).isTrue();
    ConnectContext paired =
        OPERATOR
            .withDevice(DeviceProof.VERIFIED)
            .withPairing(dev.connectpolicy.api.PairingState.PAIRED);
    assertThat(((Accept) policy.evaluate(paired)).scopes()).containsExactly("operator.read");
    assertThat(policy.evaluate(paired.withScopes(List.of())))
        .isSameAs(policy.evaluate(paired.withScopes(List.of())));
  }

  @Test
  void aRuleThatDecidesItsStageIsConsultedOnce() {
    AtomicInteger calls = new AtomicInteger();
    Rule counted =
        Rule.of(
            "test.counted",
            "admits, counting its consultations",
            (c, e) -> {
              calls.incrementAndGet();
              return Verdict.admit();
            });
    PolicyPipeline policy = PolicyPipeline.builder("once").stage(Stage.of("only", counted)).build();

    assertThat(policy.evaluate(OPERATOR).decidedBy()).isEqualTo("test.counted");
    assertThat(calls).hasValue(1);
  }

  @Test
  void theBypassRulesAdmitOnlyTheControlUiOfTheirClassification() {
    // A pipeline may ignore the terminal UI's device (BROWSER_AND_TUI) and still bypass only the
    // browser Control UI: an ignored device alone admits nobody.
    Effects ignored = Effects.of(Effect.IGNORE_DEVICE);
    ConnectContext browser =
        OPERATOR
            .withClient(new Client(Client.CONTROL_UI, "webchat"))
            .withOrigin(OriginCheck.ALLOWED);
    ConnectContext terminal = OPERATOR.withClient(new Client(Client.TUI, "ui"));

    for (Rule bypass :
        List.of(
            Rules.controlUiBypassAnyRole(ControlUiClients.BROWSER_ONLY),
            Rules.controlUiBypassOperator(ControlUiClients.BROWSER_ONLY))) {
      assertThat(bypass.evaluate(browser, ignored).kind()).isEqualTo(Verdict.Kind.ADMIT);
      assertThat(bypass.evaluate(terminal, ignored).kind()).isEqualTo(Verdict.Kind.ABSTAIN);
    }
  }

  @Test
  void theInsecureLocalControlUiKeepsItsScopesOnlyOnLoopbackWithTheFlag() {
    Rule keep = Rules.scopesKeepInsecureLocalControlUi(ControlUiClients.BROWSER_ONLY);
    ConnectContext insecureLocal =
        OPERATOR
            .withClient(new Client(Client.CONTROL_UI, "webchat"))
            .withOrigin(OriginCheck.ALLOWED)
            .withLocal(true)
            .withControlUi(new ControlUiConfig(true, false));

    assertThat(keep.evaluate(insecureLocal, Effects.none()).kind()).isEqualTo(Verdict.Kind.PASS);
    assertThat(keep.evaluate(insecureLocal.withLocal(false), Effects.none()).kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);
    assertThat(
            keep.evaluate(insecureLocal.withControlUi(ControlUiConfig.DEFAULT), Effects.none())
                .kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);
  }

  @Test
  void theLocalCliKeepsItsScopesOnlyWithAVerifiedSharedSecret() {
    Rule keep = Rules.scopesKeepLocalCli();
    ConnectContext localCli = OPERATOR.withLocal(true);
    AuthFacts wrongToken =
        AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch");

    assertThat(keep.evaluate(localCli, Effects.none()).kind()).isEqualTo(Verdict.Kind.PASS);
    assertThat(keep.evaluate(localCli.withAuth(wrongToken), Effects.none()).kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);
  }

  @Test
  void theTraceCarriesCodesOnlyOnRejections() {
    Explanation explanation =
        ConnectPolicies.profile("openclaw-2026.3.13").explain(OPERATOR.withRole("node"));

    assertThat(explanation.trace())
        .filteredOn(entry -> entry.verdict() != Verdict.Kind.REJECT)
        .allSatisfy(entry -> assertThat(entry.code()).isNull());
    assertThat(explanation.trace())
        .last()
        .extracting(TraceEntry::code)
        .isEqualTo(RejectCode.DEVICE_IDENTITY_REQUIRED);
  }

  @Test
  void aPipelineDescribesItself() {
    PolicyPipeline policy = ConnectPolicies.profile("openclaw-latest");

    assertThat(policy.name()).isEqualTo("openclaw-2026.9.6");
    assertThat(policy).hasToString("openclaw-2026.9.6");
    assertThat(policy.stages())
        .extracting(Stage::name)
        .startsWith("role", "origin")
        .endsWith("pairing");
    assertThat(policy.stages().get(0).toString())
        .isEqualTo("role[role.known] otherwise role.default");
    assertThatThrownBy(() -> PolicyPipeline.builder(" ").build())
        .hasMessage("a policy needs a name");
  }

  private static UpgradeRule upgradeAbstains() {
    return UpgradeRule.of("test.up-abstains", "never applies", upgrade -> Optional.empty());
  }

  private static UpgradeContext upgradeWith(
      Credential credential, CredentialSource source, boolean verified) {
    return new UpgradeContext(
        Locality.REMOTE, OriginCheck.ABSENT, AuthMode.PASSWORD, credential, source, verified, 0);
  }

  @Test
  void anUpgradeRejectionDecidesBeforeTheStagesAndIsNamedAfterItsRule() {
    Reject borrowed =
        Reject.of(RejectCode.AUTH_NOT_AUTHENTICATED, null, "not authenticated", "someone.else");
    AtomicInteger calls = new AtomicInteger();
    Rule counted =
        Rule.of(
            "test.counted",
            "admits, counting its consultations",
            (c, e) -> {
              calls.incrementAndGet();
              return Verdict.admit();
            });
    PolicyPipeline policy =
        PolicyPipeline.builder("gated")
            .upgrade(
                upgradeAbstains(),
                UpgradeRule.of(
                    "test.up-rejects",
                    "rejects",
                    upgrade -> Optional.of(UpgradeDecision.reject(401, borrowed))))
            .stage(Stage.of("only", counted))
            .build();

    assertThat(policy.hasUpgradePhase()).isTrue();
    assertThat(policy.upgradeRules())
        .extracting(UpgradeRule::id)
        .containsExactly("test.up-abstains", "test.up-rejects");
    UpgradeDecision upgrade = policy.evaluateUpgrade(OPERATOR.upgrade());
    assertThat(upgrade.outcome()).isEqualTo(UpgradeOutcome.REJECT);
    assertThat(upgrade.status()).isEqualTo(401);
    assertThat(upgrade.decidedBy()).isEqualTo("test.up-rejects");
    assertThat(upgrade.reject().decidedBy()).isEqualTo("test.up-rejects");
    assertThat(upgrade.reject().code()).isEqualTo(RejectCode.AUTH_NOT_AUTHENTICATED);

    Decision decision = policy.evaluate(OPERATOR);
    assertThat(((Reject) decision).code()).isEqualTo(RejectCode.AUTH_NOT_AUTHENTICATED);
    assertThat(decision.decidedBy()).isEqualTo("test.up-rejects");
    assertThat(calls).hasValue(0);

    Explanation explanation = policy.explain(OPERATOR);
    assertThat(explanation.decision()).isEqualTo(decision);
    assertThat(explanation.trace())
        .extracting(TraceEntry::stage, TraceEntry::rule, TraceEntry::verdict, TraceEntry::code)
        .containsExactly(
            Tuple.tuple(
                PolicyPipeline.UPGRADE_STAGE, "test.up-abstains", Verdict.Kind.ABSTAIN, null),
            Tuple.tuple(
                PolicyPipeline.UPGRADE_STAGE,
                "test.up-rejects",
                Verdict.Kind.REJECT,
                RejectCode.AUTH_NOT_AUTHENTICATED));
    assertThat(calls).hasValue(0);
    assertThat(policy.evaluateConnect(OPERATOR).decidedBy()).isEqualTo("test.counted");
  }

  @Test
  void anAcceptedOrDeferredUpgradeLeavesTheDecisionToTheStages() {
    PolicyPipeline accepting =
        PolicyPipeline.builder("accepting")
            .upgrade(
                UpgradeRule.of(
                    "test.up-accepts",
                    "accepts",
                    upgrade -> Optional.of(UpgradeDecision.accept("someone.else"))))
            .stage(Stage.of("role", Rules.knownRole()))
            .build();

    UpgradeDecision accepted = accepting.evaluateUpgrade(OPERATOR.upgrade());
    assertThat(accepted.outcome()).isEqualTo(UpgradeOutcome.ACCEPT);
    assertThat(accepted.status()).isEqualTo(UpgradeDecision.SWITCHING_PROTOCOLS);
    assertThat(accepted.decidedBy()).isEqualTo("test.up-accepts");
    assertThat(accepting.evaluate(OPERATOR).decidedBy()).isEqualTo(PolicyPipeline.ACCEPT);
    Explanation explanation = accepting.explain(OPERATOR);
    assertThat(explanation.decision()).isInstanceOf(Accept.class);
    assertThat(explanation.trace())
        .extracting(TraceEntry::stage, TraceEntry::rule, TraceEntry::verdict, TraceEntry::code)
        .containsExactly(
            Tuple.tuple(PolicyPipeline.UPGRADE_STAGE, "test.up-accepts", Verdict.Kind.ADMIT, null),
            Tuple.tuple("role", "role.known", Verdict.Kind.ABSTAIN, null),
            Tuple.tuple("role", "role.default", Verdict.Kind.PASS, null));

    PolicyPipeline deferring =
        PolicyPipeline.builder("deferring")
            .upgrade(upgradeAbstains())
            .stage(Stage.of("role", Rules.knownRole()))
            .build();
    UpgradeDecision deferred = deferring.evaluateUpgrade(OPERATOR.upgrade());
    assertThat(deferred.outcome()).isEqualTo(UpgradeOutcome.DEFER);
    assertThat(deferred.decidedBy()).isEqualTo(PolicyPipeline.UPGRADE_DEFAULT);
    assertThat(deferring.explain(OPERATOR).trace())
        .extracting(TraceEntry::stage, TraceEntry::rule, TraceEntry::verdict)
        .startsWith(
            Tuple.tuple(PolicyPipeline.UPGRADE_STAGE, "test.up-abstains", Verdict.Kind.ABSTAIN),
            Tuple.tuple(
                PolicyPipeline.UPGRADE_STAGE, PolicyPipeline.UPGRADE_DEFAULT, Verdict.Kind.PASS));
  }

  @Test
  void aPipelineWithoutUpgradeRulesHasNoUpgradePhase() {
    PolicyPipeline policy =
        PolicyPipeline.builder("plain").stage(Stage.of("role", Rules.knownRole())).build();

    assertThat(policy.hasUpgradePhase()).isFalse();
    assertThat(policy.upgradeRules()).isEmpty();
    UpgradeDecision upgrade = policy.evaluateUpgrade(OPERATOR.upgrade());
    assertThat(upgrade.outcome()).isEqualTo(UpgradeOutcome.DEFER);
    assertThat(upgrade.decidedBy()).isEqualTo(UpgradeDecision.NO_UPGRADE_PHASE);
  }

  @Test
  void anUpgradeRuleThatThrowsOrAnswersNullRefusesTheUpgrade() {
    UpgradeRule throwsRule =
        UpgradeRule.of(
            "test.up-throws",
            "always fails",
            upgrade -> {
              throw new IllegalStateException("boom");
            });
    UpgradeRule nullRule = UpgradeRule.of("test.up-null", "answers null", upgrade -> null);
    for (UpgradeRule broken : List.of(throwsRule, nullRule)) {
      PolicyPipeline policy =
          PolicyPipeline.builder("broken")
              .upgrade(broken)
              .stage(Stage.of("role", Rules.knownRole()))
              .build();

      UpgradeDecision upgrade = policy.evaluateUpgrade(OPERATOR.upgrade());
      assertThat(upgrade.status()).isEqualTo(500);
      assertThat(upgrade.reject().code()).isEqualTo(RejectCode.INTERNAL_ERROR);
      assertThat(upgrade.decidedBy()).isEqualTo(broken.id());
      Decision decision = policy.evaluate(OPERATOR);
      assertThat(((Reject) decision).code()).isEqualTo(RejectCode.INTERNAL_ERROR);
      assertThat(decision.decidedBy()).isEqualTo(broken.id());
      assertThat(policy.explain(OPERATOR).trace())
          .extracting(TraceEntry::stage, TraceEntry::rule, TraceEntry::verdict, TraceEntry::code)
          .containsExactly(
              Tuple.tuple(
                  PolicyPipeline.UPGRADE_STAGE,
                  broken.id(),
                  Verdict.Kind.REJECT,
                  RejectCode.INTERNAL_ERROR));
    }
  }

  @Test
  void aMissingContextIsRejectedAsInvalidByAPipelineWithAnUpgradePhase() {
    PolicyPipeline policy = Profile.MOLTIS_BEFORE_PR382.define();

    assertThat(((Reject) policy.evaluate(null)).code()).isEqualTo(RejectCode.INVALID_CONTEXT);
    assertThat(((Reject) policy.explain(null).decision()).code())
        .isEqualTo(RejectCode.INVALID_CONTEXT);
  }

  @Test
  void fixedUpgradeDecisionsAreSharedConstantsNotCopies() {
    PolicyPipeline policy = Profile.MOLTIS_BEFORE_PR382.define();
    UpgradeContext none = upgradeWith(Credential.NONE, CredentialSource.CONNECT, false);

    assertThat(policy.evaluateUpgrade(none)).isSameAs(policy.evaluateUpgrade(none));
  }

  @Test
  void upgradeRuleIdsAreUniqueInAPipeline() {
    assertThatThrownBy(
            () ->
                PolicyPipeline.builder("twice")
                    .upgrade(upgradeAbstains(), upgradeAbstains())
                    .build())
        .hasMessage("policy `twice` has two rules with id `test.up-abstains`");
    assertThatThrownBy(
            () ->
                PolicyPipeline.builder("default")
                    .upgrade(
                        UpgradeRule.of(
                            PolicyPipeline.UPGRADE_DEFAULT, "clashes", upgrade -> Optional.empty()))
                    .build())
        .hasMessage("policy `default` has two rules with id `upgrade.default`");
  }

  @Test
  void theNotAuthenticatedUpgradeAnswersWithItsStatus() {
    UpgradeContext none = upgradeWith(Credential.NONE, CredentialSource.CONNECT, false);

    UpgradeDecision api = Rules.upgradeNotAuthenticated(401).evaluate(none).orElseThrow();
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.reject().message()).isEqualTo("not authenticated");
    UpgradeDecision page = Rules.upgradeNotAuthenticated(303).evaluate(none).orElseThrow();
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.reject().message()).isEqualTo("not authenticated: redirected to /login");
  }

  @Test
  void theUpgradeCredentialRulesApplyOnlyToTheirCredentialAndSource() {
    UpgradeRule bearer = Rules.upgradeBearerApiKey();
    assertThat(bearer.evaluate(upgradeWith(Credential.API_KEY, CredentialSource.HEADER, true)))
        .isPresent();
    assertThat(bearer.evaluate(upgradeWith(Credential.API_KEY, CredentialSource.HEADER, false)))
        .isEmpty();
    assertThat(bearer.evaluate(upgradeWith(Credential.API_KEY, CredentialSource.QUERY, true)))
        .isEmpty();

    UpgradeRule ticket = Rules.upgradeQueryTicket();
    assertThat(ticket.evaluate(upgradeWith(Credential.TICKET, CredentialSource.QUERY, true)))
        .isPresent();
    assertThat(ticket.evaluate(upgradeWith(Credential.TICKET, CredentialSource.HEADER, true)))
        .isEmpty();
    assertThat(ticket.evaluate(upgradeWith(Credential.JWT, CredentialSource.QUERY, false)))
        .isEmpty();
  }

  @Test
  void theConnectCredentialRulesApplyOnlyToTheirCredentialAndSource() {
    ConnectContext apiKey =
        OPERATOR.withAuth(
            AuthFacts.succeeded(AuthMode.PASSWORD, Credential.API_KEY, AuthMethod.API_KEY, false));
    Rule frameApiKey = Rules.credentialVerified(Credential.API_KEY, CredentialSource.CONNECT);
    assertThat(frameApiKey.evaluate(apiKey, Effects.none()).kind()).isEqualTo(Verdict.Kind.ADMIT);
    assertThat(
            frameApiKey
                .evaluate(apiKey.withCredentialSource(CredentialSource.QUERY), Effects.none())
                .kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);

    Rule identity = Rules.upgradeIdentity();
    ConnectContext headerKey = apiKey.withCredentialSource(CredentialSource.HEADER);
    assertThat(identity.evaluate(headerKey, Effects.none()).kind()).isEqualTo(Verdict.Kind.ADMIT);
    assertThat(
            identity
                .evaluate(
                    headerKey.withAuth(
                        AuthFacts.failed(
                            AuthMode.PASSWORD,
                            Credential.API_KEY,
                            AuthMethod.API_KEY,
                            "api_key_invalid")),
                    Effects.none())
                .kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);
    assertThat(
            identity
                .evaluate(
                    headerKey.withAuth(
                        AuthFacts.succeeded(
                            AuthMode.PASSWORD, Credential.PASSWORD, AuthMethod.PASSWORD, false)),
                    Effects.none())
                .kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);

    Rule member = Rules.workspaceMember();
    ConnectContext jwt =
        OPERATOR
            .withAuth(AuthFacts.succeeded(AuthMode.TOKEN, Credential.JWT, AuthMethod.JWT, false))
            .withWorkspace(WorkspaceAccess.MEMBER);
    assertThat(member.evaluate(jwt, Effects.none()).kind()).isEqualTo(Verdict.Kind.ADMIT);
    assertThat(
            member
                .evaluate(
                    jwt.withAuth(
                        AuthFacts.failed(
                            AuthMode.TOKEN, Credential.JWT, AuthMethod.JWT, "token_invalid")),
                    Effects.none())
                .kind())
        .isEqualTo(Verdict.Kind.ABSTAIN);
  }

  @Test
  void theFailedAttemptsLimitBlocksFromItsValueAndIsAtLeastOne() {
    Rule one = Rules.failedAttemptsBelow(1);

    assertThat(one.evaluate(OPERATOR, Effects.none()).kind()).isEqualTo(Verdict.Kind.ABSTAIN);
    assertThat(one.evaluate(OPERATOR.withFailedAttempts(1), Effects.none()).kind())
        .isEqualTo(Verdict.Kind.REJECT);
    assertThatThrownBy(() -> Rules.failedAttemptsBelow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the limit must be at least 1, got 0");
  }
}
