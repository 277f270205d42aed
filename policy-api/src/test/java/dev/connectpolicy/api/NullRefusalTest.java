package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every value type refuses a null in each of its required components when it is constructed, and
 * names the component: a missing fact must never read as a harmless one.
 */
class NullRefusalTest {

  private static final ConnectContext CONTEXT =
      ConnectContext.builder()
          .role("operator")
          .scopes("operator.read")
          .client(Client.CONTROL_UI, "webchat")
          .local(false)
          .origin(OriginCheck.REJECTED)
          .auth(AuthFacts.sharedSecretOk(AuthMode.TOKEN))
          .device(DeviceProof.VERIFIED)
          .pairing(PairingState.PAIRED)
          .build();

  private static final Reject REJECT =
      new Reject(
          RejectCode.AUTH_TOKEN_MISMATCH,
          "token_mismatch",
          "unauthorized",
          Close.of(Close.POLICY_VIOLATION, "unauthorized"),
          "auth.shared-secret",
          new AuthAdvice(false, NextStep.UPDATE_AUTH_CREDENTIALS),
          null);

  @Test
  void aContextWithANullOriginIsRefusedNamingTheOrigin() {
    assertThatThrownBy(
            () ->
                new ConnectContext(
                    "operator",
                    List.of(),
                    Client.of(Client.CONTROL_UI, "webchat"),
                    false,
                    Locality.REMOTE,
                    null,
                    AuthFacts.sharedSecretOk(AuthMode.TOKEN),
                    DeviceProof.ABSENT,
                    PairingState.NOT_PAIRED,
                    ControlUiConfig.DEFAULT))
        .isInstanceOfSatisfying(
            InvalidContextException.class,
            refused -> assertThat(refused.field()).isEqualTo("origin"))
        .hasMessage("field `origin` must not be null");
  }

  @Test
  void aContextRefusesEachNullFactNamingIt() {
    assertEachNullRefused(CONTEXT, InvalidContextException.class);
  }

  @Test
  void authenticationFactsRefuseEachNullPartNamingIt() {
    assertEachNullRefused(
        AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch"),
        InvalidContextException.class);
  }

  @Test
  void aClientRefusesANullIdOrMode() {
    assertEachNullRefused(Client.of(Client.CLI, "cli"), InvalidContextException.class);
  }

  @Test
  void upgradeFactsRefuseEachNullFactNamingIt() {
    assertEachNullRefused(
        CONTEXT.withCredentialSource(CredentialSource.HEADER).upgrade(),
        InvalidContextException.class);
  }

  @Test
  void decisionsAndTracesRefuseEachNullRequiredPartNamingIt() {
    assertEachNullRefused(
        new Accept(Role.OPERATOR, List.of("operator.read"), false, PairingAction.NONE, "ok"),
        NullPointerException.class);
    assertEachNullRefused(REJECT, NullPointerException.class);
    assertEachNullRefused(Close.of(Close.POLICY_VIOLATION, "bye"), NullPointerException.class);
    assertEachNullRefused(
        new AuthAdvice(true, NextStep.RETRY_WITH_DEVICE_TOKEN), NullPointerException.class);
    assertEachNullRefused(UpgradeDecision.reject(401, REJECT), NullPointerException.class);
    TraceEntry entry =
        new TraceEntry("auth", "auth.shared-secret", Verdict.Kind.REJECT, Effects.none(), null);
    assertEachNullRefused(entry, NullPointerException.class);
    assertEachNullRefused(new Explanation(REJECT, List.of(entry)), NullPointerException.class);
  }

  /**
   * For each component of a record that is not a primitive and not {@code @Nullable}, the canonical
   * constructor given a null there (and the record's own values elsewhere) throws {@code type} with
   * a message that names the component.
   */
  private static void assertEachNullRefused(Record valid, Class<? extends Exception> type) {
    RecordComponent[] components = valid.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<?> canonical;
    try {
      canonical = valid.getClass().getDeclaredConstructor(types);
    } catch (NoSuchMethodException impossible) {
      throw new AssertionError(impossible);
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      if (types[i].isPrimitive()
          || components[i].getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        continue;
      }
      Object[] arguments = values(valid, components);
      arguments[i] = null;
      String name = components[i].getName();
      assertThatThrownBy(() -> construct(canonical, arguments))
          .as("%s with a null %s", valid.getClass().getSimpleName(), name)
          .isInstanceOf(type)
          .hasMessageContaining(name);
      checked.add(name);
    }
    assertThat(checked).as("the required components of %s", valid).isNotEmpty();
  }

  private static Object[] values(Record record, RecordComponent[] components) {
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      try {
        values[i] = components[i].getAccessor().invoke(record);
      } catch (ReflectiveOperationException impossible) {
        throw new AssertionError(impossible);
      }
    }
    return values;
  }

  private static void construct(Constructor<?> canonical, Object[] arguments) throws Throwable {
    try {
      canonical.newInstance(arguments);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }
}
