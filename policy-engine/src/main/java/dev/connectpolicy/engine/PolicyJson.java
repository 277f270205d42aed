package dev.connectpolicy.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthAdvice;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.Close;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.Effect;
import dev.connectpolicy.api.ErrorClass;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.NextStep;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.Outcome;
import dev.connectpolicy.api.PairingAction;
import dev.connectpolicy.api.PairingState;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Role;
import dev.connectpolicy.api.TraceEntry;
import dev.connectpolicy.api.UpgradeDecision;
import dev.connectpolicy.api.WireValue;
import dev.connectpolicy.engine.internal.JsonFields;
import java.io.IOException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The JSON contract: facts, decisions and explanations, field for field as the contract specifies.
 *
 * <p>Reading is strict: an unknown field, a wrong type, an unknown enum value, a missing required
 * field or a malformed document throws an {@link InvalidContextException} whose message names the
 * field, and the value where it is not secret. Writing produces one line of JSON, fields in the
 * contract's order.
 *
 * <pre>{@code
 * ConnectContext context = PolicyJson.readContext(line);
 * String answer = PolicyJson.write(ConnectPolicies.recommended().evaluate(context));
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class PolicyJson {

  private PolicyJson() {}

  /**
   * Reads the facts of {@code docs/CONTRACT.md} section 1, and the optional facts of other gateways
   * that extend it ({@link dev.connectpolicy.api.Dimension#isOptional()}, such as {@code
   * auth.source} and {@code workspace}), each at its {@linkplain
   * dev.connectpolicy.api.Dimension#field() JSON field}, a wire string, a count of at least 0 or a
   * flag, and its default when absent. Their defaults are OpenClaw's facts, so every document of
   * the contract reads as before.
   *
   * @param json one JSON object
   * @return the context
   * @throws InvalidContextException naming the field, if the document does not fit the contract
   */
  public static ConnectContext readContext(String json) {
    JsonFields fields = JsonFields.object(JsonFields.parse(json), "");
    ConnectContext.Builder builder = ConnectContext.builder();
    builder.role(fields.requiredString("role"));
    builder.scopes(fields.optionalStringList("scopes"));
    JsonFields client = fields.requiredObject("client");
    builder.client(Client.of(client.requiredString("id"), client.requiredString("mode")));
    client.finish();
    builder.local(fields.requiredBoolean("local"));
    builder.locality(fields.optionalEnum("locality", Locality.class));
    builder.origin(fields.requiredEnum("origin", OriginCheck.class));
    JsonFields auth = fields.requiredObject("auth");
    builder.auth(
        new AuthFacts(
            auth.requiredEnum("mode", AuthMode.class),
            auth.requiredEnum("provided", Credential.class),
            auth.requiredBoolean("ok"),
            auth.requiredEnum("method", AuthMethod.class),
            auth.optionalString("reason"),
            auth.requiredBoolean("sharedAuthOk")));
    readOptionalFacts(auth, "auth.", builder);
    auth.finish();
    builder.device(fields.requiredEnum("device", DeviceProof.class));
    PairingState pairing = fields.optionalEnum("pairing", PairingState.class);
    if (pairing != null) {
      builder.pairing(pairing);
    }
    JsonFields controlUi = fields.optionalObject("controlUi");
    if (controlUi != null) {
      builder.controlUi(
          new ControlUiConfig(
              controlUi.optionalBoolean("allowInsecureAuth", false),
              controlUi.optionalBoolean("dangerouslyDisableDeviceAuth", false)));
      controlUi.finish();
    }
    readOptionalFacts(fields, "", builder);
    fields.finish();
    return builder.build();
  }

  /**
   * Reads the optional facts ({@link Dimension#isOptional()}) whose JSON field is a member of the
   * object at {@code prefix}: each a wire enum, a count or a flag, its default when absent.
   */
  private static void readOptionalFacts(
      JsonFields object, String prefix, ConnectContext.Builder builder) {
    for (Dimension<?> dimension : Dimension.all()) {
      String name = memberName(dimension, prefix);
      if (name == null) {
        continue;
      }
      Object value = readValue(object, name, dimension.type());
      if (value != null) {
        dimension.setUnchecked(builder, value);
      }
    }
  }

  /** The member name of an optional fact in the object at {@code prefix}, or null if elsewhere. */
  private static @Nullable String memberName(Dimension<?> dimension, String prefix) {
    if (!dimension.isOptional() || !dimension.field().startsWith(prefix)) {
      return null;
    }
    String name = dimension.field().substring(prefix.length());
    return name.indexOf('.') < 0 ? name : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // an optional fact's enum type is a WireValue enum
  private static @Nullable Object readValue(JsonFields object, String name, Class<?> type) {
    if (type == Integer.class) {
      return object.optionalInt(name);
    }
    if (type == Boolean.class) {
      return object.optionalBoolean(name);
    }
    return object.optionalEnum(name, (Class) type);
  }

  /** Writes the optional facts of the object at {@code prefix} that are not their defaults. */
  private static void writeOptionalFacts(JsonGenerator out, String prefix, ConnectContext context)
      throws IOException {
    for (Dimension<?> dimension : Dimension.all()) {
      String name = memberName(dimension, prefix);
      if (name == null || dimension.isDefault(context)) {
        continue;
      }
      Object value = dimension.get(context);
      if (value instanceof Integer count) {
        out.writeNumberField(name, count);
      } else if (value instanceof Boolean flag) {
        out.writeBooleanField(name, flag);
      } else {
        out.writeStringField(name, ((WireValue) value).wire());
      }
    }
  }

  /**
   * Writes facts as one line of JSON, every field of OpenClaw's facts explicit; the optional facts
   * of other gateways only when they are not their defaults.
   *
   * @param context the facts
   * @return the JSON object
   */
  public static String write(ConnectContext context) {
    return generate(out -> writeContext(out, context));
  }

  static void writeContext(JsonGenerator out, ConnectContext context) throws IOException {
    out.writeStartObject();
    out.writeStringField("role", context.role());
    out.writeArrayFieldStart("scopes");
    for (String scope : context.scopes()) {
      out.writeString(scope);
    }
    out.writeEndArray();
    out.writeObjectFieldStart("client");
    out.writeStringField("id", context.client().id());
    out.writeStringField("mode", context.client().mode());
    out.writeEndObject();
    out.writeBooleanField("local", context.local());
    out.writeStringField("locality", context.locality().wire());
    out.writeStringField("origin", context.origin().wire());
    AuthFacts auth = context.auth();
    out.writeObjectFieldStart("auth");
    out.writeStringField("mode", auth.mode().wire());
    out.writeStringField("provided", auth.provided().wire());
    out.writeBooleanField("ok", auth.ok());
    out.writeStringField("method", auth.method().wire());
    out.writeStringField("reason", auth.reason());
    out.writeBooleanField("sharedAuthOk", auth.sharedAuthOk());
    writeOptionalFacts(out, "auth.", context);
    out.writeEndObject();
    out.writeStringField("device", context.device().wire());
    out.writeStringField("pairing", context.pairing().wire());
    out.writeObjectFieldStart("controlUi");
    out.writeBooleanField("allowInsecureAuth", context.controlUi().allowInsecureAuth());
    out.writeBooleanField(
        "dangerouslyDisableDeviceAuth", context.controlUi().dangerouslyDisableDeviceAuth());
    out.writeEndObject();
    // The facts of other gateways are written only when they are not the defaults, so that
    // OpenClaw's facts are written exactly as before they existed.
    writeOptionalFacts(out, "", context);
    out.writeEndObject();
  }

  /**
   * Writes a decision as one line of JSON (contract section 2).
   *
   * @param decision the decision
   * @return the JSON object
   */
  public static String write(Decision decision) {
    return generate(
        out -> {
          out.writeStartObject();
          writeDecisionFields(out, decision);
          out.writeEndObject();
        });
  }

  /**
   * Writes a decision with the facts it was made on as one line of JSON: the decision's fields and
   * {@code facts}, the context as {@link #write(ConnectContext)} writes it ({@code admit}'s
   * output).
   *
   * @param decision the decision
   * @param facts the facts it was made on
   * @return the JSON object
   */
  public static String write(Decision decision, ConnectContext facts) {
    return generate(
        out -> {
          out.writeStartObject();
          writeDecisionFields(out, decision);
          out.writeFieldName("facts");
          writeContext(out, facts);
          out.writeEndObject();
        });
  }

  /**
   * Writes an upgrade decision as one line of JSON: {@code outcome} ({@code accept}, {@code defer}
   * or {@code reject}), {@code status} (the HTTP status, 101 when the upgrade proceeds), a
   * rejection's fields as {@link #write(Decision)} writes them, and {@code decidedBy}.
   *
   * <pre>{@code
   * {"outcome":"defer","status":101,"decidedBy":"upgrade.public-path"}
   * }</pre>
   *
   * @param upgrade the upgrade decision
   * @return the JSON object
   */
  public static String write(UpgradeDecision upgrade) {
    return generate(
        out -> {
          out.writeStartObject();
          out.writeStringField("outcome", upgrade.outcome().wire());
          out.writeNumberField("status", upgrade.status());
          Reject reject = upgrade.reject();
          if (reject != null) {
            writeRejectFields(out, reject);
          }
          out.writeStringField("decidedBy", upgrade.decidedBy());
          out.writeEndObject();
        });
  }

  /**
   * Writes a decision with its trace as one line of JSON: the decision's fields and {@code trace}.
   *
   * @param explanation the explanation
   * @return the JSON object
   */
  public static String write(Explanation explanation) {
    return generate(
        out -> {
          out.writeStartObject();
          writeDecisionFields(out, explanation.decision());
          out.writeArrayFieldStart("trace");
          for (TraceEntry entry : explanation.trace()) {
            out.writeStartObject();
            out.writeStringField("stage", entry.stage());
            out.writeStringField("rule", entry.rule());
            out.writeStringField("verdict", entry.verdict().wire());
            out.writeArrayFieldStart("effects");
            for (Effect effect : entry.effects().asList()) {
              out.writeString(effect.wire());
            }
            out.writeEndArray();
            if (entry.code() != null) {
              out.writeStringField("code", entry.code().wire());
            }
            out.writeEndObject();
          }
          out.writeEndArray();
          out.writeEndObject();
        });
  }

  static void writeDecisionFields(JsonGenerator out, Decision decision) throws IOException {
    out.writeStringField("outcome", decision.outcome().wire());
    if (decision instanceof Reject) {
      writeRejectFields(out, (Reject) decision);
    } else {
      Accept accept = (Accept) decision;
      out.writeStringField("role", accept.role().wire());
      out.writeArrayFieldStart("scopes");
      for (String scope : accept.scopes()) {
        out.writeString(scope);
      }
      out.writeEndArray();
      out.writeBooleanField("scopesCleared", accept.scopesCleared());
      out.writeStringField("pairing", accept.pairing().wire());
    }
    out.writeStringField("decidedBy", decision.decidedBy());
  }

  private static void writeRejectFields(JsonGenerator out, Reject reject) throws IOException {
    out.writeStringField("code", reject.code().wire());
    out.writeStringField("error", reject.error().wire());
    out.writeStringField("reason", reject.reason());
    out.writeStringField("message", reject.message());
    out.writeObjectFieldStart("close");
    out.writeNumberField("code", reject.close().code());
    out.writeStringField("reason", reject.close().reason());
    out.writeEndObject();
    AuthAdvice advice = reject.authAdvice();
    if (advice != null) {
      out.writeBooleanField("canRetryWithDeviceToken", advice.canRetryWithDeviceToken());
      out.writeStringField("recommendedNextStep", advice.recommendedNextStep().wire());
    }
    if (reject.hint() != null) {
      out.writeStringField("hint", reject.hint());
    }
  }

  /**
   * Reads a decision written by {@link #write(Decision)}, strictly.
   *
   * @param json one JSON object
   * @return the decision
   * @throws InvalidContextException naming the field, if the document is not a decision
   */
  public static Decision readDecision(String json) {
    JsonFields fields = JsonFields.object(JsonFields.parse(json), "");
    Outcome outcome = fields.requiredEnum("outcome", Outcome.class);
    Decision decision;
    if (outcome == Outcome.ACCEPT) {
      decision =
          new Accept(
              fields.requiredEnum("role", Role.class),
              fields.optionalStringList("scopes"),
              fields.requiredBoolean("scopesCleared"),
              fields.requiredEnum("pairing", PairingAction.class),
              fields.requiredString("decidedBy"));
    } else {
      RejectCode code = fields.requiredEnum("code", RejectCode.class);
      ErrorClass error = fields.requiredEnum("error", ErrorClass.class);
      if (error != code.errorClass()) {
        throw new InvalidContextException(
            "error",
            "field `error` is `"
                + error.wire()
                + "` but code `"
                + code.wire()
                + "` goes with `"
                + code.errorClass().wire()
                + "`");
      }
      String reason = fields.optionalString("reason");
      String message = fields.requiredString("message");
      JsonFields closeFields = fields.requiredObject("close");
      int closeCode = closeFields.requiredInt("code");
      String closeReason = closeFields.requiredString("reason");
      closeFields.finish();
      Close close;
      try {
        close = new Close(closeCode, closeReason);
      } catch (IllegalArgumentException tooLong) {
        throw new InvalidContextException(
            "close.reason", "field `close.reason`: " + tooLong.getMessage());
      }
      AuthAdvice advice = null;
      NextStep next = fields.optionalEnum("recommendedNextStep", NextStep.class);
      if (next != null) {
        advice = new AuthAdvice(fields.requiredBoolean("canRetryWithDeviceToken"), next);
      }
      decision =
          new Reject(
              code,
              reason,
              message,
              close,
              fields.requiredString("decidedBy"),
              advice,
              fields.optionalString("hint"));
    }
    fields.finish();
    return decision;
  }

  /** Something that writes JSON. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  static String generate(Writer writer) {
    return JsonFields.generate(writer::write);
  }

  /**
   * Writes an {@link InvalidContextException} as the {@code INVALID_CONTEXT} rejection the command
   * line answers a malformed line with.
   *
   * @param problem what was wrong
   * @param where where it was, such as {@code line 3}, or null
   * @return the rejection
   */
  public static Reject invalidContext(InvalidContextException problem, @Nullable String where) {
    String message = where == null ? problem.getMessage() : where + ": " + problem.getMessage();
    return Reject.of(
        RejectCode.INVALID_CONTEXT,
        problem.field().isEmpty() ? null : problem.field(),
        message,
        "context.invalid");
  }
}
