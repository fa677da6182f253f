/**
 * Goal-first examples: an {@link dev.quarry.extract.goals.ApiMap} joins each OpenAPI operation with its route
 * handler, SDK method, React hook and MCP tool, and {@link dev.quarry.extract.goals.GoalsExtractor} turns each
 * join into "I want X from a React page / a service / an agent host" questions that name no platform symbol,
 * answered with the right surface for that caller, its scope and errors, a short snippet and the near miss; and
 * test bodies into usage tasks (the behaviour in plain words, answered with the calls and what the assertions
 * guarantee).
 */
package dev.quarry.extract.goals;
