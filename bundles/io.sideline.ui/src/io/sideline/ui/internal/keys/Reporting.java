package io.sideline.ui.internal.keys;

import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.swt.widgets.Text;

import io.sideline.peer.PendingReport;
import io.sideline.protocol.Accepted;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;

/** What a report key and a palette button do alike. UI thread only. */
public final class Reporting {

    private Reporting() {
    }

    /**
     * Reports an action by an origin, naming the player whose shirt number was typed before (and forgetting
     * the number), else the player in the palette's field (and emptying it).
     *
     * @param playerField the palette's player field, or {@code null} when the palette is closed
     * @return the report, or {@code null} when no match is live
     */
    public static PendingReport report(LiveSession session, ShirtNumber shirt, String action, String origin,
            Text playerField) {
        OptionalInt number = shirt.take();
        String named = playerField == null || playerField.isDisposed() || playerField.getText().isBlank() ? null
                : playerField.getText().strip();
        String player = number.isPresent() ? session.playerForShirt(origin, number.getAsInt()) : named;
        PendingReport r = session.report(action, origin, player);
        if (r != null && number.isEmpty() && named != null) {
            playerField.setText("");
        }
        return r;
    }

    /**
     * Asks to retract this user's last accepted report.
     *
     * @return what the analyst reads: "Retracting Goal · Lions 1:36", or why nothing is retracted
     */
    public static String retractLast(LiveSession session) {
        Optional<String> id = session.retractLast();
        if (id.isEmpty()) {
            return "Nothing to retract: none of your reports has been accepted yet.";
        }
        return session.feed().stream().filter(a -> a.id().equals(id.get())).findFirst()
                .map(a -> "Retracting " + describe(session, a)).orElse("Retracting your last report.");
    }

    /** @return an event as an analyst names it: "Goal · Lions 1:36" (with the match clock the feed shows) */
    public static String describe(LiveSession session, Accepted a) {
        return a.event().title() + " · " + a.event().origin() + " " + LiveFeedView.clock(session.stats(), a.event().time());
    }
}
