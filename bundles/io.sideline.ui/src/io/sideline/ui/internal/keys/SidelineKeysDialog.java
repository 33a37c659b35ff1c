package io.sideline.ui.internal.keys;

import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;

import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.ui.internal.session.LiveSession;

/**
 * Help › Sideline Keys: each action of the open match's sport with its key for the home team and for the away
 * team, then the keys every sport shares (shirt numbers, Esc, F2, Ctrl+Z, Key Assist). Read from the binding
 * service, so it shows what the Keys preference page set.
 */
public final class SidelineKeysDialog extends Dialog {

    /** the dialog's title */
    public static final String TITLE = "Sideline Keys";

    private Table table;

    public SidelineKeysDialog(Shell parent) {
        super(parent);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        IWorkbench workbench = PlatformUI.getWorkbench();
        LiveSession session = workbench.getService(LiveSession.class);
        Sport sport = session.mode() == LiveSession.Mode.LIVE ? session.matchSport() : null;
        Setup setup = sport == null ? null : session.setup();
        String home = setup != null && !setup.origins().isEmpty() ? setup.origins().get(0) : "Home team";
        String away = setup != null && setup.origins().size() > 1 ? setup.origins().get(1) : "Away team";

        Label intro = new Label(area, SWT.WRAP);
        intro.setText(sport == null
                ? "No match is open: these keys work once you start or join one (File › Local Match…)."
                : sport.name() + ": type a shirt number first to name the player (9 then G: a goal by " + home
                        + "'s #9). Change the keys in Window › Preferences › Keys.");
        GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
        introData.widthHint = 520;
        intro.setLayoutData(introData);

        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String h : new String[] { "Action", home + " (home)", away + " (away)" }) {
            new TableColumn(table, SWT.LEFT).setText(h);
        }
        if (sport != null) {
            for (SportAction a : sport.actions()) {
                row(a.label(), keys(SportKeys.keysOf(workbench, sport, a.label(), SportKeys.HOME)),
                        keys(SportKeys.keysOf(workbench, sport, a.label(), SportKeys.AWAY)));
            }
        }
        row("Shirt number (before an action key)", "0 – 9", "0 – 9");
        row("Forget the shirt number", shared(workbench, SportKeys.COMMAND_CLEAR_SHIRT, Map.of()), "");
        row("Name a player (the Player field)", shared(workbench, SportKeys.COMMAND_PLAYER_FIELD, Map.of()), "");
        row("Retract your last report", shared(workbench, SportKeys.COMMAND_RETRACT, Map.of()), "");
        row("Every key (Key Assist)", keys(SportKeys.keys(workbench, "org.eclipse.ui.contexts.dialogAndWindow",
                command(workbench, SportKeys.COMMAND_KEY_ASSIST, Map.of())).stream().map(TriggerSequence::format)
                .toList()), "");
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
        d.heightHint = Math.min(table.getItemHeight() * (table.getItemCount() + 2), 560);
        table.setLayoutData(d);
        return area;
    }

    private static ParameterizedCommand command(IWorkbench workbench, String id, Map<String, String> parameters) {
        return ParameterizedCommand.generateCommand(workbench.getService(ICommandService.class).getCommand(id),
                parameters);
    }

    private static String shared(IWorkbench workbench, String id, Map<String, String> parameters) {
        return keys(SportKeys.keys(workbench, SportKeys.CONTEXT_CODING, command(workbench, id, parameters)).stream()
                .map(TriggerSequence::format).toList());
    }

    private static String keys(List<String> keys) {
        return keys.isEmpty() ? "—" : String.join(", ", keys);
    }

    private void row(String what, String home, String away) {
        new TableItem(table, SWT.NONE).setText(new String[] { what, home, away });
    }

    /** @return the table of keys: action, home key, away key */
    public Table table() {
        return table;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }
}
