/**
 * The command-line tool {@code connect-policy}: decides JSON lines of facts or raw requests under a
 * named profile, explains decisions, writes decision tables and diffs. Entry point {@link
 * dev.connectpolicy.cli.Main}; nothing is exported.
 */
module dev.connectpolicy.cli {
  requires dev.connectpolicy.engine;
  requires dev.connectpolicy.conformance;
  requires com.fasterxml.jackson.core;
  requires info.picocli;
  requires static org.jspecify;

  opens dev.connectpolicy.cli to
      info.picocli;
}
