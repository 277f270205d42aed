package dev.connectpolicy.engine;

/** What a pairing skip waives (reference section 2.7). */
enum PairingSkipScope {
  /** 2026.3: a skipped client is never checked against its pairing record at all. */
  ALL_CHECKS,
  /**
   * 2026.4 and later: a skip only waives the first pairing; a paired device is still checked for
   * role, scope and metadata upgrades.
   */
  FIRST_PAIRING_ONLY
}
