package io.sideline.ui.internal.views;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** What a view shows before there is anything to show: a heading and one sentence on how to get there. */
final class EmptyState {

    /** the {@code getData} key under which UI tests find the empty-state heading of a view */
    static final String DATA_KEY = "io.sideline.ui.emptyState";

    private EmptyState() {
    }

    static Composite create(Composite parent, String heading, String hint) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        Label title = new Label(box, SWT.WRAP | SWT.CENTER);
        title.setText(heading);
        title.setFont(JFaceResources.getBannerFont());
        title.setData(DATA_KEY, heading);
        title.setLayoutData(new GridData(SWT.FILL, SWT.END, true, true));
        Label text = new Label(box, SWT.WRAP | SWT.CENTER);
        text.setText(hint);
        GridData hintData = new GridData(SWT.FILL, SWT.BEGINNING, true, true);
        hintData.widthHint = 280;
        text.setLayoutData(hintData);
        return box;
    }
}
