package io.sideline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of one run of a command, read strictly against the options the command declares: the one
 * parser of every {@code ./sideline} command.
 *
 * <pre>{@code
 * private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
 *         .option("--port", "--data").flag("--force").positionals();
 *
 * public int run(List<String> args, PrintStream out, PrintStream err) {
 *     try {
 *         CommandLine line = SYNTAX.parse(args);
 *         if (line.help()) {
 *             out.println(usage());
 *             return EXIT_OK;
 *         }
 *         int port = line.integer("--port", 8080, 0, 65_535);
 *         ...
 *     } catch (UsageException e) {
 *         return e.report(this, err); // "sideline NAME: PROBLEM", the usage, exit code 2
 *     }
 * }
 * }</pre>
 *
 * <p>The rules, the same for every command:
 * <ul>
 * <li>An option with a value is written {@code --name value} or {@code --name=value}; a flag {@code --name}.</li>
 * <li>An option the command did not declare is refused ({@code unknown option --bogus}), and so is an argument
 * that is not an option when the command takes none ({@code unexpected argument "x"}).</li>
 * <li>An option whose value is missing ({@code --port} last, or followed by another of the command's options),
 * and a single-valued option given twice, are refused.</li>
 * <li>{@code --help} or {@code -h} anywhere asks for the usage, whatever else is wrong: {@link #help()}.</li>
 * <li>After {@code --}, every argument is positional, even one that starts with {@code -}.</li>
 * </ul>
 * A value is converted, and refused with a message that names the option and the value, only when the command
 * asks for it ({@link #integer(String, int, int, int)} and the like), so that each command keeps its defaults.
 * Asking for an option the syntax did not declare is a programming error: {@link IllegalArgumentException}.
 */
public final class CommandLine {

    private static final Set<String> HELP = Set.of("--help", "-h");

    private enum Kind {
        SINGLE, REPEATED, FLAG
    }

    /**
     * The options one command takes, declared once, in a constant. {@link #parse} only reads it, so one syntax
     * serves runs on several threads.
     */
    public static final class Syntax {
        private final Map<String, Kind> options = new LinkedHashMap<>();
        private boolean positionals;

        private Syntax() {
        }

        /** @param names options that take one value and may be given once, e.g. {@code "--port"} */
        public Syntax option(String... names) {
            return declare(Kind.SINGLE, names);
        }

        /** @param names options that take a value and may be given more than once; {@link #all} reads them */
        public Syntax repeatable(String... names) {
            return declare(Kind.REPEATED, names);
        }

        /** @param names options that take no value, e.g. {@code "--force"}; given twice they mean the same */
        public Syntax flag(String... names) {
            return declare(Kind.FLAG, names);
        }

        /** The command takes arguments that are not options (files, names), any number: it checks the count. */
        public Syntax positionals() {
            positionals = true;
            return this;
        }

        private Syntax declare(Kind kind, String... names) {
            for (String n : names) {
                if (!n.startsWith("--") || n.length() < 3 || n.contains("=") || HELP.contains(n)) {
                    throw new IllegalArgumentException("not an option name: " + n);
                }
                if (options.putIfAbsent(n, kind) != null) {
                    throw new IllegalArgumentException("declared twice: " + n);
                }
            }
            return this;
        }

        /**
         * @param args the arguments after the command's name
         * @return the command line, read
         * @throws UsageException the first thing wrong with it, unless it asks for help
         */
        public CommandLine parse(List<String> args) throws UsageException {
            Map<String, List<String>> values = new LinkedHashMap<>();
            Set<String> flags = new HashSet<>();
            List<String> positional = new ArrayList<>();
            String problem = null;
            boolean help = false;
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                    if (positionals) {
                        positional.add(a);
                    } else if (problem == null) {
                        problem = "unexpected argument \"" + a + "\"";
                    }
                    continue;
                }
                if (a.equals("--")) {
                    optionsEnded = true;
                    continue;
                }
                if (HELP.contains(a)) {
                    help = true;
                    continue;
                }
                int eq = a.indexOf('=');
                String name = a.startsWith("--") && eq > 2 ? a.substring(0, eq) : a;
                String inline = name.equals(a) ? null : a.substring(eq + 1);
                Kind kind = options.get(name);
                String wrong = null;
                if (HELP.contains(name)) {
                    wrong = name + " takes no value";
                } else if (kind == null) {
                    wrong = "unknown option " + name;
                } else if (kind == Kind.FLAG) {
                    if (inline != null) {
                        wrong = name + " takes no value";
                    } else {
                        flags.add(name);
                    }
                } else {
                    String value = inline;
                    if (value == null && i + 1 < args.size() && !isOption(args.get(i + 1))) {
                        value = args.get(++i);
                    }
                    if (value == null) {
                        wrong = "missing value after " + name;
                    } else if (kind == Kind.SINGLE && values.containsKey(name)) {
                        wrong = name + " is given twice";
                    } else {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    }
                }
                if (problem == null) {
                    problem = wrong;
                }
            }
            if (problem != null && !help) {
                throw new UsageException(problem);
            }
            return new CommandLine(this, help, values, flags, positional);
        }

        /** @return whether an argument is one of this command's options (then it is not another's value) */
        private boolean isOption(String arg) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(0, eq) : arg;
            return HELP.contains(name) || options.containsKey(name);
        }
    }

    private final Syntax syntax;
    private final boolean help;
    private final Map<String, List<String>> values;
    private final Set<String> flags;
    private final List<String> positionals;

    private CommandLine(Syntax syntax, boolean help, Map<String, List<String>> values, Set<String> flags,
            List<String> positionals) {
        this.syntax = syntax;
        this.help = help;
        this.values = values;
        this.flags = flags;
        this.positionals = List.copyOf(positionals);
    }

    /** @return a syntax that takes no options and no positional arguments yet; declare them on it */
    public static Syntax syntax() {
        return new Syntax();
    }

    /** @return whether {@code --help} or {@code -h} was given: the command prints its usage and exits with 0 */
    public boolean help() {
        return help;
    }

    /** @return the arguments that are not options, in order */
    public List<String> positionals() {
        return positionals;
    }

    /** @return whether the flag was given */
    public boolean flag(String name) {
        declared(name, Kind.FLAG);
        return flags.contains(name);
    }

    /** @return whether the option (with a value) or the flag was given */
    public boolean has(String name) {
        Kind kind = declared(name, null);
        return kind == Kind.FLAG ? flags.contains(name) : values.containsKey(name);
    }

    /** @return every value of the option, in the order given; empty when it was not given */
    public List<String> all(String name) {
        if (declared(name, null) == Kind.FLAG) {
            throw new IllegalArgumentException(name + " is a flag");
        }
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** @return the option's value, or {@code null} when it was not given */
    public @Nullable String string(String name) {
        return string(name, null);
    }

    /** @return the option's value, or {@code fallback} (which may be {@code null}) when it was not given */
    public @Nullable String string(String name, @Nullable String fallback) {
        declared(name, Kind.SINGLE);
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(0);
    }

    /**
     * @return the option's value
     * @throws UsageException {@code missing NAME} when it was not given or is blank
     */
    public String required(String name) throws UsageException {
        return required(name, "missing " + name);
    }

    /**
     * @param problem what to say when it is missing, e.g. {@code "say where the match goes with --out MATCH"}
     * @return the option's value
     * @throws UsageException {@code problem} when it was not given or is blank
     */
    public String required(String name, String problem) throws UsageException {
        String v = string(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(problem);
        }
        return v;
    }

    /**
     * @return the option's value as a whole number, or {@code fallback} when it was not given
     * @throws UsageException {@code NAME must be a number, not "VALUE"}
     */
    public int integer(String name, int fallback) throws UsageException {
        return value(name, fallback, Integer::parseInt, "a number");
    }

    /**
     * @return the option's value as a whole number from {@code min} to {@code max}, or {@code fallback} when it
     *         was not given (the fallback is not checked)
     * @throws UsageException {@code NAME must be a whole number from MIN to MAX, not "VALUE"}
     */
    public int integer(String name, int fallback, int min, int max) throws UsageException {
        return value(name, fallback, v -> within(Integer.parseInt(v), min, max),
                "a whole number from " + min + " to " + max);
    }

    /**
     * @return the option's value as a number such as {@code 0.4}, or {@code fallback} when it was not given
     * @throws UsageException {@code NAME must be a number, not "VALUE"}
     */
    public double decimal(String name, double fallback) throws UsageException {
        return value(name, fallback, Double::parseDouble, "a number");
    }

    /**
     * @return the option's value as a number from {@code min} to {@code max}, or {@code fallback} when it was not
     *         given (the fallback is not checked)
     * @throws UsageException {@code NAME must be a number from MIN to MAX, not "VALUE"}
     */
    public double decimal(String name, double fallback, double min, double max) throws UsageException {
        return value(name, fallback, v -> {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException("out of range");
            }
            return d;
        }, "a number from " + plain(min) + " to " + plain(max));
    }

    /**
     * @return the option's value as a path, or {@code fallback} when it was not given
     * @throws UsageException {@code NAME must be a path, not "VALUE"}
     */
    public @Nullable Path path(String name, @Nullable Path fallback) throws UsageException {
        return value(name, fallback, Path::of, "a path");
    }

    /**
     * @param choices the values the option may take
     * @return the option's value, one of {@code choices}, or {@code fallback} when it was not given
     * @throws UsageException {@code NAME must be one of A, B, not "VALUE"}
     */
    public @Nullable String choice(String name, @Nullable String fallback, String... choices) throws UsageException {
        List<String> allowed = Arrays.asList(choices);
        return value(name, fallback, v -> {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(v);
            }
            return v;
        }, "one of " + String.join(", ", allowed));
    }

    /**
     * Converts a value the way the command needs it.
     *
     * @param convert turns the text into the value; it throws a {@link RuntimeException} (such as
     *                {@link NumberFormatException} or {@link java.time.format.DateTimeParseException}) when
     *                the text is not one
     * @param what    what the value must be, for the message, e.g. {@code "an ISO-8601 time"}
     * @return the converted value, or {@code fallback} when the option was not given
     * @throws UsageException {@code NAME must be WHAT, not "VALUE"}
     */
    public <T> T value(String name, T fallback, Function<String, T> convert, String what) throws UsageException {
        String v = string(name);
        if (v == null) {
            return fallback;
        }
        try {
            return convert.apply(v);
        } catch (RuntimeException e) {
            throw new UsageException(name + " must be " + what + ", not \"" + v + "\"");
        }
    }

    private Kind declared(String name, @Nullable Kind expected) {
        Kind kind = syntax.options.get(name);
        if (kind == null || expected != null && kind != expected) {
            throw new IllegalArgumentException(name + (kind == null ? " is not declared" : " is declared as "
                    + kind.name().toLowerCase(Locale.ROOT)));
        }
        return kind;
    }

    private static int within(int n, int min, int max) {
        if (n < min || n > max) {
            throw new IllegalArgumentException("out of range");
        }
        return n;
    }

    /** @return {@code 0} for 0.0, {@code 0.5} for 0.5: a bound as a person writes it */
    private static String plain(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
