/**
 * The system prompts Quarry writes into records: {@link dev.quarry.extract.system.RepoProfile} reads what a
 * repository says about itself (languages, frameworks, description, conventions) and
 * {@link dev.quarry.extract.system.SystemPrompts} fills the {@code system/styles} template with it, one style per
 * record, every text checked with the attribution rules first.
 */
package dev.quarry.extract.system;
