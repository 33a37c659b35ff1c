package io.sideline.interop;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be imported, or a timeline that cannot be exported, with what and where: the file, the
 * line when there is one, and the place in it (an instance, an event). Nothing was written when this is thrown.
 * The message reads {@code code.xml:14: instance P2: <start> is "abc", not a number of seconds}.
 */
public final class InteropException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file
     * @param line    the 1-based line, or 0 when the problem has no line
     * @param problem what is wrong, and where in the file when it has no line
     */
    public InteropException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    /** @see #InteropException(Path, int, String) */
    public InteropException(Path file, int line, String problem, @Nullable Throwable cause) {
        super(name(file) + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String name(Path file) {
        return file == null ? "(no file)" : file.toString();
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the 1-based line, or 0 when there is none */
    public int line() {
        return line;
    }

    /** @return what is wrong, without the file and line */
    public String problem() {
        return problem;
    }
}
