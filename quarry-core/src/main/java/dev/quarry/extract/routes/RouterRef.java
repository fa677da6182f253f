package dev.quarry.extract.routes;

/**
 * A router or application object: the file it is defined in and its variable (or {@code default} for a
 * module's default export).
 */
record RouterRef(String path, String var) {}
