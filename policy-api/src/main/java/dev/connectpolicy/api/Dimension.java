package dev.connectpolicy.api;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One dimension of the fact space: a fact of {@link ConnectContext} with its finite standard
 * domain, the values that can change a decision. The authentication's standard domain is OpenClaw's
 * situations; other gateways' spaces restrict it to their own.
 *
 * <p>The first value of each standard domain is its default: the value a minimised counterexample
 * keeps when the fact does not matter.
 *
 * @param <T> the type of the fact's values
 */
public final class Dimension<T> {

  /** The declared role: {@code operator}, {@code node}, and {@code guest} for any other string. */
  public static final Dimension<String> ROLE =
      new Dimension<>(
          "role",
          List.of("operator", "node", "guest"),
          ConnectContext::role,
          ConnectContext.Builder::role,
          role -> role);

  /** The declared scopes: none, an ordinary scope, and the admin scope. */
  public static final Dimension<List<String>> SCOPES =
      new Dimension<>(
          "scopes",
          List.of(List.of(), List.of("operator.read"), List.of("operator.admin")),
          ConnectContext::scopes,
          ConnectContext.Builder::scopes,
          scopes -> scopes.isEmpty() ? "[]" : String.join(",", scopes));

  /** One client of each kind that some policy version tells apart. */
  public static final Dimension<Client> CLIENT =
      new Dimension<>(
          "client",
          List.of(
              Client.of(Client.CLI, "cli"),
              Client.of(Client.CONTROL_UI, "webchat"),
              Client.of(Client.TUI, "ui"),
              Client.of(Client.WEBCHAT_UI, "webchat"),
              Client.of(Client.GATEWAY_CLIENT, "backend"),
              Client.of(Client.MACOS_APP, "ui"),
              Client.of(Client.NODE_HOST, "node")),
          ConnectContext::client,
          ConnectContext.Builder::client,
          Client::toString);

  /** Every pairing locality; {@code local} follows ({@code direct_local} exactly when local). */
  public static final Dimension<Locality> LOCALITY =
      new Dimension<>(
          "locality",
          List.of(
              Locality.REMOTE,
              Locality.DIRECT_LOCAL,
              Locality.SHARED_SECRET_LOOPBACK_LOCAL,
              Locality.CLI_CONTAINER_LOCAL,
              Locality.BROWSER_CONTAINER_LOCAL),
          ConnectContext::locality,
          (builder, locality) ->
              builder.local(locality == Locality.DIRECT_LOCAL).locality(locality),
          Locality::wire);

  /** Every Origin check result. */
  public static final Dimension<OriginCheck> ORIGIN =
      new Dimension<>(
          "origin",
          List.of(OriginCheck.values()),
          ConnectContext::origin,
          ConnectContext.Builder::origin,
          OriginCheck::wire);

  /**
   * Every consistent authentication situation ({@link FactSpace#isConsistent(AuthFacts)}), with one
   * representative failure reason for each way a credential can fail.
   */
  public static final Dimension<AuthFacts> AUTH =
      new Dimension<>(
          "auth",
          AuthSituations.all(),
          ConnectContext::auth,
          ConnectContext.Builder::auth,
          AuthSituations::describe);

  /** Every device proof result. */
  public static final Dimension<DeviceProof> DEVICE =
      new Dimension<>(
          "device",
          List.of(DeviceProof.values()),
          ConnectContext::device,
          ConnectContext.Builder::device,
          DeviceProof::wire);

  /** Every pairing state; only meaningful with a device. */
  public static final Dimension<PairingState> PAIRING =
      new Dimension<>(
          "pairing",
          List.of(
              PairingState.NOT_PAIRED,
              PairingState.PAIRED,
              PairingState.ROLE_UPGRADE,
              PairingState.SCOPE_UPGRADE,
              PairingState.METADATA_UPGRADE),
          ConnectContext::pairing,
          ConnectContext.Builder::pairing,
          PairingState::wire);

  /** Every combination of the two Control UI flags. */
  public static final Dimension<ControlUiConfig> CONTROL_UI =
      new Dimension<>(
          "controlUi",
          List.of(
              ControlUiConfig.DEFAULT,
              new ControlUiConfig(true, false),
              new ControlUiConfig(false, true),
              new ControlUiConfig(true, true)),
          ConnectContext::controlUi,
          ConnectContext.Builder::controlUi,
          flags ->
              flags.allowInsecureAuth()
                  ? flags.dangerouslyDisableDeviceAuth() ? "insecure+disable" : "insecure"
                  : flags.dangerouslyDisableDeviceAuth() ? "disable" : "none");

