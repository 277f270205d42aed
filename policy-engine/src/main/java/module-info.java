/**
 * The connect-policy engine: rules, the pipeline that composes them, the named profiles (every
 * OpenClaw policy version and our recommended policy), the strict JSON codec and the evidence
 * layer. The command-line tool is module {@code dev.connectpolicy.cli}.
 *
 * <p>Entry points: {@link dev.connectpolicy.engine.ConnectPolicies} for profiles and pipelines,
 * {@link dev.connectpolicy.engine.Rules} for the rule vocabulary, {@link
 * dev.connectpolicy.engine.PolicyJson} for the JSON contract, {@link
 * dev.connectpolicy.engine.evidence.Admission} for deciding a raw request (the evidence layer).
 *
 * <p>Exported to every module: {@code dev.connectpolicy.engine} and {@code
 * dev.connectpolicy.engine.evidence}, each public type with an {@code @API} status. The decision
 * tables ({@code dev.connectpolicy.engine.table}) are exported only to the command-line tool; the
 * {@code internal} packages to nobody.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module dev.connectpolicy.engine {
  requires transitive dev.connectpolicy.api;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.bouncycastle.provider;
  requires static transitive org.jspecify;
  requires static transitive org.apiguardian.api;

  exports dev.connectpolicy.engine;
  exports dev.connectpolicy.engine.evidence;
  exports dev.connectpolicy.engine.table to
      dev.connectpolicy.cli;
}
