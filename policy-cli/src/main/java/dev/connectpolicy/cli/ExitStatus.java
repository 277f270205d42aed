package dev.connectpolicy.cli;

/** The tool's exit statuses, as the contract lists them. */
final class ExitStatus {

  /** Success. */
  static final int OK = 0;

  /** Differences found ({@code diff}). */
  static final int DIFFERENT = 1;

  /** Malformed input (every line still answered), a usage error, or a failure to read. */
  static final int ERROR = 2;

  /** Standard output could not be written (a full disk, a closed pipe): the tool stopped. */
  static final int OUTPUT_FAILED = 3;

  private ExitStatus() {}
}
