/**
 * Explanations composed from a repository's own knowledge: the standards and docs sections that name an
 * identifier or literal an answer uses, the tests that cover its symbol (and what they assert) and its call
 * sites. {@link dev.quarry.extract.explain.Explainer} appends them to code answers of every extractor, each
 * sentence with its source in {@code meta.explanation_sources}; {@link dev.quarry.extract.explain.Knowledge} is
 * the index built once per repository.
 */
package dev.quarry.extract.explain;
