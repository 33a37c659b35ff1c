package io.sideline.ui.internal.keys;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.CommandManager;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.commands.contexts.Context;
import org.eclipse.core.commands.contexts.ContextManager;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.BindingManager;
import org.eclipse.jface.bindings.Scheme;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeyBinding;
import org.eclipse.jface.bindings.keys.KeyLookupFactory;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.keys.IBindingService;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/**
 * The palette's keys as Eclipse key bindings: each action of a sport is the command
 * {@value #COMMAND_REPORT} with the action and the team as parameters, bound to the sport's hotkey for the home
 * team and Shift and the hotkey for the away team, in the sport's own coding context
 * ({@code io.sideline.ui.contexts.coding.<sport id>}, a child of {@value #CONTEXT_CODING}). Sports come from
 * plugins and sport files, so these default (system) bindings are made at run time; what a user changes on the
 * Keys preference page is kept by Eclipse as user bindings. The binding service is the one source of truth:
 * the palette's buttons and Help › Sideline Keys read it. UI thread only.
 */
public final class SportKeys {

    /** the context whose keys report: a match open in the Live perspective, no text field focused */
    public static final String CONTEXT_CODING = "io.sideline.ui.contexts.coding";
    /** Sideline's key scheme, a child of Eclipse's default */
    public static final String SCHEME = "io.sideline.ui.scheme";
    /** report an action for a team: parameters {@link #PARAM_ACTION} and {@link #PARAM_TEAM} */
    public static final String COMMAND_REPORT = "io.sideline.ui.commands.report";
    /** the action's label, as peers report it: "Goal" */
    public static final String PARAM_ACTION = "io.sideline.ui.commands.report.action";
    /** {@link #HOME} or {@link #AWAY} */
    public static final String PARAM_TEAM = "io.sideline.ui.commands.report.team";
    public static final String HOME = "home";
    public static final String AWAY = "away";
    /** a digit of the shirt number the next report names: parameter {@link #PARAM_DIGIT} */
    public static final String COMMAND_SHIRT_DIGIT = "io.sideline.ui.commands.shirtDigit";
    public static final String PARAM_DIGIT = "io.sideline.ui.commands.shirtDigit.digit";
    public static final String COMMAND_CLEAR_SHIRT = "io.sideline.ui.commands.clearShirt";
    /** Edit › Retract Last Report, Ctrl+Z */
    public static final String COMMAND_RETRACT = "io.sideline.ui.commands.retract";
    /** F2: to the palette's player field */
    public static final String COMMAND_PLAYER_FIELD = "io.sideline.ui.commands.playerField";
    /** Help › Sideline Keys */
    public static final String COMMAND_SIDELINE_KEYS = "io.sideline.ui.commands.sidelineKeys";
    /** Help › Key Assist, Ctrl+Shift+L: Eclipse's own */
    public static final String COMMAND_KEY_ASSIST = "org.eclipse.ui.window.showKeyAssist";

    private SportKeys() {
    }

    /** @return the context of a sport's report keys */
    public static String contextOf(Sport sport) {
        return CONTEXT_CODING + "." + sport.id();
    }

    /** @return the command that reports an action for a team */
    public static ParameterizedCommand report(IWorkbench workbench, String actionLabel, String team) {
        ICommandService commands = workbench.getService(ICommandService.class);
        return ParameterizedCommand.generateCommand(commands.getCommand(COMMAND_REPORT),
                Map.of(PARAM_ACTION, actionLabel, PARAM_TEAM, team));
    }

