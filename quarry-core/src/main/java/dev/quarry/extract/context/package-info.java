/**
 * Makes answers self-contained, for every extractor in one place: {@link dev.quarry.extract.context.ContextComposer}
 * finds the free names of each answer's code, resolves them through the source file's own imports and the
 * repository's definitions, puts the real import lines into the code and adds a capped, labelled context block
 * with the signatures of the platform symbols used to the prompt.
 */
package dev.quarry.extract.context;
