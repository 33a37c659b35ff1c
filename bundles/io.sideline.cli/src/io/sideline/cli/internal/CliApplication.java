package io.sideline.cli.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The headless application {@code io.sideline.cli.main}: {@code COMMAND [ARGS...]} runs the command
 * service of that name and exits with its code.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw instanceof String[] a ? Arrays.asList(a) : List.of();
        Bundle bundle = FrameworkUtil.getBundle(CliApplication.class);
        return CommandDispatcher.run(bundle.getBundleContext(), args, System.out, System.err);
    }

    @Override
    public void stop() {
        // commands that block (servers) watch for the framework stopping themselves
    }
}
