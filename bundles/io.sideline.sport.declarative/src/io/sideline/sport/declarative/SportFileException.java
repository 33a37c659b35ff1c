package io.sideline.sport.declarative;

/**
 * A sport file that cannot be used, and where: the message reads {@code handball.json:12: actions[3].key: "gg" is
 * not one letter or digit}.
 */
public final class SportFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source  the file, as people know it
     * @param line    the line, 1-based; 0 when the problem is the whole file
     * @param problem what is wrong, in a sentence
     */
    public SportFileException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file */
    public String source() {
        return source;
    }

    /** @return the line, 1-based, or 0 */
    public int line() {
        return line;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }
}
