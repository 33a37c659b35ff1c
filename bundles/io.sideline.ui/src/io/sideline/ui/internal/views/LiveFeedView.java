package io.sideline.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.part.ViewPart;

/** The accepted events of the match, in timeline order. */
public final class LiveFeedView extends ViewPart {

    /** the feed's columns, in order */
    static final String[] COLUMNS = { "Time", "Origin", "Action", "Player", "Votes", "Confidence" };
    private static final int[] WIDTHS = { 70, 110, 140, 150, 60, 90 };

    private Table table;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, i >= 4 ? SWT.RIGHT : SWT.LEFT);
            column.setText(COLUMNS[i]);
            column.setWidth(WIDTHS[i]);
        }
    }

    /** @return the feed's table */
    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
