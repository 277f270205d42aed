package dev.connectpolicy.cli;

/** A command line the tool cannot run: the message says why; usage follows on standard error. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
