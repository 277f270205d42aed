/**
 * The Cedar encoding of a profile, decided by cedar-java's native authorizer: {@link
 * dev.connectpolicy.benchmarks.cedar.CedarPolicy}, with its policy text as a resource beside it.
 */
@NullMarked
package dev.connectpolicy.benchmarks.cedar;

import org.jspecify.annotations.NullMarked;
