package io.sideline.ui.internal.prefs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.ui.internal.session.LiveSession;

/**
 * Window › Preferences › Sideline Palette Keys: the key of each action of each installed sport. The home
 * team's report is the key, the away team's Shift and the key. Two actions of a sport cannot share a key.
 */
public final class PaletteKeysPage extends PreferencePage implements IWorkbenchPreferencePage {

    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, String> sportOf = new HashMap<>();

    @Override
    public void init(IWorkbench workbench) {
        setDescription("The key of each action on the palette: the key reports for the home team, Shift and the "
                + "key for the away team. Leave a key empty to use the button only.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
        List<Sport> sports = session.sports();
        for (Sport sport : sports) {
            Group g = new Group(c, SWT.NONE);
            g.setText(sport.name());
            g.setLayout(new GridLayout(4, false));
            g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            for (SportAction a : sport.actions()) {
                new Label(g, SWT.NONE).setText(a.label() + ":");
                Text t = new Text(g, SWT.BORDER);
                t.setTextLimit(1);
                GridData d = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
                d.widthHint = 30;
                t.setLayoutData(d);
                String pref = PaletteKeys.preference(sport, a);
                t.setText(PaletteKeys.display(PaletteKeys.keyOf(sport, a)));
                t.addModifyListener(e -> validate());
                fields.put(pref, t);
                defaults.put(pref, a.hotkey() == null ? "" : a.hotkey().toUpperCase(Locale.ROOT));
                sportOf.put(pref, sport.id());
            }
        }
        if (sports.isEmpty()) {
            new Label(c, SWT.NONE).setText("No sport is installed.");
        }
        return c;
    }

    private void validate() {
        Map<String, String> used = new HashMap<>();
        for (Map.Entry<String, Text> e : fields.entrySet()) {
            String key = e.getValue().getText().strip();
            String problem = PaletteKeys.problem(key);
            if (problem == null && !key.isEmpty()) {
                String scoped = sportOf.get(e.getKey()) + ":" + key.toLowerCase(Locale.ROOT);
                if (used.putIfAbsent(scoped, e.getKey()) != null) {
                    problem = "\"" + key.toUpperCase(Locale.ROOT) + "\" is the key of two actions of "
                            + sportOf.get(e.getKey());
                }
            }
            if (problem != null) {
                setErrorMessage(problem);
                setValid(false);
                return;
            }
        }
        setErrorMessage(null);
        setValid(true);
    }

    @Override
    protected void performDefaults() {
        fields.forEach((pref, t) -> t.setText(defaults.get(pref)));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        fields.forEach((pref, t) -> {
            String key = t.getText().strip().toLowerCase(Locale.ROOT);
            if (key.equals(defaults.get(pref).toLowerCase(Locale.ROOT))) {
                PaletteKeys.node().remove(pref);
            } else {
                PaletteKeys.node().put(pref, key);
            }
        });
        try {
            PaletteKeys.node().flush();
        } catch (Exception e) {
            ILog.of(PaletteKeysPage.class).error("Could not save the palette keys", e);
            setErrorMessage("Could not save the keys: " + e.getMessage());
            return false;
        }
        return true;
    }
}
