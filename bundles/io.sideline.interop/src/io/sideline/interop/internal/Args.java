package io.sideline.interop.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command line of one positional argument and {@code --name value} options, read strictly. */
final class Args {

    /** A command line that is wrong: the message says how. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags;

    /**
     * @param args    the arguments
     * @param valued  the options that take a value
     * @param flags   the options that take none
     */
    Args(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        this.flags = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (flags.contains(a)) {
                    this.flags.add(a);
                } else if (valued.contains(a)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(a + " needs a value");
                    }
                    if (options.put(a, args.get(++i)) != null) {
                        throw new UsageException(a + " is given twice");
                    }
                } else {
                    throw new UsageException("unknown option " + a);
                }
            } else {
                positional.add(a);
            }
        }
    }

    /**
     * @param in     the file the command reads
     * @param inWhat what it is, for the message: "file", "match file"
     * @param target the file it writes ({@code --out})
     * @return why the command cannot go ahead with these files, or {@code null} if it can
     */
    String filesProblem(Path in, String inWhat, Path target) throws IOException {
        if (!Files.isRegularFile(in)) {
            return "there is no " + inWhat + " " + in;
        }
        if (Files.exists(target) && !flag("--force")) {
            return target + " exists; add --force to replace it";
        }
        if (Files.exists(target) && Files.isSameFile(in, target)) {
            return "--out names " + in + " itself; choose another file";
        }
        return null;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String get(String name) {
        return options.get(name);
    }

    /** @return an instant: ISO-8601 with an offset ({@code 2021-06-11T19:00:00Z}) or local ({@code 2021-06-11T21:00}) */
    Instant instant(String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(name + " \"" + v + "\" is not a time such as 2021-06-11T19:00:00Z or "
                        + "2021-06-11T21:00 (local time)");
            }
        }
    }

    /** @return seconds such as {@code 10} or {@code 2.5}, not negative */
    Duration seconds(String name) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        try {
            double s = Double.parseDouble(v.endsWith("s") ? v.substring(0, v.length() - 1) : v);
            if (s < 0 || s > 3600 || Double.isNaN(s)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " \"" + v + "\" is not a number of seconds from 0 to 3600");
        }
    }
}
