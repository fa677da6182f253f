/**
 * Benchmark support: a generator of realistic records with planted exact and near duplicates (and their
 * ground truth), and a harness that times exact and near dedup and scores near dedup against the truth.
 * Never run by {@code mvn verify}; reached through {@code quarry bench}.
 */
package dev.quarry.dataset.bench;
