package io.sideline.ui.internal.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/**
 * The buttons that report what happens, one per action and origin, each with its hotkey. They come from
 * the host's {@code setup} message when the user joins a match.
 */
public final class PaletteView extends ViewPart {

    private Composite content;

    @Override
    public void createPartControl(Composite parent) {
        content = EmptyState.create(parent, "No match joined",
                "Join or start a match: its actions appear here as buttons, home team left, away team right, each with a hotkey.");
    }

    @Override
    public void setFocus() {
        content.setFocus();
    }
}
