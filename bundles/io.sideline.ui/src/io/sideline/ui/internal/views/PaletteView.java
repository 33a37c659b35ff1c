package io.sideline.ui.internal.views;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.bindings.IBindingManagerListener;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.part.ViewPart;

import io.sideline.peer.PendingReport;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.ui.internal.keys.Reporting;
import io.sideline.ui.internal.keys.ShirtNumber;
import io.sideline.ui.internal.keys.SportKeys;
import io.sideline.ui.internal.session.LiveSession;

/**
 * The buttons that report what happens, one per action and origin, each with its hotkey: the action's key
 * for the home team (left), Shift and the key for the away team (right). They come from the host's
 * {@code setup} message when the user joins a match. A report shows as pending until the host accepts it.
 * An optional player goes with the next report: a shirt number typed before the key, or the player field.
 * The keys are Eclipse key bindings ({@link SportKeys}) that work in every view of the Live perspective; the
 * palette shows them and the shirt number being typed.
 */
public final class PaletteView extends ViewPart {

    /** {@code getData} key of a report button: its {@link Binding} */
    public static final String DATA_BINDING = "io.sideline.ui.palette.binding";

    /** An action of an origin, and the key that reports it. */
    public record Binding(String action, String origin, char key, boolean shift) {
        /** @return the key as the button shows it, for example "G" or "⇧G" */
        public String keyLabel() {
            return (shift ? "⇧" : "") + Character.toUpperCase(key);
        }
    }

    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LiveSession session;
    private final LiveSession.Listener listener = s -> refresh();
    private Composite stack;
    private StackLayout stackLayout;
    private Composite empty;
    private ScrolledComposite scroller;
    private Composite palette;
    private final List<Group> groups = new ArrayList<>();
    private Setup shownSetup;
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<Binding, Button> buttons = new LinkedHashMap<>();
    private Text player;
    private org.eclipse.jface.fieldassist.ContentProposalAdapter proposals;
    private Table pending;
    private Label hint;
    /** how many reports wait for the host (empty when none do) */
    private Label waiting;
    private ShirtNumber shirt;
    private final ShirtNumber.Listener shirtListener = n -> showHint();
    private IBindingService bindingService;
    private org.eclipse.jface.bindings.Binding[] shownBindings;
    private final IBindingManagerListener keysChanged = e -> {
        org.eclipse.jface.bindings.Binding[] now = bindingService.getBindings();
        if (!java.util.Arrays.equals(now, shownBindings) && stack != null && !stack.isDisposed()) {
            shownBindings = now;
            stack.getDisplay().asyncExec(() -> {
                if (!stack.isDisposed()) {
                    rebuild(shownSetup);
                    updatePending();
                }
            });
        }
    };
    /** a message for the analyst ("Retracting Goal · Lions 1:36"), shown until digits are typed */
    private String message;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        stack = new Composite(parent, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        empty = EmptyState.create(stack, "No match joined", "Start a local match (File › Local Match…) or join one "
                + "(File › Connect…): its actions appear here as buttons, home team left, away team right, each with a hotkey.");
        stackLayout.topControl = empty;
        session.addListener(listener);
        shirt = PlatformUI.getWorkbench().getService(ShirtNumber.class);
        shirt.addListener(shirtListener);
        bindingService = PlatformUI.getWorkbench().getService(IBindingService.class);
        shownBindings = bindingService.getBindings();
        bindingService.addBindingManagerListener(keysChanged);
        refresh();
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        shirt.removeListener(shirtListener);
        bindingService.removeBindingManagerListener(keysChanged);
        super.dispose();
    }

    /** @return the report buttons, by binding */
    public Map<Binding, Button> buttons() {
        return buttons;
    }

    /** @return the field whose player goes with the next report */
    public Text playerField() {
        return player;
    }

    /** @return what the palette's hint line says: the keys, the shirt number being typed, or a message */
    public String hintText() {
        return hint == null || hint.isDisposed() ? "" : hint.getText();
    }

    /** Shows a message for the analyst under the buttons ("Retracting Goal · Lions 1:36"). */
    public void showMessage(String text) {
        message = text;
        showHint();
    }

