package dev.connectpolicy.engine;

import dev.connectpolicy.api.ConnectPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The engine's entry point for policies: the named profiles and new pipelines.
 *
 * <pre>{@code
 * PolicyPipeline policy = ConnectPolicies.recommended();
 * Decision decision = policy.evaluate(context);
 * Explanation why = ConnectPolicies.profile("openclaw-2026.3.13").explain(context);
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class ConnectPolicies {

  private ConnectPolicies() {}

  /**
   * Returns our default policy, {@link Profile#RECOMMENDED}.
   *
   * @return the recommended policy
   */
  public static PolicyPipeline recommended() {
    return Profile.RECOMMENDED.policy();
  }

  /**
   * Returns a profile's policy by name.
   *
   * @param name a profile name or alias ({@link #aliases()}), such as {@code openclaw-latest}
   * @return the policy
   * @throws NoSuchElementException naming the known profiles, if there is no such profile
   */
  public static PolicyPipeline profile(String name) {
    return named(name).policy();
  }

  /**
   * Returns a profile compiled into a lookup structure: the same decisions as {@link
   * #profile(String)}, several times faster, for a gateway's hot path.
   *
   * <pre>{@code
   * ConnectPolicy policy = ConnectPolicies.compiled("recommended"); // once, at start-up
   * Decision decision = policy.evaluate(context);                    // per connection
   * }</pre>
   *
   * @param name a profile name or alias, such as {@code recommended}
   * @return the compiled policy, built on first use (about a second) and shared
   * @throws NoSuchElementException naming the known profiles, if there is no such profile
   */
  public static ConnectPolicy compiled(String name) {
    return named(name).compiled();
  }

  /**
   * Compiles a pipeline of your own over the standard fact space, as {@link #compiled(String)}
   * compiles a profile: the same decisions, from a lookup structure built now (about a second).
   *
   * @param pipeline a pipeline whose rules never read the declared scopes, such as a profile's
   * @return the compiled policy, deciding exactly as {@code pipeline}
   * @throws IllegalArgumentException if two cells that differ only in their non-empty scopes are
   *     decided differently (the pipeline reads the scopes, so it cannot be compiled)
   */
  public static ConnectPolicy compile(PolicyPipeline pipeline) {
    return CompiledPolicy.compile(pipeline);
  }

  private static Profile named(String name) {
    return Profile.named(name)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "unknown profile `"
                        + name
                        + "`, expected one of "
                        + String.join(", ", names())));
  }

  /**
   * Lists the profile names in order.
   *
   * @return the names, without the aliases
   */
  public static List<String> names() {
    return Stream.of(Profile.values()).map(Profile::profileName).collect(Collectors.toList());
  }

  /**
   * Lists the aliases: older names that {@link #profile(String)}, {@link #compiled(String)} and
   * every command's {@code --profile} still accept, each with the name of its profile.
   *
   * @return alias to profile name, in the order of the profiles
   */
  public static Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Profile profile : Profile.values()) {
      for (String alias : profile.aliases()) {
        aliases.put(alias, profile.profileName());
      }
    }
    return Collections.unmodifiableMap(aliases);
  }

  /**
   * Starts a pipeline of your own from the rule vocabulary of {@link Rules}.
   *
   * @param name the policy's name
   * @return a builder
   */
  public static PolicyPipeline.Builder pipeline(String name) {
    return PolicyPipeline.builder(name);
  }
}
