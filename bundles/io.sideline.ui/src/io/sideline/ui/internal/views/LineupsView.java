package io.sideline.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.events.KeyAdapter;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.sideline.interop.LineupsCsv;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.Setup;
import io.sideline.statsbomb.StatsBombLineups;
import io.sideline.ui.internal.session.LiveSession;

/**
 * The teams' line-ups: for each team its players with shirt number, name, position, whether they started and
 * whether they are on the pitch now (those on the pitch first, by shirt number). The match's owner enters them from the keyboard in the row below the tables
 * (number, Tab, name, Tab, position, Enter; a number already listed replaces that player), removes a player with
 * Delete, moves one on or off with Space, and imports a StatsBomb line-ups file or a CSV file. Every change goes to
 * the host, which sends it to every peer; the tables show what the host sent. Substitutions the host accepts move
 * players on and off.
 */
public final class LineupsView extends ViewPart {

    /** {@code getData} key of a team's table: the team */
    public static final String DATA_TEAM = "io.sideline.ui.lineups.team";
    /** {@code getData} key of the fields of the entry row: "team", "number", "name", "position", "starting" */
    public static final String DATA_FIELD = "io.sideline.ui.lineups.field";

    private LiveSession session;
    private final LiveSession.Listener listener = s -> refresh();
    private Composite stack;
    private StackLayout stackLayout;
    private Composite empty;
    private Composite content;
    private ScrolledComposite scroller;
    private Label status;
    private Composite tables;
    private final Map<String, Table> byTeam = new LinkedHashMap<>();
    private List<String> shownOrigins = List.of();
    private Composite entry;
    private Combo team;
    private Text number;
    private Text name;
    private Text position;
    private Button starting;
    private Button add;
    private Label hint;
    private Action importStatsBomb;
    private Action importCsv;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        stack = new Composite(parent, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        empty = EmptyState.create(stack, "No line-ups", "Join or start a match: its teams' players show here. The "
                + "match's owner types them in (number, Tab, name, Tab, position, Enter) or imports a StatsBomb "
                + "line-ups file or a CSV file.");
        // the view scrolls rather than hide the entry row, and puts the teams one above the other when narrow
        scroller = new ScrolledComposite(stack, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        scroller.setContent(content);
        content.setLayout(new GridLayout(1, false));
        status = new Label(content, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        tables = new Composite(content, SWT.NONE);
        tables.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createEntryRow(content);
        hint = new Label(content, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        scroller.addListener(SWT.Resize, e -> fitToWidth());
        createActions();
        session.addListener(listener);
        refresh();
    }

    private void createEntryRow(Composite parent) {
        entry = new Composite(parent, SWT.NONE);
        entry.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(4, false);
        layout.marginWidth = 0;
        entry.setLayout(layout);
        number = new Text(entry, SWT.BORDER);
        number.setData(DATA_FIELD, "number");
        number.setMessage("#");
        number.setToolTipText("Shirt number");
        number.setTextLimit(3);
        number.addVerifyListener(e -> e.doit = e.text.chars().allMatch(Character::isDigit));
        GridData nd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        nd.widthHint = 40;
        number.setLayoutData(nd);
        name = new Text(entry, SWT.BORDER);
        name.setData(DATA_FIELD, "name");
        name.setMessage("Name");
        name.setTextLimit(Lineups.MAX_NAME_LENGTH);
        GridData named = new GridData(SWT.FILL, SWT.CENTER, true, false);
        named.widthHint = 140;
        name.setLayoutData(named);
        position = new Text(entry, SWT.BORDER);
        position.setData(DATA_FIELD, "position");
        position.setMessage("Position");
        position.setTextLimit(Lineups.MAX_POSITION_LENGTH);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        pd.widthHint = 90;
        position.setLayoutData(pd);
        add = new Button(entry, SWT.PUSH);
        add.setText("Add");
        add.addListener(SWT.Selection, e -> addFromEntry());
        team = new Combo(entry, SWT.DROP_DOWN | SWT.READ_ONLY);
        team.setData(DATA_FIELD, "team");
        team.setToolTipText("The team the player is added to");
        team.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
        starting = new Button(entry, SWT.CHECK);
        starting.setData(DATA_FIELD, "starting");
        starting.setText("Starter (untick for a substitute)");
        starting.setSelection(true);
        starting.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        for (Text t : new Text[] { number, name, position }) {
            t.addListener(SWT.DefaultSelection, e -> addFromEntry()); // Enter in a field
        }
        for (Control c : new Control[] { starting, team }) {
            c.addKeyListener(new KeyAdapter() {
                @Override
                public void keyPressed(KeyEvent e) {
                    if (e.character == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                        e.doit = false;
                        addFromEntry();
                    }
                }
            });
        }
    }

    private void createActions() {
        importStatsBomb = new Action("Import StatsBomb Line-ups…") {
            @Override
            public void run() {
                String file = open("Import StatsBomb Line-ups", "*.json");
                if (file != null) {
                    importFile(Path.of(file), true);
                }
            }
        };
        importStatsBomb.setToolTipText("Read a StatsBomb line-ups file (such as 3788741_lineups.json) into the match");
        importCsv = new Action("Import CSV Line-ups…") {
            @Override
            public void run() {
                String file = open("Import CSV Line-ups", "*.csv");
                if (file != null) {
                    importFile(Path.of(file), false);
                }
            }
        };
        importCsv.setToolTipText("Read a CSV file of origin,number,name,position,starting into the match");
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(importStatsBomb);
        bar.add(importCsv);
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        menu.add(importStatsBomb);
        menu.add(importCsv);
    }

    private String open(String title, String filter) {
        FileDialog d = new FileDialog(getSite().getShell(), SWT.OPEN);
        d.setText(title);
        d.setFilterExtensions(new String[] { filter, "*" });
        return d.open();
    }

    @Override
    public void setFocus() {
        if (stackLayout.topControl == scroller && number.isEnabled()) {
            number.setFocus();
        } else {
            stack.setFocus();
        }
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        super.dispose();
    }

    // ------------------------------------------------------------------------------------ showing

    private void refresh() {
        if (stack.isDisposed()) {
            return;
        }
        Setup setup = session.setup();
        if (setup == null || session.mode() == LiveSession.Mode.IDLE) {
            show(empty);
            return;
        }
        show(scroller);
        if (!setup.origins().equals(shownOrigins)) {
            rebuildTables(setup.origins());
        }
        Lineups lineups = setup.lineups();
        for (Map.Entry<String, Table> e : byTeam.entrySet()) {
            fill(e.getValue(), lineups.players(e.getKey()));
        }
        boolean editable = session.ownsMatch();
        for (Control c : entry.getChildren()) {
            c.setEnabled(editable);
        }
        importStatsBomb.setEnabled(editable);
        importCsv.setEnabled(editable);
        String owner = session.matchOwner();
        status.setText(editable
                ? "Type a player below: number, Tab, name, Tab, position, Enter. Delete removes the selected player, "
                        + "Space moves them on or off the pitch."
                : session.mode() == LiveSession.Mode.REVIEW ? "The line-ups as the match was saved."
                : "Only the match's owner" + (owner == null ? "" : " (" + owner + ")") + " can change the line-ups.");
        fitToWidth();
    }

    /**
     * The teams side by side when both fit the view's width (a team's title and its columns), one above the other
     * otherwise; the view scrolls to whatever does not fit.
     */
    private void fitToWidth() {
        if (scroller.isDisposed() || tables.isDisposed()) {
            return;
        }
        Control[] groups = tables.getChildren();
        int widest = 0;
        for (Control g : groups) {
            widest = Math.max(widest, g.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        }
        int width = scroller.getClientArea().width;
        int columns = groups.length > 1 && width >= groups.length * widest + 20 ? Math.min(groups.length, 2) : 1;
        GridLayout layout = (GridLayout) tables.getLayout();
        if (layout.numColumns != columns) {
            layout.numColumns = columns;
        }
        scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        content.layout(true, true);
    }

    private void show(Composite c) {
        if (stackLayout.topControl != c) {
            stackLayout.topControl = c;
            stack.layout(true, true);
        }
    }

    private void rebuildTables(List<String> origins) {
        for (Control c : tables.getChildren()) {
            c.dispose();
        }
        byTeam.clear();
        tables.setLayout(new GridLayout(Math.max(1, Math.min(origins.size(), 2)), true));
        for (String origin : origins) {
            Group g = new Group(tables, SWT.NONE);
            g.setText(origin);
            g.setLayout(new GridLayout(1, false));
            g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            Table t = new Table(g, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
            t.setData(DATA_TEAM, origin);
            t.setHeaderVisible(true);
            t.setLinesVisible(true);
            GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
            td.heightHint = 8 * t.getItemHeight(); // the table scrolls its players; the view scrolls the rest
            t.setLayoutData(td);
            for (String h : new String[] { "#", "On", "Name", "Position", "Started" }) {
                TableColumn c = new TableColumn(t, h.equals("#") ? SWT.RIGHT : SWT.LEFT);
                c.setText(h);
            }
            ColumnFit.pack(t);
            t.addKeyListener(new KeyAdapter() {
                @Override
                public void keyPressed(KeyEvent e) {
                    if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
                        e.doit = false;
                        removeSelected(origin, t);
                    } else if (e.character == ' ') {
                        e.doit = false;
                        toggleSelected(origin, t);
                    }
                }
            });
            t.addListener(SWT.Selection, e -> team.select(origins.indexOf(origin)));
            byTeam.put(origin, t);
        }
        team.setItems(origins.toArray(String[]::new));
        if (!origins.isEmpty()) {
            team.select(0);
        }
        shownOrigins = List.copyOf(origins);
    }

    private static void fill(Table t, List<Player> players) {
        t.setRedraw(false);
        try {
            t.removeAll();
            // on the pitch first, then the rest of the starters, then the bench; by shirt number within each
            List<Player> shown = new ArrayList<>(players);
            shown.sort(java.util.Comparator.comparing((Player p) -> !p.on()).thenComparing(p -> !p.starting())
                    .thenComparingInt(Player::number));
            for (Player p : shown) {
                TableItem item = new TableItem(t, SWT.NONE);
                String where = p.position();
                item.setText(new String[] { Integer.toString(p.number()), p.on() ? "on" : "off", p.name(),
                        where == null ? "" : where, p.starting() ? "starting" : "substitute" });
                item.setData(p);
            }
            ColumnFit.pack(t);
        } finally {
            t.setRedraw(true);
        }
    }

    // ------------------------------------------------------------------------------------ changing

    /** Adds (or replaces, by shirt number) the player typed in the entry row, and sends the team's line-up. */
    private void addFromEntry() {
        if (!session.ownsMatch()) {
            return;
        }
        int i = team.getSelectionIndex();
        if (i < 0) {
            hint.setText("Choose the team first.");
            return;
        }
        String origin = team.getItem(i);
        String typedNumber = number.getText().strip();
        String typedName = name.getText().strip();
        if (typedNumber.isEmpty() || typedName.isEmpty()) {
            hint.setText("A player needs a shirt number and a name.");
            (typedNumber.isEmpty() ? number : name).setFocus();
            return;
        }
        int shirt = Integer.parseInt(typedNumber);
        String where = position.getText().strip();
        Player p = new Player(shirt, typedName, where.isEmpty() ? null : where, starting.getSelection());
        List<Player> players = new ArrayList<>(session.lineups().players(origin));
        Optional<Player> before = session.player(origin, shirt);
        if (before.isPresent()) {
            players.replaceAll(old -> old.number() == shirt ? new Player(shirt, p.name(), p.position(), p.starting(),
                    old.starting() == p.starting() ? old.on() : p.starting()) : old);
        } else if (players.size() >= Lineups.MAX_PLAYERS) {
            hint.setText(origin + " has " + Lineups.MAX_PLAYERS + " players, the most a line-up holds.");
            return;
        } else {
            players.add(p);
        }
        session.changeLineup(origin, players);
        hint.setText((before.isPresent() ? "Replaced " + before.get().label() + " with " : "Added ") + p.label() + " ("
                + origin + ")" + (before.isPresent() ? "." : ", " + (p.starting() ? "starting." : "a substitute.")));
        number.setText("");
        name.setText("");
        position.setText("");
        number.setFocus();
    }

    private void removeSelected(String origin, Table t) {
        if (!session.ownsMatch() || t.getSelectionCount() == 0) {
            return;
        }
        List<Integer> gone = new ArrayList<>();
        for (TableItem item : t.getSelection()) {
            gone.add(((Player) item.getData()).number());
        }
        List<Player> players = new ArrayList<>(session.lineups().players(origin));
        players.removeIf(p -> gone.contains(p.number()));
        session.changeLineup(origin, players);
        hint.setText("Removed " + gone.size() + (gone.size() == 1 ? " player" : " players") + " of " + origin + ".");
    }

    private void toggleSelected(String origin, Table t) {
        if (!session.ownsMatch() || t.getSelectionCount() == 0) {
            return;
        }
        List<Integer> toggled = new ArrayList<>();
        for (TableItem item : t.getSelection()) {
            toggled.add(((Player) item.getData()).number());
        }
        List<Player> players = new ArrayList<>(session.lineups().players(origin));
        players.replaceAll(p -> toggled.contains(p.number()) ? p.withOn(!p.on()) : p);
        session.changeLineup(origin, players);
    }

    /**
     * Imports a line-ups file into the match: each team of the file whose name is a team of the match (letter case
     * aside) replaces that team's line-up; when no name matches and both have two teams, the file's first team is
     * taken as the home team and its second as the away team, after the user agrees.
     *
     * @param file      the file
     * @param statsBomb a StatsBomb line-ups file; otherwise CSV
     * @return the teams of the match that were changed
     */
    public List<String> importFile(Path file, boolean statsBomb) {
        List<String> changed = new ArrayList<>();
        if (!session.ownsMatch()) {
            return changed;
        }
        Lineups read;
        List<String> warnings = new ArrayList<>();
        try {
            if (statsBomb) {
                StatsBombLineups sb = StatsBombLineups.read(file);
                read = sb.lineups();
                warnings.addAll(sb.warnings());
            } else {
                read = LineupsCsv.read(file);
            }
        } catch (IOException e) {
            ILog.of(LineupsView.class).warn("Importing line-ups from " + file + ": " + e.getMessage(), e);
            MessageDialog.openError(getSite().getShell(), "Line-ups not imported", e.getMessage());
            return changed;
        }
        List<String> origins = session.setup().origins();
        Map<String, String> toOrigin = new LinkedHashMap<>();
        for (String fileTeam : read.teams().keySet()) {
            for (String origin : origins) {
                if (origin.toLowerCase(Locale.ROOT).equals(fileTeam.toLowerCase(Locale.ROOT))) {
                    toOrigin.put(fileTeam, origin);
                }
            }
        }
        List<String> fileTeams = List.copyOf(read.teams().keySet());
        if (toOrigin.isEmpty() && fileTeams.size() == 2 && origins.size() == 2 && MessageDialog.openQuestion(
                getSite().getShell(), "Teams differ", file.getFileName() + " has " + fileTeams.get(0) + " and "
                        + fileTeams.get(1) + "; this match has " + origins.get(0) + " and " + origins.get(1) + ". Take "
                        + fileTeams.get(0) + " as " + origins.get(0) + " and " + fileTeams.get(1) + " as "
                        + origins.get(1) + "?")) {
            toOrigin.put(fileTeams.get(0), origins.get(0));
            toOrigin.put(fileTeams.get(1), origins.get(1));
        }
        toOrigin.forEach((fileTeam, origin) -> {
            session.changeLineup(origin, read.players(fileTeam));
            changed.add(origin);
        });
        for (String fileTeam : fileTeams) {
            if (!toOrigin.containsKey(fileTeam)) {
                warnings.add(fileTeam + " is not a team of this match and was not imported");
            }
        }
        hint.setText(changed.isEmpty() ? "Nothing imported from " + file.getFileName() + "."
                : "Imported the line-ups of " + String.join(" and ", changed) + " from " + file.getFileName() + ".");
        if (!warnings.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Line-ups imported with remarks",
                    String.join("\n", warnings));
        }
        return changed;
    }

    // ------------------------------------------------------------------------------------ for tests

    /** @return what the view says it did last, for example "Added #9 Andrea Belotti (Italy), a substitute." */
    public String hint() {
        return hint.getText();
    }

    /** @return the table of a team, or {@code null} when the match has no such team */
    public Table table(String origin) {
        return byTeam.get(origin);
    }

    /** @return the rows a team's table shows, each its cells joined with " | " */
    public List<String> rows(String origin) {
        Table t = byTeam.get(origin);
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (TableItem item : t.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }
}