    private void showHint() {
        if (hint == null || hint.isDisposed()) {
            return;
        }
        String typed = shirt.display();
        hint.setText(!typed.isEmpty() ? typed + " then an action key reports for this player (Esc clears)"
                : message != null ? message : KEYS_HINT);
        hint.getParent().layout();
    }

    private static final String KEYS_HINT = "Keys work in every Sideline view: a letter reports for the home team, "
            + "Shift+letter for the away team; digits first name the player by shirt number (9 then G); F2 names a "
            + "player; Ctrl+Z retracts your last report; Help › Sideline Keys lists them.";

    /** @return the list of this user's reports waiting for the host */
    public Table pendingTable() {
        return pending;
    }

    /**
     * Lays the buttons out for the palette's width: the teams side by side when both fit, else one above the
     * other; in each team as many columns of buttons as fit, every button as wide as its text. What does not fit
     * in the height scrolls.
     */
    private void fitToWidth() {
        if (scroller == null || scroller.isDisposed() || groups.isEmpty()) {
            return;
        }
        int buttonWidth = 0;
        for (Button b : buttons.values()) {
            buttonWidth = Math.max(buttonWidth, ((GridData) b.getLayoutData()).minimumWidth);
        }
        GridLayout outer = (GridLayout) palette.getLayout();
        GridLayout inner = (GridLayout) groups.get(0).getLayout();
        int groupTrim = groups.get(0).computeTrim(0, 0, 0, 0).width + 2 * inner.marginWidth;
        int groupMin = 0;
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(palette);
        try {
            for (Group g : groups) {
                groupMin = Math.max(groupMin, Math.max(buttonWidth, gc.textExtent(g.getText()).x + 16) + groupTrim);
                ((GridData) g.getLayoutData()).minimumWidth = gc.textExtent(g.getText()).x + 16 + groupTrim;
            }
        } finally {
            gc.dispose();
        }
        int width = scroller.getClientArea().width;
        for (int pass = 0; pass < 2; pass++) {
            int room = width - 2 * outer.marginWidth;
            int perRow = Math.min(groups.size(), Math.min(2, Math.max(1, (room + outer.horizontalSpacing)
                    / (groupMin + outer.horizontalSpacing))));
            int groupWidth = (room - (perRow - 1) * outer.horizontalSpacing) / perRow - groupTrim;
            int columns = Math.max(1, (groupWidth + inner.horizontalSpacing) / (buttonWidth + inner.horizontalSpacing));
            columns = Math.min(columns, Math.max(1, groups.get(0).getChildren().length));
            boolean changed = outer.numColumns != perRow;
            outer.numColumns = perRow;
            for (Group g : groups) {
                GridLayout l = (GridLayout) g.getLayout();
                changed |= l.numColumns != columns;
                l.numColumns = columns;
            }
            org.eclipse.swt.graphics.Point size = palette.computeSize(width, SWT.DEFAULT, changed);
            scroller.setMinSize(size);
            if (pass == 0 && size.y > scroller.getClientArea().height && !scroller.getVerticalBar().getVisible()) {
                width -= scroller.getVerticalBar().getSize().x; // the bar about to show takes its width
                continue;
            }
            break;
        }
        palette.layout(true, true);
    }

    private void refresh() {
        if (stack.isDisposed()) {
            return;
        }
        Setup setup = session.mode() == LiveSession.Mode.LIVE ? session.setup() : null;
        // a setup sent again with new line-ups (or after a reconnect) keeps the buttons and the focus
        if (setup == null || shownSetup == null ? setup != shownSetup : !setup.withLineups(
                io.sideline.protocol.Lineups.NONE).withLastSeq(null).equals(shownSetup.withLineups(
                        io.sideline.protocol.Lineups.NONE).withLastSeq(null))) {
            shownSetup = setup;
            rebuild(setup);
        }
        updatePending();
    }

