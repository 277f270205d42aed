package dev.connectpolicy.engine;

/** How a pairing rejection reads (reference section 3, O14). */
enum PairingMessage {
  /** 2026.3: {@code pairing required}, no hint. */
  PLAIN,
  /** 2026.4 and later: {@code pairing required: <requirement>}, with a remediation hint. */
  WITH_REQUIREMENT
}
