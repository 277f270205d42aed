package dev.connectpolicy.benchmarks.casbin;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.benchmarks.ComparisonPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.casbin.jcasbin.main.CoreEnforcer;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.persist.file_adapter.FileAdapter;

/**
 * A profile written as a jCasbin ABAC model and policy, decided by a plain {@link Enforcer}.
 *
 * <p>The facts become the request's attributes, in the order of the model's {@code
 * request_definition}: role, client id and mode, local and locality, origin, the authentication
 * facts (mode, ok, method, provided credential, reason, sharedAuthOk), the device proof, the
 * pairing state and the two Control UI flags. The declared scopes are left out: they change what an
 * accepted connection may do, never whether it is accepted. Each policy line is one rule of the
 * connect path, its condition an expression over those attributes ({@code eval(p.condition)}); the
 * {@code priority(p.eft) || deny} effect lets the first matching line decide, which is OpenClaw's
 * order. The model and policy are resources beside this class ({@code openclaw-2026.3.13.conf} and
 * {@code .csv}).
 *
 * <p>Nothing is cached between decisions: the enforcer is the plain {@link Enforcer}, not the
 * {@code CachedEnforcer} or {@code SyncedCachedEnforcer} that memoise decisions by request; its log
 * is off, and so are auto-save and role-link building, which only matter for policy changes and
 * roles. What is kept across calls is the compiled form of the expressions (the matcher, which
 * jCasbin always compiles once, and each line's condition, by turning on the Aviator instance's
 * expression cache), as a gateway would keep its policy loaded: every call still evaluates the
 * lines in order for its own request.
 *
 * <pre>{@code
 * CasbinPolicy casbin = CasbinPolicy.openclaw2026_3_13();
 * Object[] request = casbin.prepare(context);
 * boolean accepted = casbin.allows(request);
 * }</pre>
 */
public final class CasbinPolicy implements ComparisonPolicy<Object[]> {

  private final String name;
  private final Enforcer enforcer;

  private CasbinPolicy(String name, Enforcer enforcer) {
    this.name = name;
    this.enforcer = enforcer;
  }

  /**
   * Returns the jCasbin encoding of {@code openclaw-2026.3.13}, OpenClaw 2026.3.13 with the Control
   * UI device bypass for operators only.
   *
   * @return the policy
   * @throws UncheckedIOException if a resource cannot be read
   */
  public static CasbinPolicy openclaw2026_3_13() {
    return fromResources(
        "casbin openclaw-2026.3.13", "openclaw-2026.3.13.conf", "openclaw-2026.3.13.csv");
  }

  private static CasbinPolicy fromResources(String name, String modelResource, String policy) {
    Model model = CoreEnforcer.newModel(read(modelResource));
    Enforcer enforcer;
    try (InputStream lines = open(policy)) {
      enforcer = new Enforcer(model, new FileAdapter(lines), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy resource `" + policy + "`", e);
    }
    enforcer.enableLog(false);
    enforcer.enableAutoSave(false);
    enforcer.enableAutoBuildRoleLinks(false);
    // eval() hands each line's condition to Aviator as text; without the expression cache Aviator
    // would compile it to bytecode again on every call, which no deployment would choose.
    enforcer.getAviatorEval().setCachedExpressionByDefault(true);
    return new CasbinPolicy(name, enforcer);
  }

  private static InputStream open(String resource) {
    InputStream in = CasbinPolicy.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing policy resource `" + resource + "`");
    }
    return in;
  }

  private static String read(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy resource `" + resource + "`", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the number of policy lines, one per rule of the connect path.
   *
   * @return the number of lines
   */
  public int ruleCount() {
    return enforcer.getPolicy().size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Strings for the declared and enumerated facts (their wire values), booleans for the flags;
   * the reason is the empty string when authentication succeeded.
   */
  @Override
  public Object[] prepare(ConnectContext context) {
    AuthFacts auth = context.auth();
    String reason = auth.reason();
    return new Object[] {
      context.role(),
      context.client().id(),
      context.client().mode(),
      context.local(),
      context.locality().wire(),
      context.origin().wire(),
      auth.mode().wire(),
      auth.ok(),
      auth.method().wire(),
      auth.provided().wire(),
      reason == null ? "" : reason,
      auth.sharedAuthOk(),
      context.device().wire(),
      context.pairing().wire(),
      context.controlUi().allowInsecureAuth(),
      context.controlUi().dangerouslyDisableDeviceAuth()
    };
  }

  @Override
  public boolean allows(Object[] request) {
    return enforcer.enforce(request);
  }

  @Override
  public String toString() {
    return name;
  }
}
