package dev.connectpolicy.engine;

import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.WireValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A column of a decision table: one fact, as text. Authentication and the Control UI flags are
 * split into their parts, so that a compact row can say "any method" or "any reason" on its own.
 *
 * @param name the column's name, the fact's JSON path such as {@code auth.method}
 * @param fact the fact's value in a context (an enum constant, a boolean, a string, ...)
 * @param text the text of a fact's value
 * @param order the texts in the order tables list them; texts not listed come after, in the order
 *     they were met
 */
public record FactColumn(
    String name,
    Function<ConnectContext, Object> fact,
    Function<Object, String> text,
    List<String> order) {

  /** The text of an absent value, such as the reason of a successful authentication. */
  public static final String NONE = "-";

  /**
   * Every column, in the order tables show them; a table shows those of its space ({@link
   * #of(FactSpace)}).
   */
  public static final List<FactColumn> ALL =
      List.of(
          new FactColumn("role", ConnectContext::role, String::valueOf, List.of()),
          of("scopes", Dimension.SCOPES),
          of("client", Dimension.CLIENT),
          of("locality", Dimension.LOCALITY),
          of("origin", Dimension.ORIGIN),
          wire("auth.mode", c -> c.auth().mode(), AuthMode.class),
          wire("auth.provided", c -> c.auth().provided(), Credential.class),
          of("auth.source", Dimension.CREDENTIAL_SOURCE),
          bool("auth.ok", c -> c.auth().ok()),
          wire("auth.method", c -> c.auth().method(), AuthMethod.class),
          new FactColumn(
              "auth.reason",
              c -> c.auth().reason() == null ? NONE : c.auth().reason(),
              String::valueOf,
              List.of(NONE)),
          bool("auth.sharedAuthOk", c -> c.auth().sharedAuthOk()),
          of("device", Dimension.DEVICE),
          new FactColumn(
              "pairing",
              c -> c.device().isPresent() ? c.pairing() : NONE,
              value -> value instanceof PairingState ? ((PairingState) value).wire() : NONE,
              with(NONE, wires(PairingState.class))),
          bool("controlUi.allowInsecureAuth", c -> c.controlUi().allowInsecureAuth()),
          bool(
              "controlUi.dangerouslyDisableDeviceAuth",
              c -> c.controlUi().dangerouslyDisableDeviceAuth()),
          of("workspace", Dimension.WORKSPACE),
          of("failedAttempts", Dimension.FAILED_ATTEMPTS));

  /** The dimension each column shows (the pairing column shows the device's pairing). */
  private static final Map<String, Dimension<?>> DIMENSIONS =
      Map.ofEntries(
          Map.entry("role", Dimension.ROLE),
          Map.entry("scopes", Dimension.SCOPES),
          Map.entry("client", Dimension.CLIENT),
          Map.entry("locality", Dimension.LOCALITY),
          Map.entry("origin", Dimension.ORIGIN),
          Map.entry("auth.mode", Dimension.AUTH),
          Map.entry("auth.provided", Dimension.AUTH),
          Map.entry("auth.source", Dimension.CREDENTIAL_SOURCE),
          Map.entry("auth.ok", Dimension.AUTH),
          Map.entry("auth.method", Dimension.AUTH),
          Map.entry("auth.reason", Dimension.AUTH),
          Map.entry("auth.sharedAuthOk", Dimension.AUTH),
          Map.entry("device", Dimension.DEVICE),
          Map.entry("pairing", Dimension.PAIRING),
          Map.entry("controlUi.allowInsecureAuth", Dimension.CONTROL_UI),
          Map.entry("controlUi.dangerouslyDisableDeviceAuth", Dimension.CONTROL_UI),
          Map.entry("workspace", Dimension.WORKSPACE),
          Map.entry("failedAttempts", Dimension.FAILED_ATTEMPTS));

  /**
   * The columns of a fact space's tables: those of the dimensions it enumerates, in table order.
   * The standard space's are OpenClaw's fifteen; a gateway's own space shows its own facts and
   * leaves out those it fixes (OpenClaw's client, device and Control UI flags, say).
   *
   * @param space a fact space
   * @return its columns
   */
  public static List<FactColumn> of(FactSpace space) {
    List<FactColumn> columns = new ArrayList<>();
    for (FactColumn column : ALL) {
      if (space.dimensions().contains(DIMENSIONS.get(column.name()))) {
        columns.add(column);
      }
    }
    return List.copyOf(columns);
  }

  /**
   * The names of the standard space's columns, the ones a table made before other gateways' facts
   * existed has.
   *
   * @return OpenClaw's fifteen column names
   */
  static List<String> standardNames() {
    return STANDARD_NAMES;
  }

  private static final List<String> STANDARD_NAMES =
      of(FactSpace.standard()).stream().map(FactColumn::name).toList();

  @SuppressWarnings("unchecked") // the column only ever passes values of the dimension back
  private static <T> FactColumn of(String name, Dimension<T> dimension) {
    List<String> order = new ArrayList<>();
    dimension.values().forEach(value -> order.add(dimension.format(value)));
    return new FactColumn(name, dimension::get, value -> dimension.format((T) value), order);
  }

  private static <E extends Enum<E> & WireValue> FactColumn wire(
      String name, Function<ConnectContext, E> fact, Class<E> type) {
    return new FactColumn(name, fact::apply, value -> type.cast(value).wire(), wires(type));
  }

  private static FactColumn bool(String name, java.util.function.Predicate<ConnectContext> fact) {
    return new FactColumn(name, fact::test, String::valueOf, List.of("false", "true"));
  }

  private static <E extends Enum<E> & WireValue> List<String> wires(Class<E> type) {
    List<String> order = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      order.add(constant.wire());
    }
    return order;
  }

  private static List<String> with(String first, List<String> rest) {
    List<String> order = new ArrayList<>();
    order.add(first);
    order.addAll(rest);
    return order;
  }

  /**
   * Copies the order.
   *
   * @param name the column's name
   * @param fact the fact's value in a context
   * @param text the text of a fact's value
   * @param order the texts in the order tables list them
   */
  public FactColumn {
    order = List.copyOf(order);
  }

  /**
   * Returns the text of this column's fact in a context.
   *
   * @param context the facts
   * @return the text, as tables show it
   */
  public String value(ConnectContext context) {
    return text.apply(fact.apply(context));
  }
}
