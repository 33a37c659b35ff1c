package io.sideline.interop;

import org.jspecify.annotations.Nullable;

/** The file formats Sideline imports and exports. */
public enum Format {

    /** a Sideline match file, or a host's journal: {@code io.sideline.peer.SavedMatch} */
    SIDELINE("sideline", "Sideline match", true, false),
    /** Hudl Sportscode XML: {@link SportscodeFile} */
    SPORTSCODE("sportscode", "Hudl Sportscode XML", true, true),
    /** a StatsBomb events file: {@link StatsBombImport} */
    STATSBOMB("statsbomb", "StatsBomb events JSON", true, false),
    /** CSV, one row per version of each event: {@code io.sideline.peer.TimelineCsv} */
    CSV("csv", "CSV", false, true);

    private final String id;
    private final String label;
    private final boolean imports;
    private final boolean exports;

    Format(String id, String label, boolean imports, boolean exports) {
        this.id = id;
        this.label = label;
        this.imports = imports;
        this.exports = exports;
    }

    /** @return the name the command line uses, for example {@code sportscode} */
    public String id() {
        return id;
    }

    /** @return the name people read */
    public String label() {
        return label;
    }

    /** @return whether a file in this format can be imported */
    public boolean canImport() {
        return imports;
    }

    /** @return whether a match can be exported in this format */
    public boolean canExport() {
        return exports;
    }

    /** @return the format with this {@link #id()}, or {@code null} */
    public static @Nullable Format byId(String id) {
        for (Format f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }
}
