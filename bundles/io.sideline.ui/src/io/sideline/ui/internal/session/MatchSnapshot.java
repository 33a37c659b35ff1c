package io.sideline.ui.internal.session;

import java.nio.file.Path;
import java.util.List;

import io.sideline.interop.Interop;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;

/**
 * The match as it stood at one moment, immutable: what a Job saves or exports, taken on the UI thread
 * with {@link LiveSession#snapshot()} before the Job starts, so the Job never reads the live model.
 *
 * @param title    the match's name
 * @param setup    its setup
 * @param sport    its sport (a plain one made from the setup when it is not installed here)
 * @param messages every accepted message, in the order they were accepted
 */
public record MatchSnapshot(String title, Setup setup, Sport sport, List<Accepted> messages) {

    public MatchSnapshot {
        messages = List.copyOf(messages);
    }

    /** @return the match as a saved match file holds it */
    public SavedMatch savedMatch() {
        return new SavedMatch(setup, messages);
    }

    /** Saves the match as a match file. */
    public void save(Path file) throws Exception {
        savedMatch().write(file);
    }

    /** Exports the timeline as CSV, one row per version of each event, timed as the statistics are. */
    public void exportCsv(Path file) throws Exception {
        Interop.exportCsv(savedMatch(), sport, file);
    }
}
