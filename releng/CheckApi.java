import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The API check of Sideline, with the rules of bnd's baseline: every exported API package (not
 * {@code .internal}, not {@code x-internal}, not {@code x-friends}) of every bundle under {@code bundles/} is
 * compared with the snapshot committed in {@code releng/api/<bundle>.api}, and its version in
 * {@code Export-Package} must say what changed:
 * <ul>
 * <li>a signature removed or changed, or an abstract method added to a type others may implement: the major
 * version must go up;</li>
 * <li>a signature added: the minor version must go up;</li>
 * <li>a version raised with no such change: a warning;</li>
 * <li>a package new to the API, or gone from it: recorded with {@code --update}.</li>
 * </ul>
 * The signatures are the public and protected members of the public types of each package, as {@code javap
 * -protected -constants} prints them from the compiled classes ({@code target/classes}), without
 * {@code throws} clauses (not part of the binary API). Packages are compared by name, whichever bundle exports
 * them, so a package that moves between bundles is not a change.
 *
 * <pre>
 * java releng/CheckApi.java            check (exit 1 on a problem)
 * java releng/CheckApi.java --update   rewrite the snapshots from the compiled classes
 * </pre>
 *
 * Runs on Java 21 or newer: one JVM, javap in-process, a few seconds for the whole tree.
 */
public class CheckApi {

    private static final String PREFIX = "check-api: ";
    private static final int SHOWN = 8;

    /** a version's first three numbers */
    record Version(int major, int minor, int micro) implements Comparable<Version> {
        static Version parse(String s) {
            String[] p = s.trim().split("\\.");
            try {
                return new Version(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0,
                        p.length > 2 ? Integer.parseInt(p[2]) : 0);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a version: " + s);
            }
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c != 0 ? c : Integer.compare(micro, o.micro);
        }

        Version nextMajor() {
            return new Version(major + 1, 0, 0);
        }

        Version nextMinor() {
            return new Version(major, minor + 1, 0);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + micro;
        }
    }

    /** one API package: where it is exported, its version, its signatures ("Type: signature" lines) */
    record Api(String pkg, String bundle, Version version, Set<String> lines) {
    }

