package dev.connectpolicy.conformance;

import java.util.Locale;

/** What a replay or a diff compares of two answers to the same attempt. */
enum Aspect {
  /** Accept or reject. */
  OUTCOME,
  /** The detail code ({@code error.details.code}), where either side rejects. */
  CODE,
  /** The error message, where either side rejects. */
  MESSAGE,
  /** The WebSocket close code (or the HTTP status of a refused upgrade), where either rejects. */
  CLOSE_CODE,
  /** Whether {@code operator.read} is effective, where both accept and the probe tells. */
  SCOPES;

  /** The name as printed: {@code close code}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
