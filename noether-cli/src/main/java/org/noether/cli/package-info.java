/**
 * The {@code noether} command line: picocli commands that wire the modules together.
 * {@link org.noether.cli.Main} lists the subcommands; add a class there to add a command.
 */
package org.noether.cli;