    /** the types of one package that others may implement or extend (where an abstract method breaks them) */
    private static final Map<String, Set<String>> OPEN_TYPES = new TreeMap<>();
    /** API packages of headless bundles whose null contract the compiler does not hold */
    private static final List<String> UNCHECKED_NULLNESS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean update = false;
        for (String a : args) {
            switch (a) {
                case "--update" -> update = true;
                case "-h", "--help" -> {
                    System.out.println("""
                            usage: releng/check-api.sh [--update]
                              compares the API of every bundle under bundles/ (its compiled classes in target/classes)
                              with the snapshots in releng/api/ and fails when a package version does not say what changed;
                              --update rewrites the snapshots (after a deliberate change and its version bump).""");
                    return;
                }
                default -> {
                    System.err.println(PREFIX + "unknown option " + a + " (releng/check-api.sh --help)");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("sideline.root", ".")).toAbsolutePath().normalize();
        Path bundles = root.resolve("bundles");
        Path snapshots = root.resolve("releng/api");
        if (!Files.isDirectory(bundles)) {
            System.err.println(PREFIX + "no bundles/ under " + root);
            System.exit(2);
        }
        ToolProvider javap = ToolProvider.findFirst("javap").orElse(null);
        if (javap == null) {
            System.err.println(PREFIX + "this Java has no javap (module jdk.jdeps): run it with a full JDK 21+");
            System.exit(2);
        }

        Map<String, Api> current = new TreeMap<>();
        List<String> setup = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path dir : dirs.sorted().toList()) {
                Path mf = dir.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(mf)) {
                    readBundle(dir, mf, javap, current, setup, warnings);
                }
            }
        }
        if (!setup.isEmpty()) {
            setup.forEach(s -> System.err.println(PREFIX + s));
            System.exit(2);
        }
        Map<String, Api> recorded = readSnapshots(snapshots);

        if (update) {
            warnings.stream().distinct().forEach(w -> System.out.println(PREFIX + "warning: " + w));
            writeSnapshots(snapshots, current, recorded);
            return;
        }

        if (recorded.isEmpty()) {
            System.err.println(PREFIX + "FAILED: no snapshots in releng/api/: record the current API with releng/check-api.sh --update");
            System.exit(1);
        }
        List<String> failures = new ArrayList<>(UNCHECKED_NULLNESS.stream().distinct().toList());
        List<String> notes = new ArrayList<>();
        for (Api now : current.values()) {
            Api then = recorded.get(now.pkg());
            if (then == null) {
                failures.add(now.pkg() + " " + now.version() + " (bundle " + now.bundle()
                        + ") is a new API package: review its signatures and record them with releng/check-api.sh --update");
                continue;
            }
            compare(then, now, failures, warnings, notes);
        }
        for (Api then : recorded.values()) {
            if (!current.containsKey(then.pkg())) {
                failures.add(then.pkg() + " " + then.version() + " (bundle " + then.bundle()
                        + ") is no longer API (removed, made internal, or no public types): bundles that import it break;"
                        + " if that is intended, record it with releng/check-api.sh --update");
            }
        }
        warnings.stream().distinct().forEach(w -> System.out.println(PREFIX + "warning: " + w));
        notes.forEach(n -> System.out.println(PREFIX + n));
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println(PREFIX + "FAILED: " + f));
            System.err.println(PREFIX + failures.size() + " API problem(s); the rules are in docs/developing.md (API versions,"
                    + " Nullness)");
            System.exit(1);
        }
        long bundleCount = current.values().stream().map(Api::bundle).distinct().count();
        System.out.println(PREFIX + current.size() + " API package(s) of " + bundleCount
                + " bundle(s) match their versions and releng/api/; the headless ones are @NullMarked and checked");
    }

    // ---------------------------------------------------------------- comparing

    private static void compare(Api then, Api now, List<String> failures, List<String> warnings, List<String> notes) {
        Set<String> removed = new TreeSet<>(then.lines());
        removed.removeAll(now.lines());
        Set<String> added = new TreeSet<>(now.lines());
        added.removeAll(then.lines());
        Set<String> breaking = new TreeSet<>();
        Set<String> open = OPEN_TYPES.getOrDefault(now.pkg(), Set.of());
        for (String line : added) {
            int colon = line.indexOf(": ");
            String type = line.substring(0, colon);
            if (open.contains(type) && isAbstractMethod(line.substring(colon + 2)) && then.lines().stream()
                    .anyMatch(l -> l.startsWith(type + ": "))) {
                breaking.add(line);
            }
        }
        Version v0 = then.version();
        Version v = now.version();
        String name = now.pkg();
        if (v.compareTo(v0) < 0) {
            failures.add(name + ": version " + v + " is lower than the recorded " + v0);
            return;
        }
        if (!removed.isEmpty() || !breaking.isEmpty()) {
            if (v.major() <= v0.major()) {
                StringBuilder why = new StringBuilder();
                if (!removed.isEmpty()) {
                    why.append("removed or changed:").append(list(removed));
                }
                if (!breaking.isEmpty()) {
                    why.append(why.isEmpty() ? "" : "\n    ")
                            .append("abstract methods added to types that others implement:").append(list(breaking));
                }
                Set<String> rest = new TreeSet<>(added);
                rest.removeAll(breaking);
                if (!rest.isEmpty()) {
                    why.append("\n    added:").append(list(rest));
                }
                failures.add(name + ": API changed incompatibly, bump the package version to " + v0.nextMajor()
                        + " (Export-Package of " + now.bundle() + ", now " + v + ")\n    " + why);
                return;
            }
        } else if (!added.isEmpty()) {
            if (v.major() == v0.major() && v.minor() <= v0.minor()) {
                failures.add(name + ": API added, bump the package version to " + v0.nextMinor() + " (Export-Package of "
                        + now.bundle() + ", now " + v + ")\n    added:" + list(added));
                return;
            }
            if (v.major() > v0.major()) {
                warnings.add(name + ": major version raised to " + v + " but the API only grew (" + v0.nextMinor()
                        + " would do)");
            }
        } else if (v.major() != v0.major() || v.minor() != v0.minor()) {
            warnings.add(name + ": version raised to " + v + " but its API did not change since " + v0);
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            notes.add(name + ": changed with the version bump " + v0 + " -> " + v
                    + "; record it with releng/check-api.sh --update");
        }
    }

    private static final Pattern MODIFIERS = Pattern
            .compile("^((?:public|protected|static|final|abstract|default|synchronized|native|strictfp|transient|volatile) )+");

    private static boolean isAbstractMethod(String signature) {
        Matcher m = MODIFIERS.matcher(signature);
        return signature.contains("(") && m.find() && (" " + m.group()).contains(" abstract ");
    }

    private static String list(Set<String> lines) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String l : lines) {
            if (n++ == SHOWN) {
                b.append("\n      ... and ").append(lines.size() - SHOWN).append(" more");
                break;
            }
            b.append("\n      ").append(l);
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- reading the tree

    private static void readBundle(Path dir, Path mf, ToolProvider javap, Map<String, Api> out, List<String> setup,
            List<String> warnings) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(mf)) {
            manifest = new Manifest(in);
        }
        String bsn = clauses(Optional.ofNullable(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).orElse(""))
                .stream().findFirst().map(Clause::name).orElse(dir.getFileName().toString());
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        if (exports == null) {
            return;
        }
        java.util.Properties build = new java.util.Properties();
        Path bp = dir.resolve("build.properties");
        if (Files.isRegularFile(bp)) {
            try (InputStream in = Files.newInputStream(bp)) {
                build.load(in);
            }
        }
        Path classes = dir.resolve(build.getProperty("output..", "target/classes/").strip());
        List<Path> sources = new ArrayList<>();
        for (String src : build.getProperty("source..", "src/").split(",")) {
            if (!src.isBlank() && Files.isDirectory(dir.resolve(src.strip()))) {
                sources.add(dir.resolve(src.strip()));
            }
        }
        for (Clause c : clauses(exports)) {
            String pkg = c.name();
            if (c.directives().containsKey("x-internal") && !"false".equals(c.directives().get("x-internal"))
                    || c.directives().containsKey("x-friends") || (pkg + ".").contains(".internal.")) {
                continue;
            }
            String version = c.attributes().get("version");
            if (version == null) {
                setup.add(bsn + " exports " + pkg + " without a version: every API package has one (version=\"1.0.0\")");
                continue;
            }
            Path pkgDir = classes.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(pkgDir)) {
                setup.add("no compiled classes for " + pkg + " in " + classes + ": build first (./mvnw -B package -DskipTests, or ./sideline test)");
                continue;
            }
            List<Path> srcDirs = sources.stream().map(s -> s.resolve(pkg.replace('.', '/'))).filter(Files::isDirectory)
                    .toList();
            staleness(dir, pkg, pkgDir, srcDirs, warnings);
            Set<String> lines = signatures(pkg, pkgDir, srcDirs, javap, setup, warnings);
            if (lines.isEmpty()) {
                continue; // no public types: nothing for others to use
            }
            nullness(dir, bsn, pkg, srcDirs);
            Api previous = out.put(pkg, new Api(pkg, bsn, Version.parse(version), lines));
            if (previous != null) {
                setup.add(pkg + " is exported by both " + previous.bundle() + " and " + bsn);
            }
        }
    }

    /**
     * An API package of a headless bundle must be {@code @NullMarked} (in its package-info.java) in a bundle whose
     * compiler settings turn annotation-based null analysis on with contract violations as errors: otherwise its
     * null contract is a comment, not a check (docs/developing.md, Nullness).
     */
    private static void nullness(Path dir, String bsn, String pkg, List<Path> srcDirs) throws IOException {
        if (bsn.endsWith(".ui") || bsn.contains(".ui.")) {
            return; // the workbench's API is its constant ids; the UI layer is not null-marked
        }
        Path prefs = dir.resolve(".settings/org.eclipse.jdt.core.prefs");
        String settings = Files.isRegularFile(prefs) ? Files.readString(prefs) : "";
        if (!settings.contains("org.eclipse.jdt.core.compiler.annotation.nullanalysis=enabled")
                || !settings.contains("org.eclipse.jdt.core.compiler.problem.nullSpecViolation=error")) {
            UNCHECKED_NULLNESS.add(bsn + ": its compiler settings (.settings/org.eclipse.jdt.core.prefs) do not turn null"
                    + " analysis on with violations as errors; copy bundles/io.sideline.protocol/.settings/");
            return;
        }
        boolean marked = false;
        for (Path src : srcDirs) {
            Path info = src.resolve("package-info.java");
            if (Files.isRegularFile(info) && Files.readString(info).contains("@NullMarked")) {
                marked = true;
            }
        }
        if (!marked) {
            UNCHECKED_NULLNESS.add(pkg + " (bundle " + bsn + ") is API but not @NullMarked in its package-info.java");
        }
    }

    /** warns when a package's sources are newer than its classes: the comparison would be of the old build */
    private static void staleness(Path dir, String pkg, Path pkgDir, List<Path> srcDirs, List<String> warnings)
            throws IOException {
        long classes = newest(pkgDir, ".class");
        long sources = 0;
        for (Path p : srcDirs) {
            sources = Math.max(sources, newest(p, ".java"));
        }
        if (sources > classes) {
            warnings.add("the sources of " + pkg + " are newer than " + dir.relativize(pkgDir)
                    + ": this compares the previous build; rebuild for an exact answer");
        }
    }

    private static long newest(Path dir, String suffix) throws IOException {
        long t = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                t = Math.max(t, Files.getLastModifiedTime(f).toMillis());
            }
        }
        return t;
    }

    /**
     * The public API of one package, as "Type: signature" lines. A public top-level type has its source in
     * Type.java: a class file of one whose source is gone is left over from an earlier build and is not read.
     */
    private static Set<String> signatures(String pkg, Path pkgDir, List<Path> srcDirs, ToolProvider javap,
            List<String> setup, List<String> warnings) throws IOException {
        List<String> classFiles;
        try (Stream<Path> files = Files.list(pkgDir)) {
            classFiles = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .filter(f -> !f.equals("package-info.class")).sorted().toList();
        }
        Set<String> lines = new TreeSet<>();
        if (classFiles.isEmpty()) {
            return lines;
        }
        List<String> args = new ArrayList<>(List.of("-protected", "-constants"));
        classFiles.forEach(f -> args.add(pkgDir.resolve(f).toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0 || !err.toString().isBlank()) {
            setup.add("javap failed on " + pkgDir + ": " + err.toString().strip());
            return lines;
        }
        Map<String, Boolean> extendable = new TreeMap<>(); // type -> whether an interface
        String type = null;
        for (String raw : out.toString().split("\\R")) {
            if (raw.startsWith("Compiled from") || raw.isBlank()) {
                continue;
            }
            if (raw.equals("}")) {
                type = null;
                continue;
            }
            if (!raw.startsWith(" ") && raw.endsWith("{")) {
                Set<String> typeLines = new TreeSet<>();
                type = header(raw.substring(0, raw.length() - 1).strip(), pkg, pkgDir, typeLines, extendable);
                if (type != null && !srcDirs.isEmpty()) {
                    String topLevel = type.substring(pkg.length() + 1).split("\\$")[0];
                    if (srcDirs.stream().noneMatch(d -> Files.isRegularFile(d.resolve(topLevel + ".java")))) {
                        warnings.add("the class file of " + pkg + "." + topLevel + " has no source " + topLevel
                                + ".java (left by an earlier build?): not read; a clean build removes it");
                        extendable.remove(type);
                        type = null;
                        continue;
                    }
                }
                lines.addAll(typeLines);
                continue;
            }
            if (type != null && raw.startsWith("  ") && raw.endsWith(";")) {
                lines.add(type + ": " + member(raw.strip()));
            }
        }
        // an interface is open to implementers; an abstract class to subclasses only through a constructor they can call
        Set<String> open = new TreeSet<>();
        extendable.forEach((t, isInterface) -> {
            Pattern constructor = Pattern.compile(Pattern.quote(t + ": ") + "(public|protected) " + Pattern.quote(t) + "\\(.*");
            if (isInterface || lines.stream().anyMatch(l -> constructor.matcher(l).matches())) {
                open.add(t);
            }
        });
        if (!open.isEmpty()) {
            OPEN_TYPES.put(pkg, open);
        }
        return lines;
    }

    /**
     * Adds a type's header ("Type: public final class Type<T>", one "Type: extends X" / "Type: implements Y"
     * line each) and returns the type's name, or null when the type is not public (its members are not API).
     */
    private static String header(String h, String pkg, Path pkgDir, Set<String> lines, Map<String, Boolean> extendable)
            throws IOException {
        if (!h.startsWith("public ") && !h.startsWith("protected ")) {
            return null;
        }
        String decl = h;
        List<String> supers = new ArrayList<>();
        int ext = topLevel(h, " extends ");
        int impl = topLevel(h, " implements ");
        int end = h.length();
        if (impl >= 0) {
            splitTop(h.substring(impl + " implements ".length())).forEach(s -> supers.add("implements " + s));
            end = impl;
        }
        if (ext >= 0 && ext < end) {
            splitTop(h.substring(ext + " extends ".length(), end)).forEach(s -> supers.add("extends " + s));
            end = ext;
        }
        decl = h.substring(0, end);
        String[] words = decl.split(" ");
        String nameWithParams = decl.substring(decl.indexOf(pkg + "."));
        int lt = nameWithParams.indexOf('<');
        String type = lt < 0 ? nameWithParams : nameWithParams.substring(0, lt);
        lines.add(type + ": " + decl);
        for (String s : supers) {
            if (!s.equals("extends java.lang.Object")) {
                lines.add(type + ": " + s);
            }
        }
        List<String> mods = List.of(words);
        boolean isInterface = mods.contains("interface") || mods.contains("@interface");
        boolean isFinal = mods.contains("final");
        boolean isAbstract = mods.contains("abstract");
        if ((isInterface || isAbstract && !isFinal) && !sealed(pkgDir.resolve(type.substring(pkg.length() + 1) + ".class"))) {
            extendable.put(type, isInterface);
        }
        return type;
    }

    /** a member's signature without the trailing ';' and without its throws clause */
    private static String member(String m) {
        String s = m.endsWith(";") ? m.substring(0, m.length() - 1) : m;
        int close = s.lastIndexOf(')');
        if (close >= 0) {
            int t = s.indexOf(" throws ", close);
            if (t >= 0) {
                s = s.substring(0, t);
            }
        }
        return s;
    }

    /** the index of a keyword outside angle brackets, or -1 */
    private static int topLevel(String s, String word) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTop(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }

    /** whether a class file has a PermittedSubclasses attribute (a sealed type: no one else implements it) */
    static boolean sealed(Path classFile) throws IOException {
        if (!Files.isRegularFile(classFile)) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(classFile)))) {
            if (in.readInt() != 0xCAFEBABE) {
                return false;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            in.skipNBytes(6); // access, this, super
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            for (int part = 0; part < 2; part++) { // fields, then methods
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    in.skipNBytes(6);
                    skipAttributes(in);
                }
            }
            int attributes = in.readUnsignedShort();
            for (int i = 0; i < attributes; i++) {
                String name = utf8[in.readUnsignedShort()];
                long length = Integer.toUnsignedLong(in.readInt());
                if ("PermittedSubclasses".equals(name)) {
                    return true;
                }
                in.skipNBytes(length);
            }
            return false;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.skipNBytes(2);
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }

    // ---------------------------------------------------------------- manifest headers

    record Clause(String name, Map<String, String> attributes, Map<String, String> directives) {
    }

    /** parses an OSGi header: comma-separated clauses, ';'-separated parameters, quoted values kept whole */
    static List<Clause> clauses(String header) {
        List<Clause> out = new ArrayList<>();
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            if (parts.isEmpty() || parts.get(0).isBlank()) {
                continue;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            Map<String, String> dirs = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String p : parts) {
                int dir = p.indexOf(":=");
                int eq = p.indexOf('=');
                if (dir >= 0 && dir < eq) {
                    dirs.put(p.substring(0, dir).strip(), unquote(p.substring(dir + 2)));
                } else if (eq >= 0) {
                    attrs.put(p.substring(0, eq).strip(), unquote(p.substring(eq + 1)));
                } else {
                    names.add(p.strip());
                }
            }
            for (String n : names) { // "a;b;version=1" exports both a and b
                out.add(new Clause(n, attrs, dirs));
            }
        }
        return out;
    }

    private static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                parts.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).strip());
        return parts;
    }

    // ---------------------------------------------------------------- snapshots

    private static final String HEADER = """
            # The API of bundle %s: for each exported API package its version, then the public and protected
            # signatures of its public types (javap -protected -constants, without throws clauses), sorted.
            # Written by releng/check-api.sh --update; compared with the build by releng/check-api.sh (./sideline test).
            """;

    /** by type; in each type its declaration first, then its supertypes, then its members */
    private static final java.util.Comparator<String> READING_ORDER = java.util.Comparator
            .comparing((String l) -> l.substring(0, l.indexOf(": "))).thenComparingInt(CheckApi::rank)
            .thenComparing(l -> l);

    private static int rank(String line) {
        int colon = line.indexOf(": ");
        String type = line.substring(0, colon);
        String text = line.substring(colon + 2);
        if (text.startsWith("extends ") || text.startsWith("implements ")) {
            return 1;
        }
        return text.matches(".*\\b(class|interface) " + Pattern.quote(type) + "(<.*)?") ? 0 : 2;
    }

    private static Map<String, Api> readSnapshots(Path dir) throws IOException {
        Map<String, Api> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".api")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String bundle = name.substring(0, name.length() - ".api".length());
            String pkg = null;
            Version version = null;
            Set<String> lines = null;
            int n = 0;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("package ")) {
                    if (pkg != null) {
                        out.put(pkg, new Api(pkg, bundle, version, lines));
                    }
                    String[] p = line.split(" ");
                    if (p.length != 3) {
                        throw new IOException(f + ":" + n + ": expected \"package <name> <version>\"");
                    }
                    pkg = p[1];
                    version = Version.parse(p[2]);
                    lines = new TreeSet<>();
                } else if (line.startsWith("  ") && pkg != null) {
                    lines.add(line.substring(2));
                } else {
                    throw new IOException(f + ":" + n + ": not a snapshot line (rewrite it with --update): " + line);
                }
            }
            if (pkg != null) {
                out.put(pkg, new Api(pkg, bundle, version, lines));
            }
        }
        return out;
    }

    private static void writeSnapshots(Path dir, Map<String, Api> current, Map<String, Api> recorded)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Api>> byBundle = new TreeMap<>();
        current.values().forEach(a -> byBundle.computeIfAbsent(a.bundle(), b -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<Api>> e : byBundle.entrySet()) {
            StringBuilder b = new StringBuilder(HEADER.formatted(e.getKey()));
            for (Api a : e.getValue()) {
                b.append("\npackage ").append(a.pkg()).append(' ').append(a.version()).append('\n');
                a.lines().stream().sorted(READING_ORDER).forEach(l -> b.append("  ").append(l).append('\n'));
            }
            Path f = dir.resolve(e.getKey() + ".api");
            String text = b.toString();
            if (!Files.isRegularFile(f) || !Files.readString(f, StandardCharsets.UTF_8).equals(text)) {
                Files.writeString(f, text, StandardCharsets.UTF_8);
                System.out.println(PREFIX + "wrote " + dir.getParent().getParent().relativize(f));
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".api")).toList()) {
                String name = f.getFileName().toString();
                if (!byBundle.containsKey(name.substring(0, name.length() - ".api".length()))) {
                    Files.delete(f);
                    System.out.println(PREFIX + "removed " + dir.getParent().getParent().relativize(f) + " (no API left)");
                }
            }
        }
        for (Api now : current.values()) {
            Api then = recorded.get(now.pkg());
            if (then == null) {
                System.out.println(PREFIX + "recorded new API package " + now.pkg() + " " + now.version());
            } else if (!then.lines().equals(now.lines()) || !then.version().equals(now.version())) {
                List<String> failures = new ArrayList<>();
                compare(then, now, failures, new ArrayList<>(), new ArrayList<>());
                System.out.println(PREFIX + "recorded " + now.pkg() + " " + then.version() + " -> " + now.version()
                        + (failures.isEmpty() ? "" : " (WITHOUT the version bump the change needs: "
                                + failures.get(0).lines().findFirst().orElse("") + ")"));
            }
        }
        for (Api then : recorded.values()) {
            if (!current.containsKey(then.pkg())) {
                System.out.println(PREFIX + "recorded the removal of API package " + then.pkg());
            }
        }
    }
}
