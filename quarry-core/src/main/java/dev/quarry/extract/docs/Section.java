package dev.quarry.extract.docs;

import dev.quarry.model.LineRange;
import java.util.Optional;

/**
 * One {@code ##} or {@code ###} section of a Markdown document: its heading, its own text (up to the next
 * heading of level 1 to 3, so sections never overlap) and where it is written.
 *
 * @param level 2 or 3
 * @param heading the heading text
 * @param parent the enclosing {@code ##} heading of a {@code ###} section, or empty
 * @param body the section text as written, trimmed
 * @param lines from the heading line to the last non-blank line, 1-based
 * @param codeLanguage the info string of its first fenced code block, or empty
 */
record Section(int level, String heading, Optional<String> parent, String body, LineRange lines,
    Optional<String> codeLanguage) {}
