/**
 * Sub-commands of {@code ./sideline}. A bundle adds one by registering a {@link io.sideline.cli.Command}
 * service (a Declarative Services component); the headless application {@code io.sideline.cli.main}
 * finds it by its {@link io.sideline.cli.Command#name() name}.
 */
package io.sideline.cli;
