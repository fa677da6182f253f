package dev.quarry.registry;

/**
 * One weight file of an adapter.
 *
 * @param name file name inside the adapter folder
 * @param bytes size in bytes
 * @param sha256 SHA-256 of its bytes
 */
public record WeightFile(String name, long bytes, String sha256) {}
