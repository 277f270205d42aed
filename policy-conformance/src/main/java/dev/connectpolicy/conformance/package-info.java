/**
 * Conformance of the profiles with real gateways: {@link dev.connectpolicy.conformance.Recorder}
 * drives a gateway that speaks OpenClaw's connect handshake through a grid of attempts ({@link
 * dev.connectpolicy.conformance.Grid}) and writes a {@link
 * dev.connectpolicy.conformance.Recording}; {@link dev.connectpolicy.conformance.Replay} decides
 * the recorded requests with {@code Admission.admit} and measures the agreement with the recorded
 * answers; {@link dev.connectpolicy.conformance.RecordingDiff} compares two recordings.
 *
 * <pre>{@code
 * Conformance.Report report = Conformance.conform("openclaw-2026.3.13",
 *     ConnectPolicies.profile("openclaw-2026.3.13"),
 *     List.of(Path.of("openclaw-2026.3.13-token.jsonl.gz")));
 * System.out.print(report.text());
 * }</pre>
 */
@NullMarked
package dev.connectpolicy.conformance;

import org.jspecify.annotations.NullMarked;
