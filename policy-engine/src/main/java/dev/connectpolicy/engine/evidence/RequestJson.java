package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.internal.JsonFields;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads the raw request of contract section 3, the input of {@code admit}, as strictly as {@link
 * dev.connectpolicy.engine.PolicyJson#readContext} reads facts: an unknown field, a wrong type, a
 * missing required field or a value over its size bound is an {@link InvalidContextException}
 * naming the field's path (such as {@code connect.device.signedAt}). Messages never quote a secret.
 *
 * <pre>{@code
 * ConnectRequest request = RequestJson.read(line);
 * Admission.Result result = Admission.admit(ConnectPolicies.recommended(), request);
 * }</pre>
 *
 * <p>A gateway that speaks OpenClaw's protocol reads the {@code params} of a {@code connect} frame
 * with {@link #readConnectParams}.
 *
 * <p>Required: {@code connect.client.id}, {@code connect.client.mode}, {@code
 * socket.remoteAddress}, {@code challengeNonce}, {@code now}, {@code gateway.auth.mode}, and in a
 * device {@code id}, {@code publicKey} and {@code signature}. Everything else may be omitted or
 * null: {@code connect.role} defaults to {@code operator}, lists to empty, flags to false, {@code
 * connect.device} and {@code pairedDevice} to none. A header whose value is null was not sent.
 * {@code connect.client.version} extends the contract: the version the client sent, of which only
 * the presence is read (a release's connect schema requires it). {@code pairedDevice.deviceToken}
 * extends the contract: the token issued to the paired device.
 */
@API(status = API.Status.STABLE)
public final class RequestJson {

  private RequestJson() {}

  /**
   * Reads one raw request.
   *
   * @param json one JSON object
   * @return the request
   * @throws InvalidContextException naming the field, if the document does not fit the contract
   */
  public static ConnectRequest read(String json) {
    JsonFields fields = JsonFields.object(JsonFields.parse(json), "");
    ConnectFrame connect = connect(fields.requiredObject("connect"));
    SocketInfo socket = socket(fields.requiredObject("socket"));
    String challengeNonce = fields.requiredString("challengeNonce");
    long now = fields.requiredLong("now");
    GatewayConfig gateway = gateway(fields.requiredObject("gateway"));
    JsonFields paired = fields.optionalObject("pairedDevice");
    PairedDevice pairedDevice = paired == null ? null : pairedDevice(paired);
    fields.finish();
    return new ConnectRequest(connect, socket, challengeNonce, now, gateway, pairedDevice);
  }

  /**
   * Reads the {@code params} of an OpenClaw {@code connect} request frame, the {@code connect} part
   * of a raw request, for a gateway that speaks OpenClaw's protocol itself. The members admission
   * reads are read as strictly as {@link #read} reads them, and named the same way ({@code
   * connect.device.signedAt}): {@code client.id}, {@code client.mode} (required), {@code
   * client.version}, {@code client.platform}, {@code client.deviceFamily}, {@code role}, {@code
   * scopes}, {@code auth} and {@code device}, whose members are all read and whose unknown members
   * are errors, as a misspelled credential should be. Everything else OpenClaw clients send is
   * informational and ignored: the protocol range {@code minProtocol} and {@code maxProtocol} (the
   * transport checks it), {@code caps}, {@code commands}, {@code permissions}, {@code locale},
   * {@code userAgent} and any other member of {@code params}; {@code displayName}, {@code
   * instanceId}, {@code modelIdentifier} and any other member of {@code client}; and {@code
   * auth.approvalRuntimeToken}, which latest OpenClaw sends and this library does not verify.
   *
   * <pre>{@code
   * ConnectFrame frame = RequestJson.readConnectParams(params.toString());
   * ConnectRequest request = new ConnectRequest(frame, socket, nonce, now, config, paired);
   * }</pre>
   *
   * @param json the {@code params} object of the connect request
   * @return the connect frame
   * @throws InvalidContextException naming the field, if a member admission reads is missing,
   *     mistyped or too long, or {@code auth} or {@code device} has an unknown member
   */
  public static ConnectFrame readConnectParams(String json) {
    return connect(JsonFields.object(JsonFields.parse(json), "connect"), true);
  }

  private static ConnectFrame connect(JsonFields fields) {
    return connect(fields, false);
  }

  /**
   * Reads a connect frame; {@code informational} ignores the members of it and of its {@code
   * client} that admission does not read, and OpenClaw's {@code auth.approvalRuntimeToken}.
   */
  private static ConnectFrame connect(JsonFields fields, boolean informational) {
    JsonFields clientFields = fields.requiredObject("client");
    ClientInfo client =
        new ClientInfo(
            clientFields.requiredString("id"),
            clientFields.requiredString("mode"),
            clientFields.optionalString("version"),
            clientFields.optionalString("platform"),
            clientFields.optionalString("deviceFamily"));
    if (!informational) {
      clientFields.finish();
    }
    String role = fields.optionalString("role");
    List<String> scopes = fields.optionalStringList("scopes");
    Credentials auth = Credentials.NONE;
    JsonFields authFields = fields.optionalObject("auth");
    if (authFields != null) {
      if (informational) {
        authFields.ignore("approvalRuntimeToken");
      }
      auth =
          new Credentials(
              authFields.optionalString("token"),
              authFields.optionalString("password"),
              authFields.optionalString("deviceToken"),
              authFields.optionalString("bootstrapToken"));
      authFields.finish();
    }
    DeviceIdentity device = null;
    JsonFields deviceFields = fields.optionalObject("device");
    if (deviceFields != null) {
      device =
          new DeviceIdentity(
              deviceFields.requiredString("id"),
              deviceFields.requiredString("publicKey"),
              deviceFields.requiredString("signature"),
              deviceFields.optionalLong("signedAt"),
              deviceFields.optionalString("nonce"));
      deviceFields.finish();
    }
    if (!informational) {
      fields.finish();
    }
    return new ConnectFrame(client, role == null ? "operator" : role, scopes, auth, device);
  }

  private static SocketInfo socket(JsonFields fields) {
    SocketInfo socket =
        new SocketInfo(fields.requiredString("remoteAddress"), fields.optionalStringMap("headers"));
    fields.finish();
    return socket;
  }

  private static GatewayConfig gateway(JsonFields fields) {
    JsonFields authFields = fields.requiredObject("auth");
    AuthMode mode = authFields.requiredEnum("mode", AuthMode.class);
    String token = authFields.optionalString("token");
    String password = authFields.optionalString("password");
    TrustedProxyAuth trustedProxy = null;
    JsonFields proxyFields = authFields.optionalObject("trustedProxy");
    if (proxyFields != null) {
      trustedProxy =
          new TrustedProxyAuth(
              proxyFields.requiredString("userHeader"),
              proxyFields.optionalStringList("requiredHeaders"),
              proxyFields.optionalStringList("allowUsers"),
              proxyFields.optionalBoolean("allowLoopback", false));
      proxyFields.finish();
    }
    authFields.finish();
    List<String> trustedProxies = fields.optionalStringList("trustedProxies");
    boolean allowRealIpFallback = fields.optionalBoolean("allowRealIpFallback", false);
    ControlUiSettings controlUi = ControlUiSettings.DEFAULT;
    JsonFields uiFields = fields.optionalObject("controlUi");
    if (uiFields != null) {
      controlUi =
          new ControlUiSettings(
              uiFields.optionalStringList("allowedOrigins"),
              uiFields.optionalBoolean("allowInsecureAuth", false),
              uiFields.optionalBoolean("dangerouslyDisableDeviceAuth", false),
              uiFields.optionalBoolean("dangerouslyAllowHostHeaderOriginFallback", false));
      uiFields.finish();
    }
    fields.finish();
    return new GatewayConfig(
        new GatewayAuth(mode, token, password, trustedProxy),
        trustedProxies,
        allowRealIpFallback,
        controlUi);
  }

  private static PairedDevice pairedDevice(JsonFields fields) {
    boolean scopeBaseline = fields.has("scopes");
    PairedDevice record =
        new PairedDevice(
            fields.requiredString("publicKey"),
            fields.optionalStringList("roles"),
            fields.optionalStringList("scopes"),
            fields.optionalString("platform"),
            fields.optionalString("deviceFamily"),
            fields.optionalString("deviceToken"),
            scopeBaseline);
    fields.finish();
    return record;
  }
}
