package io.sideline.ui.internal.dialogs;

import java.net.URI;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks where the lookup server is and who the user is. The URL and user come from the preferences, the
 * password from secure storage when the user asked to remember it.
 */
public final class ConnectDialog extends TitleAreaDialog {

    /** what the user entered */
    public record Answer(URI url, String user, String password, boolean remember, boolean register) {
    }

    private final String initialUrl;
    private final String initialUser;
    private final String initialPassword;
    private Text url;
    private Text user;
    private Text password;
    private Button remember;
    private Button register;
    private Answer answer;

    public ConnectDialog(Shell parent, String url, String user, String password) {
        super(parent);
        this.initialUrl = url;
        this.initialUser = user;
        this.initialPassword = password;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to a Lookup Server");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Connect to a lookup server");
        setMessage("The lookup server finds matches and lets you join them. For a match on your own, use "
                + "File › Local Match instead.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        url = field(c, "&Server URL:", initialUrl, SWT.BORDER);
        user = field(c, "&User:", initialUser, SWT.BORDER);
        password = field(c, "&Password:", initialPassword, SWT.BORDER | SWT.PASSWORD);
        new Label(c, SWT.NONE);
        remember = new Button(c, SWT.CHECK);
        remember.setText("&Remember the password in secure storage");
        remember.setSelection(initialPassword != null && !initialPassword.isEmpty());
        new Label(c, SWT.NONE);
        register = new Button(c, SWT.CHECK);
        register.setText("I am &new here: register this user first");
        url.addModifyListener(e -> validate());
        user.addModifyListener(e -> validate());
        password.addModifyListener(e -> validate());
        (initialUser == null || initialUser.isEmpty() ? user : password).setFocus();
        return area;
    }

    private static Text field(Composite c, String label, String value, int style) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, style);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 320;
        t.setLayoutData(d);
        t.setText(value == null ? "" : value);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Connect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        String problem = problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private String problem() {
        if (url == null) {
            return null;
        }
        String u = url.getText().strip();
        try {
            URI uri = URI.create(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                return "The server URL starts with http:// or https://, for example http://localhost:8080";
            }
        } catch (IllegalArgumentException e) {
            return "The server URL is not a URL: " + u;
        }
        if (user.getText().strip().isEmpty()) {
            return "Enter your user name";
        }
        if (password.getText().isEmpty()) {
            return "Enter your password";
        }
        return null;
    }

    @Override
    protected void okPressed() {
        answer = new Answer(URI.create(url.getText().strip()), user.getText().strip(), password.getText(),
                remember.getSelection(), register.getSelection());
        super.okPressed();
    }

    /** @return what the user entered, once the dialog closed with Connect */
    public Answer answer() {
        return answer;
    }
}
