/**
 * Conformance of the profiles with real gateways: {@link dev.connectpolicy.conformance.Recorder}
 * drives a gateway that speaks OpenClaw's connect handshake through a grid of attempts ({@link
 * dev.connectpolicy.conformance.Grid}) and writes a {@link
 * dev.connectpolicy.conformance.Recording}; {@link dev.connectpolicy.conformance.Replay} decides
 * the recorded requests with {@code Admission.admit} and measures the agreement with the recorded
 * answers; {@link dev.connectpolicy.conformance.RecordingDiff} compares two recordings.
 *
 * <pre>{@code
 * Recording recording = Recording.read(Path.of("openclaw-2026.3.13.jsonl.gz"));
 * Replay replay = Replay.of(ConnectPolicies.profile("openclaw-2026.3.13"), recording);
 * System.out.println(replay.agreement(Aspect.OUTCOME));
 * }</pre>
 */
@NullMarked
package dev.connectpolicy.conformance;

import org.jspecify.annotations.NullMarked;
