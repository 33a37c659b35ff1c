package io.sideline.ui.internal.dialogs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.sport.api.Sport;

/** Describes a new match: name, sport, teams, start and when a report is accepted. */
public final class CreateMatchDialog extends TitleAreaDialog {

    /** what the user entered */
    public record Answer(String name, Sport sport, List<String> teams, Instant start, QuorumPolicy quorum) {
    }

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final List<Sport> sports;
    private final boolean local;
    private final String preferredSport;
    private Text name;
    private Combo sport;
    private Text home;
    private Text away;
    private Text start;
    private Spinner minVotes;
    private Spinner percent;
    private Answer answer;

    /**
     * @param sports the installed sports
     * @param local  whether the match is local (one analyst: quorum 1 by default)
     * @param preferredSport the id of the sport to offer first (the last one used)
     */
    public CreateMatchDialog(Shell parent, List<Sport> sports, boolean local, String preferredSport) {
        super(parent);
        this.sports = sports;
        this.local = local;
        this.preferredSport = preferredSport;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(local ? "Local Match" : "New Match");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(local ? "Start a local match" : "Register and host a new match");
        setMessage(local ? "Everything runs on this computer: no server to set up. Press Start and report."
                : "This computer hosts the match: peers find it through the lookup server and report to it.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        name = text(c, "&Name:", local ? "Training match" : "");
        new Label(c, SWT.NONE).setText("&Sport:");
        sport = new Combo(c, SWT.READ_ONLY);
        for (Sport s : sports) {
            sport.add(s.name());
        }
        int preferred = 0;
        for (int i = 0; i < sports.size(); i++) {
            if (sports.get(i).id().equals(preferredSport)) {
                preferred = i;
            }
        }
        if (!sports.isEmpty()) {
            sport.select(preferred);
        }
        home = text(c, "&Home team:", local ? "Home" : "");
        away = text(c, "&Away team:", local ? "Away" : "");
        start = text(c, "S&tart:", LocalDateTime.now().format(START));
        new Label(c, SWT.NONE).setText("&Votes needed:");
        minVotes = new Spinner(c, SWT.BORDER);
        minVotes.setValues(local ? 1 : 2, 1, QuorumPolicy.MAX_MIN_VOTES, 0, 1, 5);
        minVotes.setToolTipText("How many different peers must report an event before it is accepted");
        new Label(c, SWT.NONE).setText("and % of &active reporters:");
        percent = new Spinner(c, SWT.BORDER);
        percent.setValues(0, 0, 100, 0, 5, 10);
        percent.setToolTipText("Also this share of the peers currently reporting (0: not used)");
        for (Text t : List.of(name, home, away, start)) {
            t.addModifyListener(e -> validate());
        }
        name.setFocus();
        name.selectAll();
        return area;
    }

    private static Text text(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 300;
        t.setLayoutData(d);
        t.setText(value);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, local ? "&Start" : "&Create", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        String problem = problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private String problem() {
        if (name == null) {
            return null;
        }
        if (name.getText().isBlank()) {
            return "Give the match a name";
        }
        if (sports.isEmpty()) {
            return "No sport is installed";
        }
        if (home.getText().isBlank() || away.getText().isBlank()) {
            return "Name both teams";
        }
        if (home.getText().strip().equals(away.getText().strip())) {
            return "The two teams need different names";
        }
        if (parseStart() == null) {
            return "The start is a date and time like " + LocalDateTime.now().format(START);
        }
        return null;
    }

    private Instant parseStart() {
        try {
            return LocalDateTime.parse(start.getText().strip(), START).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    protected void okPressed() {
        answer = new Answer(name.getText().strip(), sports.get(sport.getSelectionIndex()),
                List.of(home.getText().strip(), away.getText().strip()), parseStart(),
                new QuorumPolicy(minVotes.getSelection(), percent.getSelection() / 100.0));
        super.okPressed();
    }

    /** @return what the user entered, once the dialog closed with Start or Create */
    public Answer answer() {
        return answer;
    }
}
