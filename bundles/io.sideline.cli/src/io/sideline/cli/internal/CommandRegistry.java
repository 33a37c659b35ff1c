package io.sideline.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.sideline.cli.Command;

/** The {@link Command} services registered in the framework, by name. */
final class CommandRegistry {

    private final BundleContext context;

    CommandRegistry(BundleContext context) {
        this.context = context;
    }

    /** @return every command, sorted by name; the first service wins where two share a name */
    List<Command> all() {
        TreeMap<String, Command> byName = new TreeMap<>();
        Collection<ServiceReference<Command>> refs;
        try {
            refs = context.getServiceReferences(Command.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<Command> ref : refs.stream().sorted().toList().reversed()) {
            Command c = context.getService(ref);
            if (c != null) {
                byName.putIfAbsent(c.name(), c);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** @return the command of that name, or {@code null} */
    Command find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** @return the names of all commands, sorted */
    List<String> names() {
        return all().stream().map(Command::name).toList();
    }
}
