/**
 * The jCasbin encoding of a profile, an ABAC model with one policy line per rule: {@link
 * dev.connectpolicy.benchmarks.casbin.CasbinPolicy}, with its model and policy as resources beside
 * it.
 */
@NullMarked
package dev.connectpolicy.benchmarks.casbin;

import org.jspecify.annotations.NullMarked;
