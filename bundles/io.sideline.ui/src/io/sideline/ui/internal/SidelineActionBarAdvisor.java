package io.sideline.ui.internal;

import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.keys.SportKeys;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/** File, Window and Help menus; later features contribute commands through menu contributions. */
final class SidelineActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction quit;
    private IWorkbenchAction preferences;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction about;
    private IWorkbenchAction importWizards;
    private IWorkbenchAction exportWizards;
    private MatchActions match;

    SidelineActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        quit = register(ActionFactory.QUIT.create(window));
        preferences = register(ActionFactory.PREFERENCES.create(window));
        resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
        about = register(ActionFactory.ABOUT.create(window));
        importWizards = register(ActionFactory.IMPORT.create(window));
        exportWizards = register(ActionFactory.EXPORT.create(window));
        match = new MatchActions(window);
    }

    /** @return a menu item for a command: it shows the command's key, as the Keys preference page sets it */
    private static CommandContributionItem command(IWorkbenchWindow window, String commandId, String label) {
        CommandContributionItemParameter p = new CommandContributionItemParameter(window, commandId, commandId,
                CommandContributionItem.STYLE_PUSH);
        p.label = label;
        return new CommandContributionItem(p);
    }

    private IWorkbenchAction register(IWorkbenchAction action) {
        super.register(action);
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(match.localMatch());
        file.add(match.connect());
        file.add(match.newMatch());
        file.add(match.leave());
        file.add(new Separator());
        file.add(match.openSaved());
        file.add(match.save());
        file.add(match.replay());
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(importWizards);
        file.add(new GroupMarker("import.ext"));
        file.add(exportWizards);
        file.add(match.exportCsv());
        file.add(new GroupMarker("export.ext"));
        file.add(new Separator());
        file.add(quit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager perspectives = new MenuManager("Open &Perspective");
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        MenuManager views = new MenuManager("Show &View");
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(perspectives);
        windowMenu.add(views);
        windowMenu.add(resetPerspective);
        windowMenu.add(new Separator());
        windowMenu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(preferences);

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(command(window, SportKeys.COMMAND_KEY_ASSIST, "&Key Assist…"));
        help.add(command(window, SportKeys.COMMAND_SIDELINE_KEYS, "Sideline &Keys…"));
        help.add(new Separator());
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(about);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(command(window, SportKeys.COMMAND_RETRACT, "&Retract Last Report"));

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }
}