  /**
   * Where the credential was presented: the connect frame, a header or the query string of the
   * upgrade request. OpenClaw's facts only have the connect frame.
   */
  public static final Dimension<CredentialSource> CREDENTIAL_SOURCE =
      new Dimension<>(
          "credentialSource",
          List.of(CredentialSource.values()),
          ConnectContext::credentialSource,
          ConnectContext.Builder::credentialSource,
          CredentialSource::wire);

  /** Every workspace result; OpenClaw's facts have none. */
  public static final Dimension<WorkspaceAccess> WORKSPACE =
      new Dimension<>(
          "workspace",
          List.of(WorkspaceAccess.values()),
          ConnectContext::workspace,
          ConnectContext.Builder::workspace,
          WorkspaceAccess::wire);

  /**
   * The count of failed attempts: none, and either side of a limit of five (the limit of the
   * engine's rate-limiting rule as its profiles use it). OpenClaw's facts have none: OpenClaw's
   * rate limiter reports {@code rate_limited} as an authentication reason instead.
   */
  public static final Dimension<Integer> FAILED_ATTEMPTS =
      new Dimension<>(
          "failedAttempts",
          List.of(0, 4, 5),
          ConnectContext::failedAttempts,
          ConnectContext.Builder::failedAttempts,
          String::valueOf);

  private static final List<Dimension<?>> ALL =
      List.of(
          ROLE,
          SCOPES,
          CLIENT,
          LOCALITY,
          ORIGIN,
          AUTH,
          CREDENTIAL_SOURCE,
          DEVICE,
          PAIRING,
          CONTROL_UI,
          WORKSPACE,
          FAILED_ATTEMPTS);

  private static final List<Dimension<?>> OPENCLAW =
      List.of(ROLE, SCOPES, CLIENT, LOCALITY, ORIGIN, AUTH, DEVICE, PAIRING, CONTROL_UI);

  private final String name;
  private final List<T> values;
  private final Function<ConnectContext, T> getter;
  private final BiFunction<ConnectContext.Builder, T, ConnectContext.Builder> setter;
  private final Function<T, String> wire;

  private Dimension(
      String name,
      List<T> values,
      Function<ConnectContext, T> getter,
      BiFunction<ConnectContext.Builder, T, ConnectContext.Builder> setter,
      Function<T, String> wire) {
    this.name = name;
    this.values = List.copyOf(values);
    this.getter = getter;
    this.setter = setter;
    this.wire = wire;
  }

  /**
   * Returns every dimension, in the order a fact space enumerates them.
   *
   * @return the twelve dimensions: OpenClaw's nine, with the credential source after the
   *     authentication, then the workspace and the count of failed attempts
   */
  public static List<Dimension<?>> all() {
    return ALL;
  }

  /**
   * Returns the dimensions of OpenClaw's facts, the ones {@link FactSpace#standard()} enumerates;
   * it fixes the others at their defaults.
   *
   * @return the nine dimensions, in enumeration order
   */
  public static List<Dimension<?>> openClaw() {
    return OPENCLAW;
  }

  /**
   * Returns the dimension's name, the fact's field name in {@link ConnectContext}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the standard domain, default first.
   *
   * @return the values
   */
  public List<T> values() {
    return values;
  }

  /**
   * Returns the default value, the first of the standard domain.
   *
   * @return the default
   */
  public T defaultValue() {
    return values.get(0);
  }

  /**
   * Reads this fact from a context.
   *
   * @param context the context
   * @return the fact's value
   */
  public T get(ConnectContext context) {
    return getter.apply(context);
  }

  /**
   * Sets this fact on a builder.
   *
   * @param builder the builder
   * @param value the value
   * @return the builder
   */
  public ConnectContext.Builder set(ConnectContext.Builder builder, T value) {
    return setter.apply(builder, Objects.requireNonNull(value, name));
  }

  /**
   * Returns a copy of {@code context} with this fact set to {@code value}.
   *
   * @param context the context
   * @param value the value
   * @return the copy
   */
  public ConnectContext with(ConnectContext context, T value) {
    return set(context.toBuilder(), value).build();
  }

  /**
   * Returns the short text that stands for a value in tables and messages.
   *
   * @param value the value
   * @return its text
   */
  public String format(T value) {
    return wire.apply(value);
  }

  /**
   * Returns the text of this fact's value in a context.
   *
   * @param context the context
   * @return the text of the value
   */
  public String formatOf(ConnectContext context) {
    return format(get(context));
  }

  @Override
  public String toString() {
    return name;
  }
}
