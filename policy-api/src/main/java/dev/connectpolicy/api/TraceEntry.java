package dev.connectpolicy.api;

import org.jspecify.annotations.Nullable;

/**
 * One rule consulted during an evaluation, with its verdict.
 *
 * @param stage the name of the stage the rule belongs to
 * @param rule the rule's id
 * @param verdict the kind of verdict it gave
 * @param effects the effects it established
 * @param code the rejection code, for a {@link Verdict.Kind#REJECT} verdict; otherwise null
 */
public record TraceEntry(
    String stage, String rule, Verdict.Kind verdict, Effects effects, @Nullable RejectCode code) {}