    /**
     * Defines each sport's coding context and binds its actions' hotkeys, where they are not bound yet. Keys a
     * user removed or changed on the Keys page stay so: Eclipse keeps those as user bindings that win.
     */
    public static void install(IWorkbench workbench, Collection<Sport> sports) {
        IContextService contexts = workbench.getService(IContextService.class);
        IBindingService bindings = workbench.getService(IBindingService.class);
        Binding[] existing = bindings.getBindings();
        Set<Binding> present = new LinkedHashSet<>(Arrays.asList(existing));
        List<Binding> added = new ArrayList<>();
        for (Sport sport : sports) {
            Context context = contexts.getContext(contextOf(sport));
            if (!context.isDefined()) {
                context.define("Coding " + sport.name(), "A " + sport.name() + " match is open in the Live "
                        + "perspective and no text field has the focus", CONTEXT_CODING);
            }
            for (SportAction action : sport.actions()) {
                KeyStroke home = hotkey(action);
                if (home == null) {
                    continue;
                }
                KeyStroke away = KeyStroke.getInstance(home.getModifierKeys() | shift(), home.getNaturalKey());
                for (Binding b : List.of(
                        binding(workbench, sport, action, HOME, home),
                        binding(workbench, sport, action, AWAY, away))) {
                    if (present.add(b)) {
                        added.add(b);
                    }
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<Binding> all = new ArrayList<>(Arrays.asList(existing));
        all.addAll(added);
        try {
            bindings.savePreferences(bindings.getActiveScheme(), all.toArray(Binding[]::new));
        } catch (IOException e) {
            ILog.of(SportKeys.class).error("Could not add the sports' keys: " + e.getMessage(), e);
        }
    }

    private static Binding binding(IWorkbench workbench, Sport sport, SportAction action, String team, KeyStroke key) {
        return new KeyBinding(KeySequence.getInstance(key), report(workbench, action.label(), team), SCHEME,
                contextOf(sport), null, null, null, Binding.SYSTEM);
    }

    private static int shift() {
        return KeyLookupFactory.getDefault().getShift();
    }

    /** @return the key stroke of an action's hotkey, or {@code null} for none */
    static KeyStroke hotkey(SportAction action) {
        String key = action.hotkey();
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return KeyStroke.getInstance(key.strip().toUpperCase(Locale.ROOT));
        } catch (ParseException | IllegalArgumentException e) {
            ILog.of(SportKeys.class).warn("The key \"" + key + "\" of " + action.label() + " is not a key: " + e.getMessage());
            return null;
        }
    }

    /**
     * @return the keys bound now to a command in a context (and the active scheme), as Eclipse resolves them:
     *         a key the user removed on the Keys page is not there, one the user added is; whether the context is
     *         active or not
     */
    public static List<KeySequence> keys(IWorkbench workbench, String contextId, ParameterizedCommand command) {
        IBindingService service = workbench.getService(IBindingService.class);
        BindingManager copy = new BindingManager(new ContextManager(), new CommandManager());
        try {
            for (Scheme s = service.getActiveScheme(); s != null; s = s.getParentId() == null ? null
                    : service.getScheme(s.getParentId())) {
                copy.getScheme(s.getId()).define(s.getName(), s.getDescription(), s.getParentId());
            }
            copy.setActiveScheme(copy.getScheme(service.getActiveScheme().getId()));
        } catch (NotDefinedException e) {
            return List.of();
        }
        copy.setLocale(service.getLocale());
        copy.setPlatform(service.getPlatform());
        copy.setBindings(service.getBindings());
        List<KeySequence> keys = new ArrayList<>();
        for (Object o : copy.getActiveBindingsDisregardingContextFlat()) {
            Binding b = (Binding) o;
            if (contextId.equals(b.getContextId()) && command.equals(b.getParameterizedCommand())
                    && b.getTriggerSequence() instanceof KeySequence k && !keys.contains(k)) {
                keys.add(k);
            }
        }
        keys.sort((a, b) -> a.format().length() - b.format().length());
        return keys;
    }

    /** @return the keys of an action of a sport for a team, formatted as Eclipse shows them: "G", "Shift+G" */
    public static List<String> keysOf(IWorkbench workbench, Sport sport, String actionLabel, String team) {
        return keys(workbench, contextOf(sport), report(workbench, actionLabel, team)).stream()
                .map(TriggerSequence::format).toList();
    }

    /**
     * @return the palette button's key for an action of a sport: its home key when that is a single key with no
     *         modifier and its away key is Shift and the same key (as the button shows "G" and "⇧G"), in lower
     *         case; 0 otherwise
     */
    public static char paletteKey(IWorkbench workbench, Sport sport, SportAction action, boolean away) {
        List<KeySequence> keys = keys(workbench, contextOf(sport), report(workbench, action.label(), away ? AWAY : HOME));
        int shift = shift();
        for (KeySequence k : keys) {
            KeyStroke[] strokes = k.getKeyStrokes();
            if (strokes.length == 1 && strokes[0].getModifierKeys() == (away ? shift : 0)
                    && strokes[0].getNaturalKey() < 0x10000 && Character.isLetterOrDigit(strokes[0].getNaturalKey())) {
                return Character.toLowerCase((char) strokes[0].getNaturalKey());
            }
        }
        return 0;
    }
}
