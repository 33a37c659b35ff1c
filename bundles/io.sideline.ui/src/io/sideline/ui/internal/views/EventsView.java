package io.sideline.ui.internal.views;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Page;
import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;

/**
 * The matches of the lookup server: search by name, team or sport; join one (double-click or Enter);
 * create one, which this workbench then hosts.
 */
public final class EventsView extends ViewPart {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private LiveSession session;
    private final LiveSession.Listener listener = s -> updateHeader();
    private MatchActions actions;
    private Label header;
    private Text search;
    private Table results;
    private List<Match> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        actions = new MatchActions(getSite().getWorkbenchWindow());
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        header = new Label(c, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        search = new Text(c, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("team, match or sport");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, e -> runSearch());
        Button find = new Button(c, SWT.PUSH);
        find.setText("&Search");
        find.addListener(SWT.Selection, e -> runSearch());
        Button create = new Button(c, SWT.PUSH);
        create.setText("&New Match…");
        IAction newMatch = actions.newMatch();
        create.addListener(SWT.Selection, e -> newMatch.run());
        results = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        results.setHeaderVisible(true);
        results.setLinesVisible(true);
        results.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        for (String[] col : new String[][] { { "Match", "220" }, { "Sport", "90" }, { "Teams", "200" },
                { "Start", "130" }, { "State", "80" }, { "Host", "90" } }) {
            TableColumn t = new TableColumn(results, SWT.LEFT);
            t.setText(col[0]);
            t.setWidth(Integer.parseInt(col[1]));
        }
        results.addListener(SWT.DefaultSelection, e -> joinSelected());
        Button join = new Button(c, SWT.PUSH);
        join.setText("&Join");
        join.addListener(SWT.Selection, e -> joinSelected());
        session.addListener(listener);
        updateHeader();
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        super.dispose();
    }

    private void updateHeader() {
        if (header.isDisposed()) {
            return;
        }
        header.setText(session.connectedToLookup() ? "Matches on " + session.lookupUrl() + ", as " + session.user()
                : "Not connected: File › Connect to Lookup Server… first, or start a Local Match.");
        header.getParent().layout();
    }

    private void runSearch() {
        if (!session.connectedToLookup()) {
            actions.connect().run();
            return;
        }
        String text = search.getText().strip();
        URI url = session.lookupUrl();
        actions.run("Searching for matches", m -> {
            m.beginTask("Searching " + url, 1);
            try {
                Page<Match> page = session.search(new MatchQuery(text.isEmpty() ? null : text, null, null, null, 0,
                        MatchQuery.MAX_SIZE));
                results.getDisplay().asyncExec(() -> show(page));
            } catch (LookupException e) {
                // said in the view, where the analyst looks, not in a dialog that stops everything else
                String why = MatchActions.readable(e);
                results.getDisplay().asyncExec(() -> {
                    if (!header.isDisposed()) {
                        header.setText("No matches shown: " + why);
                        header.getParent().layout();
                    }
                });
            }
        }, null);
    }

    private void show(Page<Match> page) {
        if (results.isDisposed()) {
            return;
        }
        shown = page.items();
        results.removeAll();
        for (Match m : shown) {
            new TableItem(results, SWT.NONE).setText(new String[] { m.name(), m.sport(), String.join(" – ", m.origins()),
                    WHEN.format(m.scheduledStart()), m.state().wire(), m.owner() });
        }
        ColumnFit.pack(results);
        header.setText(page.total() + " match" + (page.total() == 1 ? "" : "es") + " on " + session.lookupUrl()
                + (page.total() > shown.size() ? " (the first " + shown.size() + " shown)" : ""));
    }

    private void joinSelected() {
        int i = results.getSelectionIndex();
        if (i < 0 || i >= shown.size()) {
            return;
        }
        Match m = shown.get(i);
        actions.join(m.id(), m.name());
    }

    /** @return the search field */
    public Text searchField() {
        return search;
    }

    /** @return the line above the search field: where the matches come from, or why none are shown */
    public Label header() {
        return header;
    }

    /** @return the results table */
    public Table results() {
        return results;
    }

    @Override
    public void setFocus() {
        search.setFocus();
    }
}
