package org.noether.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A top-level command that only groups subcommands ({@code data}, {@code bench}): run bare, it is a usage error that
 * lists them, printed like every other usage error on the command line's configured stream.
 */
abstract class CommandGroup implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String names = String.join(", ", spec.subcommands().keySet());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; choose one of: " + names);
    }
}
