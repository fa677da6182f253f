/**
 * Decontamination: finds training records that share word n-grams (13 by default) with evaluation
 * records, reports the overlap per record, and drops those over a threshold.
 */
package dev.quarry.dataset.decontaminate;
