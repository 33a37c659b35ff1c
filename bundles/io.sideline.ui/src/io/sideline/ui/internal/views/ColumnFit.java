package io.sideline.ui.internal.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Sizes a table's columns to what they show, header and cells, with the padding the platform puts around the
 * text; so "Confidence" and "Pierre-Emerick Aubameyang" are never cut. UI thread only.
 */
final class ColumnFit {

    /** the platform's padding around a header's text and around a cell's text, measured once */
    private static int headerTrim = -1;
    private static int cellTrim = -1;

    private ColumnFit() {
    }

    /**
     * Packs every column of a table whose items all exist (not {@link SWT#VIRTUAL}) to its header and its
     * cells. Meant for short tables (a few hundred rows at most).
     */
    static void pack(Table table) {
        if (table.isDisposed()) {
            return;
        }
        measureTrims(table.getDisplay());
        TableColumn[] columns = table.getColumns();
        GC gc = new GC(table);
        try {
            for (int i = 0; i < columns.length; i++) {
                TableColumn c = columns[i];
                c.pack();
                // a table not shown yet (a tab behind another) packs its headers short: measure them too
                int width = c.getText().isEmpty() ? 0 : gc.textExtent(c.getText()).x + headerTrim;
                for (TableItem item : table.getItems()) {
                    String text = item.getText(i);
                    if (!text.isEmpty()) {
                        gc.setFont(item.getFont(i));
                        width = Math.max(width, gc.textExtent(text).x + cellTrim);
                    }
                }
                gc.setFont(table.getFont());
                if (c.getWidth() < width) {
                    c.setWidth(width);
                }
            }
        } finally {
            gc.dispose();
        }
    }

    /**
     * Widens the columns of a (virtual) table so the headers and these rows' cells fit; never narrows them, so
     * a width the user chose stays until wider content arrives.
     *
     * @param table  the table
     * @param rows   the cells of the rows to measure, one array per row in column order
     * @param needed what each column needed so far, updated; all zero for a new table or new content
     */
    static void widen(Table table, List<String[]> rows, int[] needed) {
        if (table.isDisposed()) {
            return;
        }
        measureTrims(table.getDisplay());
        TableColumn[] columns = table.getColumns();
        int[] now = new int[columns.length];
        GC gc = new GC(table);
        try {
            for (int i = 0; i < columns.length; i++) {
                now[i] = columns[i].getText().isEmpty() ? 0 : gc.textExtent(columns[i].getText()).x + headerTrim;
            }
            for (String[] row : rows) {
                for (int i = 0; i < columns.length && i < row.length; i++) {
                    if (row[i] != null && !row[i].isEmpty()) {
                        now[i] = Math.max(now[i], gc.textExtent(row[i]).x + cellTrim);
                    }
                }
            }
        } finally {
            gc.dispose();
        }
        for (int i = 0; i < columns.length && i < needed.length; i++) {
            if (now[i] > needed[i]) {
                needed[i] = now[i];
                if (columns[i].getWidth() < now[i]) {
                    columns[i].setWidth(now[i]);
                }
            }
        }
    }

    /** Measures the padding of a header and of a cell on a table of its own, off screen. */
    private static void measureTrims(Display display) {
        if (headerTrim >= 0) {
            return;
        }
        Shell scratch = new Shell(display, SWT.NO_TRIM | SWT.NO_FOCUS | SWT.ON_TOP);
        try {
            scratch.setLayout(new org.eclipse.swt.layout.FillLayout());
            Table t = new Table(scratch, SWT.NONE);
            // shown, off screen: a table never shown pads its headers differently
            scratch.setBounds(-3000, -3000, 800, 200);
            scratch.setVisible(true);
            t.setHeaderVisible(true);
            TableColumn c = new TableColumn(t, SWT.LEFT);
            String header = "Confidence of the vote";
            c.setText(header);
            c.pack();
            GC gc = new GC(t);
            try {
                headerTrim = Math.max(0, c.getWidth() - gc.textExtent(header).x);
                String cell = "Pierre-Emerick Aubameyang, Pierre-Emerick Aubameyang";
                c.setText("");
                new TableItem(t, SWT.NONE).setText(0, cell);
                c.pack();
                cellTrim = Math.max(0, c.getWidth() - gc.textExtent(cell).x);
            } finally {
                gc.dispose();
            }
        } finally {
            scratch.dispose();
        }
    }
}
