package dev.connectpolicy.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One fact of {@link ConnectContext}, declared once: its name and value type, its finite standard
 * domain (the values that can change a decision), its default, how to read it from a context and
 * set it on a builder, its JSON field, and the columns that show it in decision tables. The JSON
 * codec, the decision tables, the fact spaces' cells and the compiled form's guard are all derived
 * from these declarations, so a new fact is a component of {@link ConnectContext}, a constant here
 * listed in {@link #all()}, and the rules that read it.
 *
 * <p>The first value of each standard domain is its default: the value a context has when the fact
 * is not given, and the one a minimised counterexample keeps when the fact does not matter. The
 * authentication's standard domain is OpenClaw's situations; other gateways' spaces restrict it to
 * their own.
 *
 * <p>Two kinds of fact: OpenClaw's nine ({@link #openClaw()}), the facts of the JSON contract's
 * first section, which are always written; and the optional facts of other gateways ({@link
 * #isOptional()}), a wire enum, a count or a flag each, read with their default when absent and
 * written only when they are not their default, so that OpenClaw's facts read and write exactly as
 * before they existed.
 *
 * @param <T> the type of the fact's values
 */
public final class Dimension<T> {

  /** The declared role: {@code operator}, {@code node}, and {@code guest} for any other string. */
  public static final Dimension<String> ROLE =
      declare("role", String.class, List.of("operator", "node", "guest"))
          .access(ConnectContext::role, ConnectContext.Builder::role)
          .text(role -> role)
          .column("role", ConnectContext::role, String::valueOf, List.of())
          .build();

  /** The declared scopes: none, an ordinary scope, and the admin scope. */
  public static final Dimension<List<String>> SCOPES =
      declare(
              "scopes",
              List.class,
              List.<List<String>>of(List.of(), List.of("operator.read"), List.of("operator.admin")))
          .access(ConnectContext::scopes, ConnectContext.Builder::scopes)
          .text(scopes -> scopes.isEmpty() ? "[]" : String.join(",", scopes))
          .build();

  /** One client of each kind that some policy version tells apart. */
  public static final Dimension<Client> CLIENT =
      declare(
              "client",
              Client.class,
              List.of(
                  Client.of(Client.CLI, "cli"),
                  Client.of(Client.CONTROL_UI, "webchat"),
                  Client.of(Client.TUI, "ui"),
                  Client.of(Client.WEBCHAT_UI, "webchat"),
                  Client.of(Client.GATEWAY_CLIENT, "backend"),
                  Client.of(Client.MACOS_APP, "ui"),
                  Client.of(Client.NODE_HOST, "node")))
          .access(ConnectContext::client, ConnectContext.Builder::client)
          .text(Client::toString)
          .build();

  /** Every pairing locality; {@code local} follows ({@code direct_local} exactly when local). */
  public static final Dimension<Locality> LOCALITY =
      declare(
              "locality",
              Locality.class,
              List.of(
                  Locality.REMOTE,
                  Locality.DIRECT_LOCAL,
                  Locality.SHARED_SECRET_LOOPBACK_LOCAL,
                  Locality.CLI_CONTAINER_LOCAL,
                  Locality.BROWSER_CONTAINER_LOCAL))
          .access(
              ConnectContext::locality,
              (builder, locality) ->
                  builder.local(locality == Locality.DIRECT_LOCAL).locality(locality))
          .text(Locality::wire)
          .build();

  /** Every Origin check result. */
  public static final Dimension<OriginCheck> ORIGIN =
      declare("origin", OriginCheck.class, List.of(OriginCheck.values()))
          .access(ConnectContext::origin, ConnectContext.Builder::origin)
          .text(OriginCheck::wire)
          .build();

  /**
   * Every consistent authentication situation ({@link FactSpace#isConsistent(AuthFacts)}), with one
   * representative failure reason for each way a credential can fail.
   */
  public static final Dimension<AuthFacts> AUTH =
      declare("auth", AuthFacts.class, AuthSituations.all())
          .access(ConnectContext::auth, ConnectContext.Builder::auth)
          .text(AuthSituations::describe)
          .column("auth.mode", c -> c.auth().mode(), AuthMode.class)
          .column("auth.provided", c -> c.auth().provided(), Credential.class)
          .column("auth.ok", c -> c.auth().ok())
          .column("auth.method", c -> c.auth().method(), AuthMethod.class)
          .column(
              "auth.reason",
              c -> c.auth().reason() == null ? Column.NONE : c.auth().reason(),
              String::valueOf,
              List.of(Column.NONE))
          .column("auth.sharedAuthOk", c -> c.auth().sharedAuthOk())
          .build();

  /**
   * Where the credential was presented: the connect frame, a header or the query string of the
   * upgrade request. OpenClaw's facts only have the connect frame. Its column stands beside the
   * credential it qualifies.
   */
  public static final Dimension<CredentialSource> CREDENTIAL_SOURCE =
      declare("credentialSource", CredentialSource.class, List.of(CredentialSource.values()))
          .access(ConnectContext::credentialSource, ConnectContext.Builder::credentialSource)
          .text(CredentialSource::wire)
          .optional("auth.source")
          .columnAfter("auth.provided")
          .build();

  /** Every device proof result. */
  public static final Dimension<DeviceProof> DEVICE =
      declare("device", DeviceProof.class, List.of(DeviceProof.values()))
          .access(ConnectContext::device, ConnectContext.Builder::device)
          .text(DeviceProof::wire)
          .build();

  /** Every pairing state; only meaningful with a device, and shown as {@code -} without one. */
  public static final Dimension<PairingState> PAIRING =
      declare(
              "pairing",
              PairingState.class,
              List.of(
                  PairingState.NOT_PAIRED,
                  PairingState.PAIRED,
                  PairingState.ROLE_UPGRADE,
                  PairingState.SCOPE_UPGRADE,
                  PairingState.METADATA_UPGRADE))
          .access(ConnectContext::pairing, ConnectContext.Builder::pairing)
          .text(PairingState::wire)
          .column(
              "pairing",
              c -> c.device().isPresent() ? c.pairing() : Column.NONE,
              value -> value instanceof PairingState state ? state.wire() : Column.NONE,
              withNone(wires(PairingState.class)))
          .build();

  /** Every combination of the two Control UI flags. */
  public static final Dimension<ControlUiConfig> CONTROL_UI =
      declare(
              "controlUi",
              ControlUiConfig.class,
              List.of(
                  ControlUiConfig.DEFAULT,
                  new ControlUiConfig(true, false),
                  new ControlUiConfig(false, true),
                  new ControlUiConfig(true, true)))
          .access(ConnectContext::controlUi, ConnectContext.Builder::controlUi)
          .text(
              flags ->
                  flags.allowInsecureAuth()
                      ? flags.dangerouslyDisableDeviceAuth() ? "insecure+disable" : "insecure"
                      : flags.dangerouslyDisableDeviceAuth() ? "disable" : "none")
          .column("controlUi.allowInsecureAuth", c -> c.controlUi().allowInsecureAuth())
          .column(
              "controlUi.dangerouslyDisableDeviceAuth",
              c -> c.controlUi().dangerouslyDisableDeviceAuth())
          .build();

  /** Every workspace result; OpenClaw's facts have none. */
  public static final Dimension<WorkspaceAccess> WORKSPACE =
      declare("workspace", WorkspaceAccess.class, List.of(WorkspaceAccess.values()))
          .access(ConnectContext::workspace, ConnectContext.Builder::workspace)
          .text(WorkspaceAccess::wire)
          .optional("workspace")
          .build();

  /**
   * The count of failed attempts: none, and either side of a limit of five (the limit of the
   * engine's rate-limiting rule as its profiles use it). OpenClaw's facts have none: OpenClaw's
   * rate limiter reports {@code rate_limited} as an authentication reason instead.
   */
  public static final Dimension<Integer> FAILED_ATTEMPTS =
      declare("failedAttempts", Integer.class, List.of(0, 4, 5))
          .access(ConnectContext::failedAttempts, ConnectContext.Builder::failedAttempts)
          .text(String::valueOf)
          .optional("failedAttempts")
          .build();

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
      ALL.stream().filter(dimension -> !dimension.isOptional()).toList();

  private static final List<Column> COLUMNS = orderColumns();

  private final String name;
  private final Class<?> type;
  private final List<T> values;
  private final Function<ConnectContext, T> getter;
  private final BiFunction<ConnectContext.Builder, T, ConnectContext.Builder> setter;
  private final Function<T, String> wire;
  private final String field;
  private final boolean optional;
  private final List<Column> columns;
  private final @Nullable String columnAfter;

  private Dimension(Declaration<T> declared) {
    this.name = declared.name;
    this.type = declared.type;
    this.values = List.copyOf(declared.values);
    this.getter = Objects.requireNonNull(declared.getter, "getter");
    this.setter = Objects.requireNonNull(declared.setter, "setter");
    this.wire = Objects.requireNonNull(declared.wire, "text");
    this.field = declared.field;
    this.optional = declared.optional;
    this.columnAfter = declared.columnAfter;
    if (declared.columns.isEmpty()) {
      List<String> order = new ArrayList<>();
      values.forEach(value -> order.add(wire.apply(value)));
      this.columns = List.of(new Column(name, field, getter::apply, this::formatUnchecked, order));
    } else {
      this.columns = List.copyOf(declared.columns);
    }
    if (optional && !isOptionalType(type)) {
      throw new IllegalArgumentException(
          "optional fact `" + name + "` must be a wire enum, an integer or a boolean");
    }
  }

  private static boolean isOptionalType(Class<?> type) {
    return (type.isEnum() && WireValue.class.isAssignableFrom(type))
        || type == Integer.class
        || type == Boolean.class;
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
   * @return the nine dimensions that are not {@linkplain #isOptional() optional}, in enumeration
   *     order
   */
  public static List<Dimension<?>> openClaw() {
    return OPENCLAW;
  }

  /**
   * Returns every column of a decision table, in the order tables show them: each dimension's in
   * {@link #all()} order, a column declared to stand after another right after it.
   *
   * @return the columns
   */
  public static List<Column> tableColumns() {
    return COLUMNS;
  }

  private static List<Column> orderColumns() {
    List<Column> ordered = new ArrayList<>();
    for (Dimension<?> dimension : ALL) {
      int at = ordered.size();
      if (dimension.columnAfter != null) {
        at = 1 + indexOf(ordered, dimension.columnAfter);
      }
      ordered.addAll(at, dimension.columns);
    }
    return List.copyOf(ordered);
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column `" + name + "` to stand after");
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
   * Returns the type of the fact's values, such as {@code OriginCheck.class}; {@code List.class}
   * for the scopes.
   *
   * @return the value type
   */
  public Class<?> type() {
    return type;
  }

  /**
   * Returns the fact's field in the JSON contract, a path such as {@code auth.source}.
   *
   * @return the JSON path
   */
  public String field() {
    return field;
  }

  /**
   * Tells whether the fact is one of other gateways' optional facts: read with its default when
   * absent, written only when it is not its default. OpenClaw's facts are not optional.
   *
   * @return true for an optional fact
   */
  public boolean isOptional() {
    return optional;
  }

  /**
   * Returns the columns that show this fact in a decision table, most often one named after its
   * JSON field; the authentication and the Control UI flags have one per part.
   *
   * @return the columns, in table order
   */
  public List<Column> columns() {
    return columns;
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
   * Tells whether a context has this fact at its default.
   *
   * @param context the context
   * @return true if the fact equals {@link #defaultValue()}
   */
  public boolean isDefault(ConnectContext context) {
    return defaultValue().equals(get(context));
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
   * Sets this fact on a builder from a value of unchecked type, such as one read from JSON.
   *
   * @param builder the builder
   * @param value the value, an instance of {@link #type()}
   * @return the builder
   * @throws ClassCastException if the value is not of the fact's type
   */
  @SuppressWarnings("unchecked") // checked against the declared type first
  public ConnectContext.Builder setUnchecked(ConnectContext.Builder builder, Object value) {
    return set(builder, (T) type.cast(value));
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

  @SuppressWarnings("unchecked") // the default column only ever passes back this fact's values
  private String formatUnchecked(Object value) {
    return format((T) value);
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

  /**
   * A column of a decision table: one fact, or one part of a fact, as text. The value and its text
   * are apart so that a table can turn each distinct value into text once.
   */
  public static final class Column {

    /** The text of an absent value, such as the reason of a successful authentication. */
    public static final String NONE = "-";

    private final String dimension;
    private final String name;
    private final Function<ConnectContext, Object> value;
    private final Function<Object, String> text;
    private final List<String> order;

    private Column(
        String dimension,
        String name,
        Function<ConnectContext, Object> value,
        Function<Object, String> text,
        List<String> order) {
      this.dimension = dimension;
      this.name = name;
      this.value = value;
      this.text = text;
      this.order = List.copyOf(order);
    }

    /**
     * Returns the column's name, the fact's JSON path such as {@code auth.method}.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * Returns the dimension whose fact this column shows.
     *
     * @return the dimension
     */
    public Dimension<?> dimension() {
      for (Dimension<?> candidate : ALL) {
        if (candidate.name.equals(dimension)) {
          return candidate;
        }
      }
      throw new IllegalStateException("no dimension `" + dimension + "`");
    }

    /**
     * Returns the column's value in a context: an enum constant, a boolean, a string...
     *
     * @param context the facts
     * @return the value, whose text {@link #text(Object)} gives
     */
    public Object value(ConnectContext context) {
      return value.apply(context);
    }

    /**
     * Returns the text of a value of this column.
     *
     * @param columnValue a value {@link #value(ConnectContext)} returned
     * @return its text
     */
    public String text(Object columnValue) {
      return text.apply(columnValue);
    }

    /**
     * Returns the text of this column in a context.
     *
     * @param context the facts
     * @return the text, as tables show it
     */
    public String textOf(ConnectContext context) {
      return text(value(context));
    }

    /**
     * Returns the texts in the order tables list them; texts not listed come after, in the order
     * they were met.
     *
     * @return the texts
     */
    public List<String> order() {
      return order;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static <T> Declaration<T> declare(String name, Class<?> type, List<T> values) {
    return new Declaration<>(name, type, values);
  }

  private static <E extends Enum<E> & WireValue> List<String> wires(Class<E> type) {
    List<String> order = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      order.add(constant.wire());
    }
    return order;
  }

  private static List<String> withNone(List<String> rest) {
    List<String> order = new ArrayList<>();
    order.add(Column.NONE);
    order.addAll(rest);
    return order;
  }

  /** The declaration of one dimension; {@link #build()} checks it. */
  private static final class Declaration<T> {
    private final String name;
    private final Class<?> type;
    private final List<T> values;
    private @Nullable Function<ConnectContext, T> getter;
    private @Nullable BiFunction<ConnectContext.Builder, T, ConnectContext.Builder> setter;
    private @Nullable Function<T, String> wire;
    private String field;
    private boolean optional;
    private final List<Column> columns = new ArrayList<>();
    private @Nullable String columnAfter;

    private Declaration(String name, Class<?> type, List<T> values) {
      this.name = name;
      this.type = type;
      this.values = values;
      this.field = name;
    }

    Declaration<T> access(
        Function<ConnectContext, T> get,
        BiFunction<ConnectContext.Builder, T, ConnectContext.Builder> set) {
      this.getter = get;
      this.setter = set;
      return this;
    }

    Declaration<T> text(Function<T, String> format) {
      this.wire = format;
      return this;
    }

    /** An optional fact of other gateways, at this JSON path. */
    Declaration<T> optional(String jsonPath) {
      this.field = jsonPath;
      this.optional = true;
      return this;
    }

    Declaration<T> columnAfter(String column) {
      this.columnAfter = column;
      return this;
    }

    Declaration<T> column(
        String column,
        Function<ConnectContext, ?> value,
        Function<Object, String> text,
        List<String> order) {
      columns.add(new Column(name, column, value::apply, text, order));
      return this;
    }

    <E extends Enum<E> & WireValue> Declaration<T> column(
        String column, Function<ConnectContext, E> value, Class<E> wireType) {
      return column(column, value, v -> wireType.cast(v).wire(), wires(wireType));
    }

    Declaration<T> column(String column, java.util.function.Predicate<ConnectContext> flag) {
      return column(column, flag::test, String::valueOf, List.of("false", "true"));
    }

    Dimension<T> build() {
      return new Dimension<>(this);
    }
  }
}
