/**
 * The {@code orbifold} command line ({@link org.orbifold.cli.Main}) and the generator of the
 * project's default data set ({@link org.orbifold.cli.LetterDrawings}). This is the only
 * package that prints: results to standard output, errors, progress and logs (SLF4J) to
 * standard error.
 */
package org.orbifold.cli;
