package io.sideline.ui.internal.views;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/** The match at a glance: the teams, the score, the clock and the connection. */
public final class MatchView extends ViewPart {

    /** {@code getData} keys under which UI tests find the labels */
    static final String DATA_SCORE = "io.sideline.ui.match.score";
    static final String DATA_STATUS = "io.sideline.ui.match.status";

    private Composite content;

    @Override
    public void createPartControl(Composite parent) {
        content = new Composite(parent, SWT.NONE);
        content.setLayout(new GridLayout(3, false));

        Label status = new Label(content, SWT.NONE);
        status.setText("Not connected");
        status.setData(DATA_STATUS, Boolean.TRUE);
        status.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, true, false));

        Label score = new Label(content, SWT.CENTER);
        score.setText("–  :  –");
        score.setFont(JFaceResources.getHeaderFont());
        score.setData(DATA_SCORE, Boolean.TRUE);
        score.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, true, false));

        Label clock = new Label(content, SWT.NONE);
        clock.setText("--:--");
        clock.setFont(JFaceResources.getHeaderFont());
        clock.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
    }

    @Override
    public void setFocus() {
        content.setFocus();
    }
}
