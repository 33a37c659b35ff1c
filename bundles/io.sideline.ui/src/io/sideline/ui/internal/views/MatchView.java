package io.sideline.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.sideline.protocol.Accepted;
import io.sideline.stats.MatchStats;
import io.sideline.ui.internal.session.LiveSession;

/** The match at a glance: its name and connection, the teams and score, and the match clock. */
public final class MatchView extends ViewPart {

    /** {@code getData} keys under which UI tests find the labels */
    static final String DATA_SCORE = "io.sideline.ui.match.score";
    static final String DATA_STATUS = "io.sideline.ui.match.status";

    private LiveSession session;
    private final LiveSession.Listener listener = s -> refresh();
    private Composite content;
    private Label status;
    private Label score;
    private Label clock;
    private final Runnable tick = this::tick;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        content = new Composite(parent, SWT.NONE);
        // the score takes the room it needs; the status line wraps, in two lines, in what is left
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        content.setLayout(layout);

        status = new Label(content, SWT.WRAP);
        status.setData(DATA_STATUS, Boolean.TRUE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        score = new Label(content, SWT.CENTER);
        score.setFont(JFaceResources.getHeaderFont());
        score.setData(DATA_SCORE, Boolean.TRUE);
        score.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, false, false));

        clock = new Label(content, SWT.RIGHT);
        clock.setFont(JFaceResources.getHeaderFont());
        clock.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        session.addListener(listener);
        refresh();
        content.getDisplay().timerExec(1000, tick);
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        if (!content.isDisposed()) {
            content.getDisplay().timerExec(-1, tick);
        }
        super.dispose();
    }

    /** @return the score label's text, for example "Turkey  0 – 3  Italy" */
    public String scoreText() {
        return score.getText();
    }

    /** @return the status line */
    public String statusText() {
        return status.getText();
    }

    private void tick() {
        if (content.isDisposed()) {
            return;
        }
        updateClock();
        content.getDisplay().timerExec(1000, tick);
    }

    private void refresh() {
        if (content.isDisposed()) {
            return;
        }
        String name = session.title();
        String problem = session.problem();
        status.setText((name == null ? "No match" : name) + "\n" + session.status()
                + (problem == null ? "" : "  ⚠ " + problem));
        status.setToolTipText(status.getText());
        MatchStats stats = session.stats();
        if (stats != null && stats.origins().size() >= 2) {
            List<String> o = stats.origins();
            Map<String, Integer> s = stats.score();
            score.setText(o.get(0) + "  " + s.getOrDefault(o.get(0), 0) + " – " + s.getOrDefault(o.get(1), 0) + "  "
                    + o.get(1));
        } else {
            score.setText("–  :  –");
        }
        updateClock();
        content.layout();
    }

    private void updateClock() {
        MatchStats stats = session.stats();
        if (stats == null || stats.start() == null) {
            clock.setText("--:--");
            return;
        }
        Instant at;
        if (session.mode() == LiveSession.Mode.LIVE && stats.start().isAfter(Instant.now().minus(Duration.ofHours(6)))) {
            at = Instant.now(); // a match happening now: its clock runs
        } else {
            List<Accepted> events = stats.events();
            at = events.isEmpty() ? stats.start() : events.get(events.size() - 1).event().time();
        }
        long s = Math.max(0, stats.clock(at).toSeconds());
        clock.setText(String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60));
    }

    @Override
    public void setFocus() {
        content.setFocus();
    }
}