    private void rebuild(Setup setup) {
        if (scroller != null) {
            scroller.dispose(); // and the palette in it
            scroller = null;
            palette = null;
        }
        groups.clear();
        bindings.clear();
        buttons.clear();
        if (setup == null || setup.origins().size() < 1) {
            stackLayout.topControl = empty;
            stack.layout();
            return;
        }
        Sport sport = session.matchSport();
        // the buttons scroll rather than vanish in a small window
        scroller = new ScrolledComposite(stack, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true); // a button reached with Tab scrolls into view
        palette = new Composite(scroller, SWT.NONE);
        scroller.setContent(palette);
        palette.setLayout(new GridLayout(Math.min(2, setup.origins().size()), true));
        for (int o = 0; o < setup.origins().size(); o++) {
            String origin = setup.origins().get(o);
            Group group = new Group(palette, SWT.NONE);
            group.setText(origin + (o == 0 ? " (home)" : o == 1 ? " (away: Shift)" : ""));
            group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
            group.setLayout(new GridLayout(1, true));
            groups.add(group);
            for (String action : setup.actions()) {
                SportAction a = sport == null ? null : sport.action(action);
                char key = a == null ? 0 : SportKeys.paletteKey(PlatformUI.getWorkbench(), sport, a, o == 1);
                Binding b = new Binding(action, origin, key, o == 1);
                Button button = new Button(group, SWT.PUSH);
                button.setText(action + (key != 0 && o < 2 ? "    " + b.keyLabel() : ""));
                button.setToolTipText("Report " + action + " by " + origin + (key != 0 && o < 2 ? " (" + b.keyLabel()
                        + ")" : ""));
                button.setData(DATA_BINDING, b);
                GridData bd = new GridData(SWT.FILL, SWT.CENTER, true, false);
                bd.minimumWidth = button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x; // its whole text, always
                button.setLayoutData(bd);
                button.addListener(SWT.Selection, e -> report(b));
                if (o < 2 && key != 0) {
                    bindings.add(b);
                }
                buttons.put(b, button);
            }
        }
        Composite bottom = new Composite(palette, SWT.NONE);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, Math.min(2, setup.origins().size()), 1));
        bottom.setLayout(new GridLayout(2, false));
        new Label(bottom, SWT.NONE).setText("&Player (optional):");
        player = new Text(bottom, SWT.BORDER);
        player.setMessage("goes with the next report; Enter returns to the buttons");
        player.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        player.addListener(SWT.DefaultSelection, e -> {
            if (proposals == null || !proposals.isProposalPopupOpen()) {
                palette.setFocus();
            }
        });
        proposals = new org.eclipse.jface.fieldassist.ContentProposalAdapter(player,
                new org.eclipse.jface.fieldassist.TextContentAdapter(), this::playerProposals, null, null);
        proposals.setProposalAcceptanceStyle(org.eclipse.jface.fieldassist.ContentProposalAdapter.PROPOSAL_REPLACE);
        proposals.setAutoActivationDelay(0);
        hint = new Label(bottom, SWT.WRAP);
        message = null;
        hint.setText(KEYS_HINT);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        waiting = new Label(bottom, SWT.WRAP);
        waiting.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        pending = new Table(bottom, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        pending.setHeaderVisible(true);
        for (String h : new String[] { "Sent", "Your report", "State" }) {
            org.eclipse.swt.widgets.TableColumn c = new org.eclipse.swt.widgets.TableColumn(pending, SWT.LEFT);
            c.setText(h);
            c.pack();
        }
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        pd.heightHint = 90;
        pd.widthHint = 120; // the list scrolls sideways; it does not widen the palette
        pending.setLayoutData(pd);
        scroller.addListener(SWT.Resize, e -> fitToWidth());
        stackLayout.topControl = scroller;
        stack.layout(true, true);
        fitToWidth();
        showHint();
        palette.setFocus();
    }

    /**
     * The players this match has seen so far, of every team, whose name contains what was typed: the team
     * list as the match builds it.
     */
    private org.eclipse.jface.fieldassist.IContentProposal[] playerProposals(String contents, int position) {
        io.sideline.stats.MatchStats stats = session.stats();
        String typed = contents.strip().toLowerCase(Locale.ROOT);
        List<org.eclipse.jface.fieldassist.IContentProposal> out = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>(); // the line-ups first, by name or shirt number
        session.lineups().teams().forEach((origin, players) -> players.forEach(p -> {
            if (typed.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(typed) || p.label().contains(typed)) {
                out.add(new org.eclipse.jface.fieldassist.ContentProposal(p.name(), p.label() + " (" + origin + ")", null));
                named.add(p.name());
            }
        }));
        if (stats == null) {
            return out.toArray(org.eclipse.jface.fieldassist.IContentProposal[]::new);
        }
        stats.playerCounts().forEach((origin, players) -> players.keySet().forEach(name -> {
            if (!named.contains(name) && (typed.isEmpty() || name.toLowerCase(Locale.ROOT).contains(typed))) {
                out.add(new org.eclipse.jface.fieldassist.ContentProposal(name, name + " (" + origin + ")", null));
            }
        }));
        return out.toArray(org.eclipse.jface.fieldassist.IContentProposal[]::new);
    }

    /** @return the players the player field offers for what is typed in it */
    public List<String> playerSuggestions(String typed) {
        return java.util.Arrays.stream(playerProposals(typed, typed.length())).map(
                org.eclipse.jface.fieldassist.IContentProposal::getContent).toList();
    }

    /**
     * Reports what a binding stands for, with the player whose shirt number was typed, else the one in the
     * player field.
     */
    public void report(Binding b) {
        Reporting.report(session, shirt, b.action(), b.origin(), player);
        updatePending();
    }

    private void updatePending() {
        if (pending == null || pending.isDisposed()) {
            return;
        }
        List<PendingReport> reports = session.reports();
        if (pending.getData("reasonTips") == null) {
            pending.setData("reasonTips", Boolean.TRUE);
            pending.addListener(SWT.MouseHover, this::showReason);
            pending.addListener(SWT.MouseMove, this::showReason);
        }
        pending.setRedraw(false);
        pending.removeAll();
        Color grey = pending.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        for (int i = reports.size() - 1; i >= 0 && pending.getItemCount() < 50; i--) {
            PendingReport r = reports.get(i);
            TableItem item = new TableItem(pending, SWT.NONE);
            item.setText(0, LocalTime.ofInstant(r.sentAt(), ZoneId.systemDefault()).format(SENT));
            item.setText(1, r.event().title() + " · " + r.event().origin()
                    + (r.event().player() == null ? "" : " · " + r.event().player()));
            item.setText(2, r.isWaiting() ? "waiting for the host (offline)" : switch (r.state()) {
                case PENDING -> "waiting for votes";
                case ACCEPTED -> "accepted";
                case NOT_ACCEPTED -> "not accepted: " + whyNot(r);
            });
            item.setData(r);
            if (r.isPending()) {
                item.setForeground(grey);
                item.setFont(JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT));
            }
        }
        ColumnFit.pack(pending);
        pending.setRedraw(true);
        int offline = session.waiting().size();
        String note = offline == 0 ? "" : offline == 1 ? "1 report waits for the host: it is sent when the host is back"
                : offline + " reports wait for the host: they are sent when it is back";
        if (!note.equals(waiting.getText())) {
            waiting.setText(note);
            waiting.getParent().layout();
        }
    }

    /** @return the line saying how many reports wait for the host, empty when none do */
    public Label waitingLabel() {
        return waiting;
    }

    /** @return why a report was not accepted, in the host's words without the repeated "X by Y was not accepted" */
    static String whyNot(PendingReport r) {
        String detail = r.detail().orElse("no reason given");
        String prefix = r.event().title() + " by " + r.event().origin() + " was not accepted: ";
        return detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail;
    }

    /** the whole reason of the report under the mouse, as the list's tooltip: the column may be too narrow for it */
    private void showReason(org.eclipse.swt.widgets.Event e) {
        TableItem item = pending.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
        String tip = null;
        if (item != null && item.getData() instanceof PendingReport r) {
            tip = switch (r.state()) {
                case PENDING -> (r.isWaiting() ? "Waiting for the host, which cannot be reached; sent when it is back: "
                        : "Waiting for the vote: ") + r.event().title() + " by " + r.event().origin();
                case ACCEPTED -> "Accepted: it is in the Live Feed";
                case NOT_ACCEPTED -> r.event().title() + " by " + r.event().origin() + " was not accepted: " + whyNot(r);
            };
        }
        if (!java.util.Objects.equals(tip, pending.getToolTipText())) {
            pending.setToolTipText(tip);
        }
    }

    @Override
    public void setFocus() {
        Control c = stackLayout.topControl;
        if (c != null && !c.isDisposed()) {
            c.setFocus();
        }
    }

    @Override
    public String toString() {
        return "Palette" + bindings.stream().map(b -> b.keyLabel().toLowerCase(Locale.ROOT)).toList();
    }
}
