/**
 * The engine: rules ({@link dev.connectpolicy.engine.Rules}), stages and pipelines ({@link
 * dev.connectpolicy.engine.PolicyPipeline}), the named profiles ({@link
 * dev.connectpolicy.engine.Profile}, {@link dev.connectpolicy.engine.ConnectPolicies}) and the JSON
 * contract ({@link dev.connectpolicy.engine.PolicyJson}).
 *
 * <pre>{@code
 * ConnectPolicy policy = ConnectPolicies.recommended();
 * Decision decision = policy.evaluate(PolicyJson.readContext(line));
 * System.out.println(PolicyJson.write(decision));
 * }</pre>
 */
@NullMarked
package dev.connectpolicy.engine;

import org.jspecify.annotations.NullMarked;
