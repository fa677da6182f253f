package dev.quarry.extract.goals;

import java.util.Optional;

/**
 * One operation joined with the surfaces that reach it. Immutable.
 *
 * @param operation the operation
 * @param handler its route handler, when found
 * @param sdk the SDK method that calls it, when found
 * @param hook the hook that calls that SDK method, when found
 * @param tool the MCP tool whose main call it is, when found
 */
public record ApiEntry(Operation operation, Optional<Surface> handler, Optional<Surface> sdk, Optional<Surface> hook,
    Optional<Surface> tool) {}
