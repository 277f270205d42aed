/**
 * Implementation details of the engine: OpenClaw's wire texts and the classification of clients.
 * Not exported; nothing here is API.
 */
@NullMarked
package dev.connectpolicy.engine.internal;

import org.jspecify.annotations.NullMarked;
