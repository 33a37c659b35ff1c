/**
 * Sub-commands of {@code ./sideline}. A bundle adds one by registering a {@link io.sideline.cli.Command}
 * service (a Declarative Services component); the headless application {@code io.sideline.cli.main}
 * finds it by its {@link io.sideline.cli.Command#name() name}. Every command reads its arguments with
 * {@link io.sideline.cli.CommandLine}, one parser with one set of rules: an unknown option is refused with
 * a {@link io.sideline.cli.UsageException}, which prints the command's usage and exits with 2.
 */
@NullMarked
package io.sideline.cli;

import org.jspecify.annotations.NullMarked;
