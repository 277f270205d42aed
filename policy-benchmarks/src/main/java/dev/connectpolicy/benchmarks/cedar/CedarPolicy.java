package dev.connectpolicy.benchmarks.cedar;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ControlUiConfig;
import dev.connectpolicy.benchmarks.ComparisonPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A profile written in Cedar and decided by cedar-java's {@link BasicAuthorizationEngine}, the
 * native Cedar authorizer behind JNI.
 *
 * <p>The facts become a Cedar request: the principal is the client ({@code Gateway::Client}, with
 * the declared {@code role}, {@code id} and {@code mode}), the action {@code
 * Gateway::Action::"connect"}, the resource the gateway ({@code Gateway::Gateway}, with its {@code
 * authMode} and {@code controlUi} flags), and the context carries what the connection established
 * ({@code local}, {@code locality}, {@code origin}, {@code auth}, {@code device}, {@code pairing}).
 * The declared scopes are left out: they change what an accepted connection may do, never whether
 * it is accepted. The policy text is a resource beside this class ({@code
 * openclaw-2026.3.13.cedar}).
 *
 * <p>The policy set is parsed once, and {@linkplain PolicySet#cache() pre-parsed} on the native
 * side, as a gateway would keep it; cedar-java caches no decisions, so every call of {@link
 * #allows(Request)} is a full authorization.
 *
 * <pre>{@code
 * CedarPolicy cedar = CedarPolicy.openclaw2026_3_13();
 * CedarPolicy.Request request = cedar.prepare(context);
 * boolean accepted = cedar.allows(request);
 * }</pre>
 */
public final class CedarPolicy implements ComparisonPolicy<CedarPolicy.Request> {

  private static final EntityTypeName CLIENT = typeName("Gateway::Client");
  private static final EntityTypeName GATEWAY = typeName("Gateway::Gateway");
  private static final EntityUID CONNECT = typeName("Gateway::Action").of("connect");

  private final String name;
  private final PolicySet policies;
  private final AuthorizationEngine engine = new BasicAuthorizationEngine();

  private CedarPolicy(String name, PolicySet policies) {
    this.name = name;
    this.policies = policies;
  }

  /**
   * Returns the Cedar encoding of {@code openclaw-2026.3.13}, OpenClaw 2026.3.13 with the Control
   * UI device bypass for operators only.
   *
   * @return the policy
   * @throws IllegalStateException if the policy text does not parse, or the native library does not
   *     load
   */
  public static CedarPolicy openclaw2026_3_13() {
    return fromResource("cedar openclaw-2026.3.13", "openclaw-2026.3.13.cedar");
  }

  private static CedarPolicy fromResource(String name, String resource) {
    String text;
    try (InputStream in = CedarPolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing policy resource `" + resource + "`");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy resource `" + resource + "`", e);
    }
    try {
      PolicySet policies = PolicySet.parsePolicies(text);
      policies.cache();
      return new CedarPolicy(name, policies);
    } catch (InternalException | CacheException e) {
      throw new IllegalStateException("policy resource `" + resource + "` does not parse", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the number of policies (permits and forbids) in the policy set.
   *
   * @return the number of static policies
   */
  public int policyCount() {
    return policies.getNumPolicies();
  }

  @Override
  public Request prepare(ConnectContext context) {
    EntityUID principal = CLIENT.of(context.client().id() + "/" + context.client().mode());
    Map<String, Value> client = new HashMap<>();
    client.put("role", new PrimString(context.role()));
    client.put("id", new PrimString(context.client().id()));
    client.put("mode", new PrimString(context.client().mode()));

    EntityUID resource = GATEWAY.of("gateway");
    ControlUiConfig flags = context.controlUi();
    Map<String, Value> controlUi = new HashMap<>();
    controlUi.put("allowInsecureAuth", new PrimBool(flags.allowInsecureAuth()));
    controlUi.put(
        "dangerouslyDisableDeviceAuth", new PrimBool(flags.dangerouslyDisableDeviceAuth()));
    Map<String, Value> gateway = new HashMap<>();
    gateway.put("authMode", new PrimString(context.auth().mode().wire()));
    gateway.put("controlUi", new CedarMap(controlUi));

    AuthFacts facts = context.auth();
    Map<String, Value> auth = new HashMap<>();
    auth.put("ok", new PrimBool(facts.ok()));
    auth.put("method", new PrimString(facts.method().wire()));
    auth.put("provided", new PrimString(facts.provided().wire()));
    auth.put("sharedAuthOk", new PrimBool(facts.sharedAuthOk()));
    String reason = facts.reason();
    if (reason != null) {
      auth.put("reason", new PrimString(reason));
    }
    Map<String, Value> established = new HashMap<>();
    established.put("local", new PrimBool(context.local()));
    established.put("locality", new PrimString(context.locality().wire()));
    established.put("origin", new PrimString(context.origin().wire()));
    established.put("auth", new CedarMap(auth));
    established.put("device", new PrimString(context.device().wire()));
    established.put("pairing", new PrimString(context.pairing().wire()));

    Entities entities =
        new Entities(
            Set.of(
                new Entity(principal, client, Set.of()), new Entity(resource, gateway, Set.of())));
    return new Request(
        new AuthorizationRequest(principal, CONNECT, resource, established), policies, entities);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if Cedar fails the request, or a policy's evaluation errs (an
   *     erring policy is skipped by Cedar, which would silently drop a forbid)
   */
  @Override
  public boolean allows(Request request) {
    AuthorizationResponse response;
    try {
      response = engine.isAuthorized(request.request(), request.policies(), request.entities());
    } catch (AuthException e) {
      throw new IllegalStateException("cedar could not decide " + request.request(), e);
    }
    AuthorizationSuccessResponse success =
        response.success.orElseThrow(
            () -> new IllegalStateException("cedar failed " + request.request() + ": " + response));
    if (!success.getErrors().isEmpty()) {
      throw new IllegalStateException(
          "cedar policies erred on " + request.request() + ": " + success.getErrors());
    }
    return success.isAllowed();
  }

  @Override
  public String toString() {
    return name;
  }

  private static EntityTypeName typeName(String text) {
    return EntityTypeName.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("bad entity type " + text));
  }

  /**
   * A prepared Cedar request: everything {@link AuthorizationEngine#isAuthorized} takes.
   *
   * @param request the principal, action, resource and context
   * @param policies the policy set, parsed and cached once per policy
   * @param entities the principal and resource entities with their attributes
   */
  public record Request(AuthorizationRequest request, PolicySet policies, Entities entities) {}
}
