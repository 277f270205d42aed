package dev.connectpolicy.engine;

import dev.connectpolicy.engine.internal.RequestReading;

/**
 * How each released version of OpenClaw that a profile models reads the raw request ({@link
 * RequestReading}), one constant per release, named after the version whose shipped bundle and
 * recording it was checked against. A {@link Profile} names its release's constant; {@code
 * Admission.admit} uses it for that profile's policy. What each setting means, and how to add one:
 * {@link RequestReading}.
 */
final class RequestReadings {

  private RequestReadings() {}

  /** OpenClaw 2026.3.11; also what the 2026.3.12 profile inherited (its recording is 3.11's). */
  static final RequestReading OPENCLAW_2026_3_11 = RequestReading.builder().build();

  /** OpenClaw 2026.3.13, and the PR #48285 profiles built on it. */
  static final RequestReading OPENCLAW_2026_3_13 =
      OPENCLAW_2026_3_11.toBuilder().deviceTokenNeedsScopeBaseline(true).build();

  /** OpenClaw 2026.4.22, the release the 2026.4 profile is checked against. */
  static final RequestReading OPENCLAW_2026_4_22 = OPENCLAW_2026_3_13.toBuilder().build();

  /** OpenClaw 2026.5.28, the release the 2026.5 profile is checked against. */
  static final RequestReading OPENCLAW_2026_5_28 =
      OPENCLAW_2026_4_22.toBuilder().deviceTokenScopeMismatch(true).build();

  /** OpenClaw 2026.9.6, the current release, which {@code openclaw-latest} is checked against. */
  static final RequestReading OPENCLAW_2026_9_6 = OPENCLAW_2026_5_28.toBuilder().build();

  /** {@code recommended}: the current release's reading, strict where a release was lenient. */
  static final RequestReading RECOMMENDED = OPENCLAW_2026_9_6.toBuilder().build();
}
